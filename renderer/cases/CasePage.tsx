import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDocument, CaseStep } from '../../shared/cases/model.ts';
import { caseTransition, isCaseOpen } from '../../shared/cases/workflow.ts';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { CreditRecordCorrection, CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { useServices } from '../app/services.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { StepDialog } from '../kernel/ui/StepDialog.tsx';
import { stepColor, useStepDialog, useWatched } from '../kernel/ui/useStepDialog.ts';
import { StatusBadge } from '../creditRecords/style.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { formatInstant } from '../subjects/labels.ts';
import { CorrectionFields, correctionOf } from './CorrectionFields.tsx';
import { CaseStatusBadge } from './parts.tsx';
import { creditFieldLabel } from '../kernel/ui/issues.tsx';

/** One repair application or objection: what was asked, its deadline, its steps and the user's next step. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { cases, creditRecords, clock } = useServices();
  const doc = useWatched(cases, id);
  const record = useWatched(creditRecords, doc?.recordId) ?? null;
  const [correction, setCorrection] = useState<Required<CreditRecordCorrection> | null>(null);
  const { pending, open, cancel, confirm } = useStepDialog<CaseStep>(
    (step, { text }) => cases.act(id, step, text, step === 'correct' ? (correction ?? {}) : {}),
    (step) => t('cases.done.step', { step: t(`cases.step.${step}`) }),
  );

  if (doc === undefined) return <Loader />;
  if (doc === null) return <Text>{t('common.notFound')}</Text>;

  const steps = cases.availableSteps(doc);
  const deadline = cases.deadline(doc);
  const withdrawBy = cases.withdrawalDeadline(doc);
  const overdue = deadline !== '' && deadline < chinaDateOf(clock());

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t(`cases.kind.${doc.kind}`)}</Title>
          <Group gap="xs">
            <CaseStatusBadge status={doc.status} />
            {deadline && (
              <Badge color={overdue ? 'red' : 'gray'} variant="light" data-testid="case-deadline">
                {overdue ? t('cases.list.overdue') : t('cases.detail.deadline', { date: deadline })}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group>
          {steps.map((step) => (
            <Button
              key={step}
              color={stepColor(step)}
              onClick={() => {
                setCorrection(record ? correctionOf(record) : null);
                open(step);
              }}
            >
              {t(`cases.step.${step}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {isCaseOpen(doc.status) && steps.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('cases.detail.noSteps')}
        </Text>
      )}
      {withdrawBy && record?.source === 'penalty' && (
        <Alert color="red" data-testid="withdraw-deadline">
          <Anchor component={Link} to={`/credit/disclosures/${record.sourceId}`}>
            {t('cases.detail.withdrawBy', { date: withdrawBy })}
          </Anchor>
        </Alert>
      )}
      <CaseFacts doc={doc} record={record} />
      <CaseHistory doc={doc} />
      <StepDialog
        step={
          pending
            ? {
                label: t(`cases.step.${pending}`),
                consequence: t(`cases.consequence.${pending}`),
                text: caseTransition(doc.kind, pending)?.text ?? null,
                color: stepColor(pending),
                fields:
                  pending === 'correct' && correction ? (
                    <CorrectionFields value={correction} onChange={setCorrection} />
                  ) : null,
                fieldLabel: (field) => creditFieldLabel(t, field),
              }
            : null
        }
        onCancel={cancel}
        onConfirm={confirm}
      />
    </Stack>
  );
}

function Files({ files }: { files: readonly Attachment[] }) {
  if (files.length === 0) return <>—</>;
  return (
    <List size="sm">
      {files.map((file) => (
        <List.Item key={file.sha256}>{file.name}</List.Item>
      ))}
    </List>
  );
}

function CaseFacts({ doc, record }: { doc: CaseDocument; record: CreditRecordDocument | null }) {
  const { t } = useTranslation();
  const repair = doc.kind === 'repair';
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Fact label={t('cases.detail.record')} block>
          {record ? (
            <Group gap="xs">
              <Anchor component={Link} to={`/credit/records/${record.id}`}>
                {record.title}
              </Anchor>
              <StatusBadge status={record.status} />
            </Group>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('cases.field.applicant')}>{doc.applicant}</Fact>
        <Fact label={t('cases.field.applicationDate')}>{doc.applicationDate}</Fact>
        {repair && <Fact label={t('cases.field.channel')}>{t(`cases.channel.${doc.channel}`)}</Fact>}
        {doc.nationalReference && (
          <Fact label={t('cases.field.nationalReference')}>{doc.nationalReference}</Fact>
        )}
        <Fact label={t('cases.field.proofs')} block>
          <Files files={doc.proofs} />
        </Fact>
      </SimpleGrid>
      <Stack gap="xs" mt="md">
        <Fact
          label={t(repair ? 'cases.field.statementRepair' : 'cases.field.statementObjection')}
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {doc.statement}
        </Fact>
        {repair && (
          <Paper withBorder p="sm" data-testid="case-commitment">
            <Text fw={600} mb="xs">
              {t('cases.field.commitment')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" mb="xs">
              <Fact label={t('cases.field.commitmentSignatory')}>{doc.commitmentSignatory}</Fact>
              <Fact label={t('cases.field.commitmentDate')}>{doc.commitmentDate}</Fact>
            </SimpleGrid>
            <Stack gap="xs">
              <Fact label={t('cases.field.commitmentText')} style={{ whiteSpace: 'pre-wrap' }}>
                {doc.commitmentText}
              </Fact>
              <Fact label={t('cases.field.commitmentScans')} block>
                <Files files={doc.commitmentScans} />
              </Fact>
            </Stack>
            <CommitmentLetterLink commitmentId={doc.commitmentId} />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

/** The commitment letter the repair was filed with, on its own page. */
function CommitmentLetterLink({ commitmentId }: { commitmentId: string | undefined }) {
  const { t } = useTranslation();
  const { commitments } = useServices();
  const letter = useWatched(commitments, commitmentId);
  if (!letter) return null;
  return (
    <Anchor
      component={Link}
      to={`/commitments/${letter.id}`}
      size="sm"
      mt="xs"
      display="block"
      data-testid="case-commitment-letter"
    >
      {t('cases.detail.commitmentLetter', { number: letter.number })}
    </Anchor>
  );
}

function CaseHistory({ doc }: { doc: CaseDocument }) {
  const { t, i18n } = useTranslation();
  const nameOf = useUserNames();
  const entries = [
    { key: 'created', title: t('cases.detail.created'), by: doc.createdBy, at: doc.createdAt, note: '' },
    ...doc.workflow.map((entry, index) => ({
      key: `${index}`,
      title: t(`cases.step.${entry.action}`),
      by: entry.by,
      at: entry.at,
      note: entry.note,
      kind: caseTransition(doc.kind, entry.action)?.text?.kind ?? 'reason',
    })),
  ];
  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('cases.detail.history')}
      </Title>
      <Timeline active={entries.length - 1} bulletSize={18} data-testid="case-workflow">
        {entries.map((entry) => (
          <Timeline.Item key={entry.key} title={entry.title}>
            <Text size="sm" c="dimmed">
              {t('cases.detail.stepBy', { by: nameOf(entry.by), at: formatInstant(entry.at, i18n.language) })}
            </Text>
            {entry.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t(`stepDialog.note.${'kind' in entry ? entry.kind : 'reason'}`, { note: entry.note })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
