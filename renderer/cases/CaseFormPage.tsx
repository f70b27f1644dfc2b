import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Alert,
  Anchor,
  Checkbox,
  FileInput,
  Group,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseKind, RepairChannel } from '../../shared/cases/model.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { emptyCommitmentFields } from '../commitments/repository.ts';
import { creditRepairMatter } from './repairCommitments.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { errorsByField, IssueSummary } from '../kernel/ui/issues.tsx';
import type { PickedFile } from '../kernel/attachments.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import { type CaseFields, emptyCaseFields } from './repository.ts';

/** The label of a case field named in an issue ('proofs.0' → proofs). */
function caseFieldLabel(t: TFunction, field: string, kind: CaseKind): string | null {
  const name = field.split('.')[0]!;
  if (name === 'statement')
    return t(kind === 'repair' ? 'cases.field.statementRepair' : 'cases.field.statementObjection');
  return t(`cases.field.${name}`, { defaultValue: '' }) || null;
}

async function picked(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(
    files.map(async (file) => ({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) })),
  );
}

/** Registers a repair application or an objection about one credit record. */
export function CaseFormPage() {
  const { t } = useTranslation();
  const { kind: rawKind = 'repair' } = useParams();
  const kind: CaseKind = rawKind === 'objection' ? 'objection' : 'repair';
  const [params] = useSearchParams();
  const recordId = params.get('record') ?? '';
  const navigate = useNavigate();
  const { cases, creditRecords, commitments, subjects, clock } = useServices();
  const [record, setRecord] = useState<CreditRecordDocument | null | undefined>(undefined);
  const [letters, setLetters] = useState<CommitmentDocument[]>([]);
  const [fields, setFields] = useState<CaseFields>(() =>
    emptyCaseFields(kind, recordId, chinaDateOf(clock())),
  );
  const [scans, setScans] = useState<File[]>([]);
  const [proofs, setProofs] = useState<File[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    creditRecords.get(recordId).then(setRecord);
  }, [creditRecords, recordId]);
  // A repair takes the applicant's standing letter for the record, or a new one from the template.
  useEffect(() => {
    if (kind !== 'repair' || !record) return;
    let live = true;
    (async () => {
      const standing = await cases.repairCommitments(record.id);
      const subject = await subjects.get(record.subjectId);
      const template = commitments.templateFor(
        { ...emptyCommitmentFields(record.subjectId), type: 'creditRepair', matterCode: creditRepairMatter },
        subject,
      );
      if (!live) return;
      setLetters(standing);
      setFields((current) => ({
        ...current,
        commitmentId: standing[0]?.id ?? '',
        commitmentText: current.commitmentText || template.content,
      }));
    })();
    return () => {
      live = false;
    };
  }, [kind, record, cases, commitments, subjects]);

  if (record === undefined) return <Loader />;
  if (record === null) return <Text>{t('common.notFound')}</Text>;

  const set = <Field extends keyof CaseFields>(field: Field, value: CaseFields[Field]) =>
    setFields((current) => ({ ...current, [field]: value }));
  const errors = errorsByField(t, issues, (field) => field.split('.')[0]!);
  const submit = async () => {
    setSaving(true);
    try {
      const entered = { ...fields, commitmentScans: await picked(scans), proofs: await picked(proofs) };
      const result =
        kind === 'repair' && fields.commitmentId === ''
          ? await cases.registerWithNewCommitment(entered)
          : await cases.register(entered);
      if (!result.ok) {
        setIssues(result.issues);
        return;
      }
      notifications.show({ color: 'teal', message: t('cases.done.registered') });
      navigate(`/cases/${result.value.id}`);
    } finally {
      setSaving(false);
    }
  };
  const repair = kind === 'repair';
  const national = repair && fields.channel === 'national';

  return (
    <Stack maw={760}>
      <Title order={2}>{t(repair ? 'cases.form.repairTitle' : 'cases.form.objectionTitle')}</Title>
      <Text c="dimmed">{t(repair ? 'cases.form.repairIntro' : 'cases.form.objectionIntro')}</Text>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed">
          {t('cases.detail.record')}
        </Text>
        <Anchor component={Link} to={`/credit/records/${record.id}`}>
          {record.title}
        </Anchor>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          {repair && (
            <SegmentedControl
              data={(['local', 'national'] as RepairChannel[]).map((value) => ({
                value,
                label: t(`cases.channel.${value}`),
              }))}
              value={fields.channel}
              onChange={(value) => set('channel', value as RepairChannel)}
            />
          )}
          <TextInput
            label={t('cases.field.applicant')}
            withAsterisk
            value={fields.applicant}
            onChange={(event) => set('applicant', event.currentTarget.value)}
            error={errors.applicant}
          />
          <DateField
            label={t('cases.field.applicationDate')}
            withAsterisk
            value={fields.applicationDate}
            onChange={(value) => set('applicationDate', value)}
            error={errors.applicationDate}
          />
          <Textarea
            label={t(repair ? 'cases.field.statementRepair' : 'cases.field.statementObjection')}
            withAsterisk
            autosize
            minRows={3}
            value={fields.statement}
            onChange={(event) => set('statement', event.currentTarget.value)}
            error={errors.statement}
          />
          {national && (
            <TextInput
              label={t('cases.field.nationalReference')}
              withAsterisk
              value={fields.nationalReference}
              onChange={(event) => set('nationalReference', event.currentTarget.value)}
              error={errors.nationalReference}
            />
          )}
          {repair && (
            <Checkbox
              label={t('cases.field.obligationsPerformed')}
              checked={fields.obligationsPerformed}
              onChange={(event) => set('obligationsPerformed', event.currentTarget.checked)}
              error={errors.obligationsPerformed}
            />
          )}
          <FileInput
            label={t('cases.field.proofs')}
            placeholder={t('cases.form.files')}
            withAsterisk={repair && !national}
            multiple
            clearable
            value={proofs}
            onChange={setProofs}
            error={errors.proofs}
            data-testid="proof-files"
          />
        </Stack>
      </Paper>
      {repair && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>{t('cases.field.commitment')}</Title>
            {(errors.commitment || errors.commitmentId) && (
              <Text c="red" size="sm">
                {errors.commitmentId ?? errors.commitment}
              </Text>
            )}
            {letters.length > 0 && (
              <Radio.Group
                label={t('cases.field.commitmentId')}
                value={fields.commitmentId || 'new'}
                onChange={(value) => set('commitmentId', value === 'new' ? '' : value)}
              >
                <Stack gap="xs" mt="xs">
                  {letters.map((letter) => (
                    <Group key={letter.id} gap="xs">
                      <Radio
                        value={letter.id}
                        label={t('cases.form.letterOption', {
                          number: letter.number,
                          signatory: letter.signatory,
                          date: letter.signingDate,
                        })}
                      />
                      <Anchor component={Link} to={`/commitments/${letter.id}`} size="sm">
                        {t('cases.form.openLetter')}
                      </Anchor>
                    </Group>
                  ))}
                  <Radio value="new" label={t('cases.form.newLetter')} />
                </Stack>
              </Radio.Group>
            )}
            {fields.commitmentId === '' && (
              <NewLetterFields fields={fields} set={set} scans={scans} setScans={setScans} errors={errors} />
            )}
          </Stack>
        </Paper>
      )}
      {/* The refusal stands by the button that was pressed. */}
      <IssueSummary issues={issues} labelOf={(field) => caseFieldLabel(t, field, kind)} />
      <Alert color="blue" variant="light" role="note">
        {t('cases.form.confirm')}
      </Alert>
      <FormActions
        onCancel={() => navigate(`/credit/records/${record.id}`)}
        onConfirm={submit}
        label={t('cases.form.submit')}
        loading={saving}
      />
    </Stack>
  );
}

/** The content of a new credit-repair letter, made with the application. */
function NewLetterFields({
  fields,
  set,
  scans,
  setScans,
  errors,
}: {
  fields: CaseFields;
  set: <Field extends keyof CaseFields>(field: Field, value: CaseFields[Field]) => void;
  scans: File[];
  setScans: (files: File[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('cases.form.newLetterNote')}
      </Text>
      {/* The letter itself is in Chinese, the official language of these letters, in either interface. */}
      <Textarea
        label={t('cases.field.commitmentText')}
        withAsterisk
        lang="zh-CN"
        translate="no"
        autosize
        minRows={3}
        value={fields.commitmentText}
        onChange={(event) => set('commitmentText', event.currentTarget.value)}
      />
      <TextInput
        label={t('cases.field.commitmentSignatory')}
        withAsterisk
        value={fields.commitmentSignatory}
        onChange={(event) => set('commitmentSignatory', event.currentTarget.value)}
      />
      <DateField
        label={t('cases.field.commitmentDate')}
        withAsterisk
        value={fields.commitmentDate}
        onChange={(value) => set('commitmentDate', value)}
        error={errors.commitmentDate}
      />
      <FileInput
        label={t('cases.field.commitmentScans')}
        placeholder={t('cases.form.files')}
        withAsterisk
        multiple
        clearable
        value={scans}
        onChange={setScans}
        data-testid="commitment-files"
      />
    </>
  );
}
