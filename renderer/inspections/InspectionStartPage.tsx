import { Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type ChecklistIndustry, checklistIndustries } from '../../shared/inspections/checklists.ts';
import { type AdHocReason, adHocReasons } from '../../shared/inspections/record.ts';
import type { UserDocument } from '../../shared/model/user.ts';
import type { ValidationIssue } from '../../shared/model/validation.ts';
import { useServices } from '../app/services.ts';
import { IssueSummary } from '../features/credit/issues.tsx';
import { SubjectSelect } from '../features/credit/SubjectSelect.tsx';

const isChecklistIndustry = (value: string): value is ChecklistIndustry =>
  (checklistIndustries as readonly string[]).includes(value);

/** Starts an ad hoc inspection: who is inspected, why, with whom, against which checklist. */
export function InspectionStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { inspections, users, context } = useServices();
  const me = context.session()?.userId ?? '';
  const [subjectId, setSubjectId] = useState(params.get('subject') ?? '');
  const [industry, setIndustry] = useState<ChecklistIndustry>('construction');
  const [reason, setReason] = useState<AdHocReason>('complaint');
  const [note, setNote] = useState('');
  const [partner, setPartner] = useState<string | null>(null);
  const [inspectors, setInspectors] = useState<UserDocument[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    users
      .list()
      .then((all) =>
        setInspectors(
          all.filter(
            (user) => user.id !== me && user.status === 'active' && user.roles.includes('inspector'),
          ),
        ),
      );
  }, [users, me]);

  const start = async () => {
    setBusy(true);
    try {
      const started = await inspections.start({
        subjectId,
        projectId: '',
        planId: '',
        adHocReason: reason,
        adHocNote: note,
        inspectors: partner ? [me, partner] : [me],
        industry,
      });
      if (started.ok) navigate(`/inspections/${started.value.id}`);
      else setIssues(started.issues);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={720}>
      <Title order={2}>{t('inspectionUi.start.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <SubjectSelect
            label={t('inspectionUi.start.subject')}
            value={subjectId}
            required
            onChange={(subject) => {
              setSubjectId(subject?.id ?? '');
              if (subject && isChecklistIndustry(subject.industry)) setIndustry(subject.industry);
            }}
          />
          <Select
            label={t('inspectionUi.start.industry')}
            size="md"
            value={industry}
            allowDeselect={false}
            data={checklistIndustries.map((value) => ({ value, label: t(`subject.industry.${value}`) }))}
            onChange={(value) => value && isChecklistIndustry(value) && setIndustry(value)}
          />
          <Select
            label={t('inspectionUi.start.reason')}
            size="md"
            value={reason}
            allowDeselect={false}
            data={adHocReasons.map((value) => ({ value, label: t(`inspectionUi.origin.${value}`) }))}
            onChange={(value) => value && setReason(value as AdHocReason)}
          />
          <Textarea
            label={t('inspectionUi.start.reasonNote')}
            size="md"
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Select
            label={t('inspectionUi.start.partner')}
            description={t('inspectionUi.start.partnerHint')}
            size="md"
            value={partner}
            data={inspectors.map((user) => ({ value: user.id, label: user.displayName }))}
            onChange={setPartner}
          />
          <IssueSummary issues={issues} labelOf={() => null} />
          <Text size="sm" c="dimmed">
            {t('inspectionUi.start.consequence')}
          </Text>
          <Button size="md" onClick={start} loading={busy} disabled={subjectId === ''}>
            {t('inspectionUi.start.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
