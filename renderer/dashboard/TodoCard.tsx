import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { CommitmentTodos, useCommitmentTodos } from '../commitments/DashboardCommitments.tsx';
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  creditRecordTodos,
  disclosureTodos,
  type TodoItem,
  type TodoKind,
  todoHorizon,
} from '../../shared/creditRecords/todo.ts';
import { useServices } from '../app/services.ts';
import { CaseTodoGroups, useCaseTodos } from '../cases/CaseTodos.tsx';
import { RectificationTodos, useRectificationTodos } from '../inspections/DashboardInspections.tsx';
import { useCan, useSession } from '../kernel/security/hooks.ts';
import { useSyncStatus } from '../syncing/syncContext.ts';

const kindColors: Record<TodoKind, string> = {
  reportOverdue: 'red',
  reportDue: 'orange',
  awaitingReview: 'blue',
  returnedDraft: 'orange',
  publicityEnding: 'gray',
};
const kindOrder: TodoKind[] = [
  'reportOverdue',
  'reportDue',
  'awaitingReview',
  'returnedDraft',
  'publicityEnding',
];

const paths: Record<TodoItem['collection'], string> = {
  creditRecords: '/credit/records',
  disclosures: '/credit/disclosures',
};

/** Everything the signed-in user's roles ask of her now, each item leading to its record. */
export function TodoCard() {
  const { t } = useTranslation();
  const { creditRecords, disclosures, reference } = useServices();
  const session = useSession();
  const canReview = useCan('record.approve');
  const canEnter = useCan('record.submit');
  const canReport = useCan('disclosure.submit');
  const canSync = useCan('sync.run');
  const status = useSyncStatus();
  const [items, setItems] = useState<TodoItem[] | null>(null);
  const caseItems = useCaseTodos();
  const commitmentItems = useCommitmentTodos();
  const rectificationItems = useRectificationTodos();

  useEffect(() => {
    let current = true;
    const load = async () => {
      const today = chinaDateOf(new Date());
      const statuses = ['submitted', 'draft', 'approved'] as const;
      const pages = await Promise.all(statuses.map((status) => creditRecords.list({ status })));
      const actor = { userId: session.userId, canReview, canEnter };
      const records = creditRecordTodos(
        pages.flatMap((page) => page.items),
        actor,
        today,
      );
      const decisions = canReport
        ? disclosureTodos(
            (await disclosures.list({ reported: false })).map((row) => row.disclosure),
            reference.calendar(),
            today,
          )
        : [];
      if (current) setItems([...decisions, ...records]);
    };
    void load();
    const subscriptions = [creditRecords.changes$, disclosures.changes$].map((changes) =>
      changes.subscribe(() => void load()),
    );
    return () => {
      current = false;
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [creditRecords, disclosures, reference, session.userId, canReview, canEnter, canReport]);

  const syncProblems = canSync
    ? [
        ...(status.refused > 0 ? [{ to: '/sync', label: t('todo.refused', { count: status.refused }) }] : []),
        ...(status.openConflicts > 0
          ? [{ to: '/sync/conflicts', label: t('todo.conflicts', { count: status.openConflicts }) }]
          : []),
      ]
    : [];
  const empty =
    items !== null &&
    items.length === 0 &&
    syncProblems.length === 0 &&
    caseItems?.length === 0 &&
    commitmentItems?.length === 0 &&
    rectificationItems?.length === 0;

  return (
    <Paper withBorder p="md" data-testid="todo-list">
      <Title order={3} mb="sm">
        {t('todo.title')}
      </Title>
      {items === null && <Text c="dimmed">{t('todo.loading')}</Text>}
      {empty && <Text c="dimmed">{t('todo.empty')}</Text>}
      <Stack gap="sm">
        {commitmentItems && <CommitmentTodos entries={commitmentItems} />}
        {rectificationItems && <RectificationTodos rows={rectificationItems} />}
        {syncProblems.length > 0 && (
          <TodoGroup title={t('todo.kind.sync')} color="red">
            {syncProblems.map((problem) => (
              <List.Item key={problem.to}>
                <Anchor component={Link} to={problem.to}>
                  {problem.label}
                </Anchor>
              </List.Item>
            ))}
          </TodoGroup>
        )}
        {caseItems && <CaseTodoGroups items={caseItems} />}
        {kindOrder.map((kind) => {
          const ofKind = (items ?? []).filter((item) => item.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <TodoGroup
              key={kind}
              title={t(`todo.kind.${kind}`, {
                workingDays: todoHorizon.reportDueWorkingDays,
                days: todoHorizon.publicityEndingDays,
              })}
              color={kindColors[kind]}
              count={ofKind.length}
            >
              {ofKind.map((item) => (
                <List.Item key={`${item.kind}-${item.id}`}>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`${paths[item.collection]}/${item.id}`}>
                      {item.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t(`todo.date.${kind}`, { date: item.date })}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </TodoGroup>
          );
        })}
      </Stack>
    </Paper>
  );
}

function TodoGroup({
  title,
  color,
  count,
  children,
}: {
  title: string;
  color: string;
  count?: number;
  children: React.ReactNode;
}) {
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Text fw={600}>{title}</Text>
        {count !== undefined && (
          <Badge color={color} variant="light" size="sm">
            {count}
          </Badge>
        )}
      </Group>
      <List size="sm" spacing={2}>
        {children}
      </List>
    </div>
  );
}
