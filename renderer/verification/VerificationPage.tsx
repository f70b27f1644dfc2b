import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import {
  type AppliedMeasure,
  appliedMeasures,
  type CheckResult,
  type VerificationMatter,
  verificationMatters,
} from '../../shared/verification/check.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectIdSelect } from '../creditRecords/SubjectSelect.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { formatInstant } from '../subjects/labels.ts';
import { useReportServices } from '../reports/useReports.ts';
import { CheckResultView, standingColors } from './CheckResultView.tsx';
import { saveCheckForm } from './printForm.ts';
import type { SavedCheck } from './verificationService.ts';

const fieldLabels: Readonly<Record<string, string>> = {
  subjectId: 'verification.subject',
  partyCode: 'verification.partyCode',
  partyName: 'verification.partyName',
  measure: 'verification.measureApplied',
};

/** 信用核查: pick a party and a matter, see the file and the measures, save the check with the measure. */
export function VerificationPage() {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const { reports, verification } = useReportServices();
  const nameOf = useUserNames();
  const [params] = useSearchParams();
  const [target, setTarget] = useState<'subject' | 'party'>(params.get('party') ? 'party' : 'subject');
  const [subjectId, setSubjectId] = useState(params.get('subject') ?? '');
  const [partyCode, setPartyCode] = useState(params.get('party') ?? '');
  const [partyName, setPartyName] = useState('');
  const [matter, setMatter] = useState<VerificationMatter>('licence');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [measure, setMeasure] = useState<AppliedMeasure>('none');
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saved, setSaved] = useState<SavedCheck | null>(null);
  const [mine, setMine] = useState<SavedCheck[]>([]);
  const [busy, setBusy] = useState(false);

  const loadMine = useCallback(async () => setMine(await verification.mine()), [verification]);
  useEffect(() => {
    void loadMine();
  }, [loadMine]);
  useEffect(() => {
    const subject = params.get('subject');
    const party = params.get('party');
    if (subject) {
      setTarget('subject');
      setSubjectId(subject);
    } else if (party) {
      setTarget('party');
      setPartyCode(party);
    }
  }, [params]);

  const run = async () => {
    setSaved(null);
    const outcome = await verification.check(
      target === 'subject' ? { subjectId } : { partyCode, partyName },
      matter,
    );
    if (!outcome.ok) {
      setResult(null);
      return setIssues(outcome.issues);
    }
    setIssues([]);
    setResult(outcome.result);
    setMeasure(outcome.result.suggested);
    setNote('');
  };

  const save = async () => {
    if (!result) return;
    setBusy(true);
    try {
      const outcome = await verification.save(result, measure, note);
      if (!outcome.ok) return setIssues(outcome.issues);
      setIssues([]);
      setSaved(outcome.saved);
      notifications.show({ color: 'teal', message: t('verification.saved') });
      await loadMine();
    } finally {
      setBusy(false);
    }
  };

  const print = async (check: SavedCheck) => {
    await saveCheckForm(services, reports, check, nameOf(check.userId));
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('verification.title')}</Title>
        <Button variant="default" component={Link} to="/verification/cases">
          {t('verification.cases')}
        </Button>
      </Group>
      <Text c="dimmed">{t('verification.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack>
          <SegmentedControl
            value={target}
            onChange={(next) => setTarget(next as 'subject' | 'party')}
            data={[
              { value: 'subject', label: t('verification.target.subject') },
              { value: 'party', label: t('verification.target.party') },
            ]}
            w="fit-content"
          />
          {target === 'subject' ? (
            <SubjectIdSelect
              label={t('verification.subject')}
              value={subjectId}
              onChange={setSubjectId}
              required
            />
          ) : (
            <Group grow>
              <TextInput
                label={t('verification.partyCode')}
                value={partyCode}
                onChange={(event) => setPartyCode(event.currentTarget.value)}
                required
              />
              <TextInput
                label={t('verification.partyName')}
                value={partyName}
                onChange={(event) => setPartyName(event.currentTarget.value)}
              />
            </Group>
          )}
          <Select
            label={t('verification.matter.label')}
            value={matter}
            allowDeselect={false}
            onChange={(next) => next && setMatter(next as VerificationMatter)}
            data={verificationMatters.map((value) => ({ value, label: t(`verification.matter.${value}`) }))}
          />
          <Group justify="flex-end">
            <Button onClick={run} disabled={target === 'subject' ? !subjectId : !partyCode.trim()}>
              {t('verification.run')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <IssueSummary
        issues={issues}
        labelOf={(field) => (fieldLabels[field] ? t(fieldLabels[field]) : null)}
      />
      {result && (
        <>
          <CheckResultView result={result} />
          <Paper withBorder p="lg">
            <Stack>
              <Select
                label={t('verification.measureApplied')}
                value={measure}
                allowDeselect={false}
                onChange={(next) => next && setMeasure(next as AppliedMeasure)}
                data={appliedMeasures.map((value) => ({ value, label: t(`verification.measure.${value}`) }))}
                disabled={saved !== null}
              />
              <Textarea
                label={t('verification.note')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                autosize
                minRows={2}
                disabled={saved !== null}
              />
              {saved ? (
                <Group justify="flex-end">
                  <Badge color="teal" variant="light">
                    {t('verification.saved')}
                  </Badge>
                  <Button onClick={() => print(saved)}>{t('verification.printForm')}</Button>
                </Group>
              ) : (
                <>
                  <Alert color="blue" variant="light">
                    {t('verification.willSave')}
                  </Alert>
                  <FormActions onConfirm={save} label={t('verification.save')} loading={busy} />
                </>
              )}
            </Stack>
          </Paper>
        </>
      )}
      <Title order={3}>{t('verification.mine')}</Title>
      {mine.length === 0 ? (
        <Text c="dimmed">{t('verification.mineEmpty')}</Text>
      ) : (
        <ListTable
          columns={[
            t('verification.column.at'),
            t('verification.column.party'),
            t('verification.column.matter'),
            t('verification.column.standing'),
            t('verification.column.measure'),
            '',
          ]}
          striped
        >
          {mine.map((check) => (
            <Table.Tr key={check.entryId}>
              <Table.Td>{formatInstant(check.at, i18n.language)}</Table.Td>
              <Table.Td>{check.record.result.party.name}</Table.Td>
              <Table.Td>{t(`verification.matter.${check.record.result.matter}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={standingColors[check.record.result.standing]}>
                  {t(`verification.standing.${check.record.result.standing}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`verification.measure.${check.record.measureApplied}`)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => print(check)}>
                  {t('verification.printForm')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}
