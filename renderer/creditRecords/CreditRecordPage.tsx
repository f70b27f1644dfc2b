import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { creditRecordWorkflow } from '../../shared/creditRecords/workflow.ts';
import type { StepTextKind } from '../../shared/kit/workflow.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import { UnderObjectionBadge } from '../cases/parts.tsx';
import { RecordCaseButtons, RecordCaseList } from '../cases/RecordCases.tsx';
import type { ManualAction } from './repository.ts';
import { StepDialog, type StepSpec } from '../kernel/ui/StepDialog.tsx';
import { stepColor, useStepDialog, useWatched } from '../kernel/ui/useStepDialog.ts';
import { formatInstant } from '../subjects/labels.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { localized } from './CatalogPage.tsx';
import { CategoryBadge, PublicBadge, StatusBadge } from './style.tsx';
import { useUserNames } from './useUserNames.ts';

/** One credit record: every field, where it came from, its review history and the steps the user may take. */
export function CreditRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { creditRecords } = useServices();
  const record = useWatched(creditRecords, id);
  const { pending, open, cancel, confirm } = useStepDialog<ManualAction>(
    (action, { text }) => creditRecords.act(id, action, text),
    (action) => t(`creditUi.record.done.${action}`),
  );

  if (record === undefined) return <Loader />;
  if (record === null) return <Text>{t('common.notFound')}</Text>;

  const actions = creditRecords.availableActions(record);
  const step = (action: ManualAction): StepSpec => ({
    label: t(`credit.workflow.action.${action}`),
    consequence: t(`stepDialog.record.${action}`),
    text: creditRecordWorkflow.transitions[action].text,
    color: stepColor(action),
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{record.title}</Title>
          <Group gap="xs">
            <CategoryBadge category={record.category} />
            <StatusBadge status={record.status} />
            <PublicBadge visible={creditRecords.isPublic(record)} />
            <UnderObjectionBadge recordId={record.id} />
          </Group>
        </Stack>
        <Group>
          {creditRecords.canEditDraft(record) && (
            <Button variant="default" component={Link} to={`/credit/records/${record.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
          {actions.map((action) => (
            <Button key={action} color={stepColor(action)} onClick={() => open(action)}>
              {t(`credit.workflow.action.${action}`)}
            </Button>
          ))}
          <RecordCaseButtons record={record} />
        </Group>
      </Group>
      <ReturnedNotice record={record} />
      <RecordFacts record={record} />
      <RecordCaseList recordId={record.id} />
      <WorkflowHistory record={record} />
      <StepDialog step={pending ? step(pending) : null} onCancel={cancel} onConfirm={confirm} />
    </Stack>
  );
}

/** A returned draft says why at its top: the reviewer's reason, who returned it and when. */
function ReturnedNotice({ record }: { record: CreditRecordDocument }) {
  const { t, i18n } = useTranslation();
  const nameOf = useUserNames();
  const last = record.workflow.at(-1);
  if (record.status !== 'draft' || last?.action !== 'return') return null;
  return (
    <Alert color="orange" title={t('stepDialog.returnedTitle')} data-testid="return-reason">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {last.note}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('creditUi.record.stepBy', { by: nameOf(last.by), at: formatInstant(last.at, i18n.language) })}
      </Text>
    </Alert>
  );
}

const factFields = [
  'subjectId',
  'catalogCode',
  'documentNumber',
  'decisionDate',
  'authority',
  'disclosure',
  'publicityStart',
  'publicityEnd',
  'source',
] as const;

function RecordFacts({ record }: { record: CreditRecordDocument }) {
  const { t, i18n } = useTranslation();
  const { reference, subjects } = useServices();
  const [subject, setSubject] = useState<SubjectDocument | null>(null);
  useEffect(() => {
    subjects.get(record.subjectId).then(setSubject);
  }, [subjects, record.subjectId]);
  const item = reference.findItem(record.catalogCode);
  const value = (field: (typeof factFields)[number]): ReactNode => {
    switch (field) {
      case 'subjectId':
        return subject ? (
          <Anchor component={Link} to={`/subjects/${subject.id}?tab=credit`}>
            {subject.name}
          </Anchor>
        ) : (
          record.subjectId
        );
      case 'catalogCode':
        return item ? `${item.code} ${localized(item.name, i18n.language)}` : record.catalogCode;
      case 'disclosure':
        return t(`credit.disclosure.${record.disclosure}`);
      case 'publicityEnd':
        return record.publicityEnd || t('credit.publicity.whileValid');
      case 'source':
        if (record.sourceId && record.source === 'penalty')
          return (
            <Anchor
              component={Link}
              to={`/credit/disclosures/${record.sourceId}`}
              data-testid="record-source"
            >
              {t('creditUi.record.sourcePenalty')}
            </Anchor>
          );
        if (record.sourceId && record.source === 'inspection')
          return (
            <Anchor component={Link} to={`/inspections/${record.sourceId}`} data-testid="record-source">
              {t('creditUi.record.sourceInspection')}
            </Anchor>
          );
        return t(`credit.source.${record.source}`);
      default:
        return record[field] || '—';
    }
  };
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {factFields.map((field) => (
          <div key={field}>
            <Text size="xs" c="dimmed">
              {t(`credit.field.${field}`)}
            </Text>
            <Text component="div">{value(field)}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.field.facts')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{record.facts}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('credit.field.legalBasis')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{record.legalBasis || '—'}</Text>
        </div>
        <AttachmentList record={record} />
      </Stack>
    </Paper>
  );
}

function WorkflowHistory({ record }: { record: CreditRecordDocument }) {
  const { t, i18n } = useTranslation();
  const nameOf = useUserNames();
  const steps = [
    {
      key: 'created',
      title: t('creditUi.record.createdStep'),
      by: record.createdBy,
      at: record.createdAt,
      note: '',
      noteKind: 'reason' as StepTextKind,
    },
    ...record.workflow.map((entry, index) => ({
      key: `${index}`,
      title: t(`credit.workflow.action.${entry.action}`),
      by: entry.by,
      at: entry.at,
      note: entry.note,
      // The reviewer's opinion (审核意见) or the reason for the step, as its transition names it.
      noteKind: creditRecordWorkflow.transitions[entry.action]?.text?.kind ?? 'reason',
    })),
  ];
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('credit.field.workflow')}
      </Title>
      <Timeline active={steps.length - 1} bulletSize={18} data-testid="record-workflow">
        {steps.map((step) => (
          <Timeline.Item key={step.key} title={step.title}>
            <Text size="sm" c="dimmed">
              {t('creditUi.record.stepBy', {
                by: nameOf(step.by),
                at: formatInstant(step.at, i18n.language),
              })}
            </Text>
            {step.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t(`stepDialog.note.${step.noteKind}`, { note: step.note })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
