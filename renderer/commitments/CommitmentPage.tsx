import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { findMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { breachOutcomes } from '../../shared/commitments/types.ts';
import { type CommitmentAction, commitmentWorkflow } from '../../shared/commitments/workflow.ts';
import { attachmentExtensions } from '../../shared/base/attachment.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { StepDialog, type StepSpec, type StepValues } from '../kernel/ui/StepDialog.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { displayCode, formatInstant } from '../subjects/labels.ts';
import { AcceptanceCheckPanel } from './AcceptanceCheckPanel.tsx';
import { CommitmentStatusBadge, FollowUpBadge } from './CommitmentListPage.tsx';
import { saveLettersPdf } from './printing.ts';
import type { FindingFields } from './repository.ts';
import { CommitmentCaseList } from '../cases/RecordCases.tsx';

const actionColors: Record<CommitmentAction, string> = {
  accept: 'blue',
  withdrawDraft: 'gray',
  withdraw: 'gray',
  fulfil: 'teal',
  proposeBreach: 'orange',
  confirmPartlyFulfilled: 'red',
  confirmNotFulfilled: 'red',
  confirmFalseCommitment: 'red',
  rejectBreach: 'gray',
};

/** Steps that record a finding: they take the finding's fields, not only a text. */
const findingSteps = new Set<CommitmentAction>(['fulfil', 'proposeBreach']);

/** One commitment: its facts, acceptance check, follow-up, finding, letter, scans and history. */
export function CommitmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { commitments } = useServices();
  const [commitment, setCommitment] = useState<CommitmentDocument | null | undefined>(undefined);
  const [pending, setPending] = useState<CommitmentAction | null>(null);

  useEffect(() => {
    const subscription = commitments.watch(id).subscribe(setCommitment);
    return () => subscription.unsubscribe();
  }, [commitments, id]);

  if (commitment === undefined) return <Loader />;
  if (commitment === null) return <Text>{t('common.notFound')}</Text>;

  const act = async (action: CommitmentAction, note: string, finding?: FindingFields) => {
    const result = await commitments.act(commitment.id, action, { note, ...(finding ? { finding } : {}) });
    if (!result.ok) return result.issues;
    setPending(null);
    notifications.show({ color: 'teal', message: t(`commitmentUi.done.${action}`) });
    return [];
  };
  const actions = commitments.availableActions(commitment);
  const step = (action: CommitmentAction): StepSpec => ({
    label: t(`commitment.action.${action}`),
    consequence: republishes(commitment, action)
      ? `${t(`commitmentUi.consequence.${action}`)} ${t('commitmentUi.republishNotice')}`
      : t(`commitmentUi.consequence.${action}`),
    text: commitmentWorkflow.transitions[action].text,
    color: actionColors[action],
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {t('commitmentUi.heading', {
              name: commitment.subjectName,
              type: t(`commitment.type.${commitment.type}`),
            })}
          </Title>
          <Group gap="xs">
            <CommitmentStatusBadge status={commitment.status} />
            <FollowUpBadge commitment={commitment} />
          </Group>
        </Stack>
        <Group>
          <PrintButton commitment={commitment} />
          {commitments.canEdit(commitment) && (
            <Button variant="default" component={Link} to={`/commitments/${commitment.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
          {actions.map((action) => (
            <Button key={action} color={actionColors[action]} onClick={() => setPending(action)}>
              {t(`commitment.action.${action}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <CommitmentFacts commitment={commitment} />
      {commitment.acceptanceCheck && <AcceptanceCheckPanel check={commitment.acceptanceCheck} />}
      <FindingPanel commitment={commitment} />
      <ScanPanel commitment={commitment} />
      <CommitmentCaseList commitmentId={commitment.id} />
      <History commitment={commitment} />
      <StepDialog
        step={pending && !findingSteps.has(pending) ? step(pending) : null}
        onCancel={() => setPending(null)}
        onConfirm={({ text }: StepValues) => (pending ? act(pending, text) : Promise.resolve([]))}
      />
      <FindingDialog
        action={pending && findingSteps.has(pending) ? pending : null}
        onCancel={() => setPending(null)}
        onConfirm={(finding) => act(pending!, '', finding)}
      />
    </Stack>
  );
}

/** Confirming a breach of a credit-repair commitment publishes the repaired record again. */
function republishes(commitment: CommitmentDocument, action: CommitmentAction): boolean {
  const { from, to } = commitmentWorkflow.transitions[action];
  return commitment.type === 'creditRepair' && from === 'breachProposed' && to !== 'accepted';
}

function PrintButton({ commitment }: { commitment: CommitmentDocument }) {
  const { t } = useTranslation();
  const { commitments, bridge, office, clock } = useServices();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const printed = await saveLettersPdf(bridge, commitments, [commitment], {
        officeName: office.officeName,
        fileName: t('commitmentUi.letterFileName', { number: commitment.number }),
        now: clock(),
      });
      if (printed.missingCharacters.length > 0) {
        notifications.show({
          color: 'orange',
          message: t('commitmentUi.missingCharacters', { characters: printed.missingCharacters.join(' ') }),
        });
      } else if (printed.saved) notifications.show({ color: 'teal', message: t('commitmentUi.printed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" onClick={print} loading={busy}>
      {t('commitmentUi.print')}
    </Button>
  );
}

function CommitmentFacts({ commitment }: { commitment: CommitmentDocument }) {
  const { t, i18n } = useTranslation();
  const { commitments } = useServices();
  const nameOf = useUserNames();
  const matter = findMatter(commitments.matters, commitment.matterCode);
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Fact label={t('commitment.field.number')}>{commitment.number}</Fact>
        <Fact label={t('commitment.field.subjectId')}>
          <Anchor component={Link} to={`/subjects/${commitment.subjectId}?tab=commitments`}>
            {commitment.subjectName}
          </Anchor>
          {`（${displayCode({ kind: commitment.subjectKind, code: commitment.subjectCode })}）`}
        </Fact>
        <Fact label={t('commitment.field.type')}>{t(`commitment.type.${commitment.type}`)}</Fact>
        <Fact label={t('commitment.field.matterCode')}>
          {matter?.name[i18n.language === 'en' ? 'en' : 'zh'] ?? ''}
        </Fact>
        <Fact label={t('commitment.field.signatory')}>{commitment.signatory || '—'}</Fact>
        <Fact label={t('commitment.field.signingDate')}>{commitment.signingDate || '—'}</Fact>
        <Fact label={t('commitment.field.acceptingUnit')}>{commitment.acceptingUnit || '—'}</Fact>
        <Fact label={t('commitment.field.acceptedBy')}>
          {commitment.acceptedBy ? nameOf(commitment.acceptedBy) : '—'}
        </Fact>
        <Fact label={t('commitment.field.publicity')}>
          {t(`commitment.publicity.${commitment.publicity}`)}
        </Fact>
        <Fact label={t('commitment.field.missingMaterials')}>
          {commitment.missingMaterials.length > 0 ? commitment.missingMaterials.join('、') : '—'}
        </Fact>
        <Fact label={t('commitment.field.materialsDeadline')}>{commitment.materialsDeadline || '—'}</Fact>
      </SimpleGrid>
      <Stack mt="md" gap="sm">
        <Fact label={t('commitment.field.reason')}>{commitment.reason}</Fact>
        <Fact label={t('commitment.field.content')} style={{ whiteSpace: 'pre-wrap' }}>
          {commitment.content}
        </Fact>
        <Fact label={t('commitment.field.liability')}>{commitment.liability}</Fact>
      </Stack>
    </Paper>
  );
}

/** The acceptance check saved with the commitment: eligible or not, and each finding. */
/** The fulfilment finding and the credit records it produced. */
function FindingPanel({ commitment }: { commitment: CommitmentDocument }) {
  const { t } = useTranslation();
  const { outcome } = commitment;
  if (outcome.result === '') return null;
  return (
    <Paper withBorder p="md" data-testid="finding">
      <Title order={4} mb="sm">
        {t('commitmentUi.finding')}：{t(`commitment.status.${outcome.result}`)}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('commitment.field.decisionDate')}>{outcome.decisionDate}</Fact>
        <Fact label={t('commitment.field.decidingUnit')}>{outcome.decidingUnit}</Fact>
      </SimpleGrid>
      <Stack mt="sm" gap="sm">
        {outcome.facts && <Fact label={t('commitment.field.facts')}>{outcome.facts}</Fact>}
        {outcome.unfulfilledContent && (
          <Fact label={t('commitment.field.unfulfilledContent')}>{outcome.unfulfilledContent}</Fact>
        )}
        {outcome.actionTaken && <Fact label={t('commitment.field.actionTaken')}>{outcome.actionTaken}</Fact>}
        {commitment.creditRecordIds.length > 0 && (
          <Fact label={t('commitmentUi.creditRecords')} block>
            <Group gap="sm">
              {commitment.creditRecordIds.map((recordId, index) => (
                <Anchor key={recordId} component={Link} to={`/credit/records/${recordId}`}>
                  {t('commitmentUi.creditRecord', { index: index + 1 })}
                </Anchor>
              ))}
            </Group>
          </Fact>
        )}
      </Stack>
    </Paper>
  );
}

/** The scanned signed letter: listed, and added while the letter is a draft or open. */
function ScanPanel({ commitment }: { commitment: CommitmentDocument }) {
  const { t } = useTranslation();
  const { commitments, bridge } = useServices();
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const canAdd = commitments.canCreate() && ['draft', 'accepted'].includes(commitment.status);
  const add = async () => {
    const file = await bridge.openFile({ extensions: attachmentExtensions });
    if (!file) return;
    const result = await commitments.attach(commitment.id, [{ name: file.name, data: file.data }]);
    setIssues(result.ok ? [] : result.issues);
    if (result.ok)
      notifications.show({ color: 'teal', message: t('commitmentUi.scanAdded', { name: file.name }) });
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('commitmentUi.scans')}</Title>
        {canAdd && (
          <Button size="xs" variant="default" onClick={add}>
            {t('commitmentUi.addScan')}
          </Button>
        )}
      </Group>
      <IssueSummary issues={issues} labelOf={() => null} refusedAction={t('commitmentUi.addScan')} />
      {commitment.attachments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('commitmentUi.noScans')}
        </Text>
      ) : (
        <List size="sm">
          {commitment.attachments.map((file) => (
            <List.Item key={file.sha256}>{file.name}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function History({ commitment }: { commitment: CommitmentDocument }) {
  const { t, i18n } = useTranslation();
  const nameOf = useUserNames();
  if (commitment.workflow.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('commitmentUi.history')}
      </Title>
      <Timeline active={commitment.workflow.length - 1} bulletSize={16}>
        {commitment.workflow.map((entry) => (
          <Timeline.Item key={`${entry.action}-${entry.at}`} title={t(`commitment.action.${entry.action}`)}>
            <Text size="xs" c="dimmed">
              {t('commitmentUi.stepBy', { by: nameOf(entry.by), at: formatInstant(entry.at, i18n.language) })}
            </Text>
            {entry.note && <Text size="sm">{entry.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

const findingLabels: Record<string, string> = {
  result: 'commitmentUi.result',
  facts: 'commitment.field.facts',
  unfulfilledContent: 'commitment.field.unfulfilledContent',
  actionTaken: 'commitment.field.actionTaken',
  decisionDate: 'commitment.field.decisionDate',
};

/** Records fulfilment or proposes a breach: says what it will write, takes the finding's fields. */
function FindingDialog({
  action,
  onCancel,
  onConfirm,
}: {
  action: CommitmentAction | null;
  onCancel: () => void;
  onConfirm: (finding: FindingFields) => Promise<ValidationIssue[]>;
}) {
  const { t } = useTranslation();
  const empty: FindingFields = { result: 'notFulfilled', facts: '', unfulfilledContent: '', actionTaken: '' };
  const [finding, setFinding] = useState<FindingFields>(empty);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens for a step
  useEffect(() => {
    setFinding({ ...empty, result: action === 'fulfil' ? 'fulfilled' : 'notFulfilled' });
    setIssues([]);
  }, [action]);
  const breach = action === 'proposeBreach';
  const partial = finding.result === 'partlyFulfilled' || finding.result === 'notFulfilled';
  const labelOf = (field: string) => {
    const key = findingLabels[field.replace(/^outcome\./, '').split('.')[0]!];
    return key ? t(key) : null;
  };
  const confirm = async () => {
    setBusy(true);
    try {
      setIssues(await onConfirm(finding));
    } finally {
      setBusy(false);
    }
  };
  const set = (field: keyof FindingFields) => (event: { currentTarget: { value: string } }) =>
    setFinding({ ...finding, [field]: event.currentTarget.value });
  return (
    <Modal
      opened={action !== null}
      onClose={onCancel}
      title={action ? t(`commitment.action.${action}`) : ''}
      size="lg"
    >
      {action && (
        <Stack data-testid="finding-dialog">
          <IssueSummary issues={issues} labelOf={labelOf} refusedAction={t(`commitment.action.${action}`)} />
          <Alert color={breach ? 'orange' : 'teal'} variant="light">
            <Text size="sm">{t(`commitmentUi.consequence.${action}`)}</Text>
          </Alert>
          {breach && (
            <Select
              label={t('commitmentUi.result')}
              data={breachOutcomes.map((code) => ({ value: code, label: t(`commitment.status.${code}`) }))}
              value={finding.result}
              onChange={(value) =>
                value && setFinding({ ...finding, result: value as FindingFields['result'] })
              }
              allowDeselect={false}
            />
          )}
          <Textarea
            label={t('commitment.field.facts')}
            withAsterisk={breach}
            autosize
            minRows={2}
            value={finding.facts}
            onChange={set('facts')}
          />
          {breach &&
            partial &&
            (['unfulfilledContent', 'actionTaken'] as const).map((name) => (
              <Textarea
                key={name}
                label={t(`commitment.field.${name}`)}
                withAsterisk
                autosize
                minRows={2}
                value={finding[name]}
                onChange={set(name)}
              />
            ))}
          <FormActions
            onCancel={onCancel}
            onConfirm={confirm}
            label={t(`commitment.action.${action}`)}
            loading={busy}
            color={actionColors[action]}
          />
        </Stack>
      )}
    </Modal>
  );
}
