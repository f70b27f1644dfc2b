import {
  Badge,
  Button,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { formatInstant } from '../subjects/labels.ts';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declarationStates } from '../../shared/inspections/declarations.ts';
import type { ConflictDocument } from '../../shared/inspections/document.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { SubjectSelect } from '../creditRecords/SubjectSelect.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { StepDialog } from '../kernel/ui/StepDialog.tsx';
import { usePlanningChoices } from './usePlanningChoices.ts';

const pageSize = 50;

/**
 * Declared conflicts of interest: the list, a page at a time, the latest change first, in force or
 * withdrawn ones alone if asked; each withdrawable through a dialog that asks the reason; and the form
 * to declare one (an inspector for himself, an administrator for anyone).
 */
export function DeclarationListPage() {
  const { t, i18n } = useTranslation();
  const { declarations, subjects } = useServices();
  const nameOf = useUserNames();
  const [params, setFilter] = useQueryFilter();
  const state = (declarationStates as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as ConflictDocument['state'])
    : null;
  const [found, setFound] = useState<{ total: number; more: boolean; items: ConflictDocument[] } | null>(
    null,
  );
  const [page, setPage] = useListPage([state]);
  const [withdrawing, setWithdrawing] = useState<ConflictDocument | null>(null);
  useEffect(() => {
    const load = () =>
      declarations
        .pageOf({
          state,
          offset: (page - 1) * pageSize,
          limit: pageSize,
        })
        .then(setFound);
    load();
    const subscription = declarations.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [declarations, state, page]);
  const shown = found?.items ?? [];
  const when = (iso: string) => formatInstant(iso, i18n.language);
  return (
    <Stack>
      <Title order={2}>{t('declarationUi.title')}</Title>
      <Text c="dimmed">{t('declarationUi.intro')}</Text>
      {declarations.canDeclare() && <DeclarationForm />}
      <SegmentedControl
        maw={420}
        value={state ?? ''}
        onChange={(value) => setFilter('state', value || null)}
        data={[
          { value: '', label: t('common.all') },
          ...declarationStates.map((value) => ({ value, label: t(`declarationUi.state.${value}`) })),
        ]}
      />
      {found && found.total > pageSize && <ListTotal total={found.total} more={found.more} />}
      {found !== null && shown.length === 0 ? (
        <Text c="dimmed">{t('declarationUi.none')}</Text>
      ) : (
        <ListTable
          striped
          data-testid="declaration-table"
          columns={[
            t('declarationUi.column.subject'),
            t('declarationUi.column.inspector'),
            t('declarationUi.column.reason'),
            t('declarationUi.column.declared'),
            t('declarationUi.column.state'),
            '',
          ]}
        >
          {shown.map((doc) => {
            const withdrawal = doc.steps.find((step) => step.action === 'withdraw');
            return (
              <Table.Tr key={doc.id}>
                <Table.Td>{subjects.index.get(doc.subjectId)?.name ?? ''}</Table.Td>
                <Table.Td>{nameOf(doc.conflict.inspectorId)}</Table.Td>
                <Table.Td>
                  {doc.conflict.reason}
                  {withdrawal && (
                    <Text size="sm" c="dimmed">
                      {t('declarationUi.withdrawnBy', { name: nameOf(withdrawal.by), note: withdrawal.note })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{when(doc.startedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={doc.state === 'declared' ? 'orange' : 'gray'}>
                    {t(`declarationUi.state.${doc.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {declarations.mayWithdraw(doc) && (
                    <Button size="sm" variant="light" onClick={() => setWithdrawing(doc)}>
                      {t('inspection.conflict.action.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      <StepDialog
        step={
          withdrawing && {
            label: t('inspection.conflict.action.withdraw'),
            consequence: t('declarationUi.withdraw.consequence'),
            text: { kind: 'reason', required: true },
            color: 'red',
          }
        }
        onCancel={() => setWithdrawing(null)}
        onConfirm={async ({ text }) => {
          if (!withdrawing) return [];
          const done = await declarations.withdraw(withdrawing.id, text);
          if (!done.ok) return done.issues;
          setWithdrawing(null);
          notifications.show({ message: t('declarationUi.withdrawn') });
          return [];
        }}
      />
      <ListPager found={found} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}

function DeclarationForm() {
  const { t } = useTranslation();
  const { declarations, context } = useServices();
  const { inspectors } = usePlanningChoices();
  const me = context.session()?.userId ?? '';
  const forOthers = declarations.declaresForOthers();
  const [subjectId, setSubjectId] = useState('');
  const [inspectorId, setInspectorId] = useState<string | null>(forOthers ? null : me);
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = {
    subjectId: t('declarationUi.form.subject'),
    inspectorId: t('declarationUi.form.inspector'),
    reason: t('declarationUi.form.reason'),
  };
  const declare = async () => {
    setBusy(true);
    try {
      const done = await declarations.declare({ subjectId, inspectorId: inspectorId ?? '', reason });
      if (!done.ok) {
        setIssues(done.issues);
        return;
      }
      setIssues([]);
      setSubjectId('');
      setReason('');
      notifications.show({ message: t('declarationUi.declared') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" maw={720}>
      <Stack>
        <Title order={3}>{t('declarationUi.form.title')}</Title>
        <SubjectSelect
          label={labels.subjectId}
          value={subjectId}
          required
          onChange={(subject) => setSubjectId(subject?.id ?? '')}
        />
        <Select
          label={labels.inspectorId}
          size="md"
          required
          disabled={!forOthers}
          value={inspectorId}
          data={inspectors.map((user) => ({ value: user.id, label: user.displayName }))}
          onChange={setInspectorId}
          data-testid="declaration-inspector"
        />
        <Textarea
          label={labels.reason}
          size="md"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <IssueSummary issues={issues} labelOf={(field) => labels[field] ?? null} />
        <Text size="sm" c="dimmed">
          {t('declarationUi.form.consequence')}
        </Text>
        <Button size="md" onClick={declare} loading={busy}>
          {t('declarationUi.form.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
