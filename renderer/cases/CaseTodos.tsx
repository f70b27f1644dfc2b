import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import type { CaseTodo } from './repository.ts';

const kinds: { kind: CaseTodo['kind']; color: string }[] = [
  { kind: 'withdrawPublication', color: 'red' },
  { kind: 'caseOverdue', color: 'red' },
  { kind: 'caseDue', color: 'blue' },
];

/** What cases ask of the signed-in user, kept current; null while loading. */
export function useCaseTodos(): CaseTodo[] | null {
  const { cases, creditRecords, disclosures } = useServices();
  const [items, setItems] = useState<CaseTodo[] | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      cases.todos().then((found) => {
        if (current) setItems(found);
      });
    void load();
    const subscriptions = [cases.changes$, creditRecords.changes$, disclosures.changes$].map((changes) =>
      changes.subscribe(() => void load()),
    );
    return () => {
      current = false;
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [cases, creditRecords, disclosures]);
  return items;
}

/** The to-do list's groups of case items: withdrawals due, overdue cases, cases to handle. */
export function CaseTodoGroups({ items }: { items: readonly CaseTodo[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="case-todos">
      {kinds.map(({ kind, color }) => {
        const ofKind = items.filter((item) => item.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind}>
            <Group gap="xs" mb={4}>
              <Text fw={600}>{t(`cases.todo.${kind}`)}</Text>
              <Badge color={color} variant="light" size="sm">
                {ofKind.length}
              </Badge>
            </Group>
            <List size="sm" spacing={2}>
              {ofKind.map((item) => (
                <List.Item key={`${kind}-${item.to}`}>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={item.to}>
                      {kind === 'withdrawPublication'
                        ? item.name
                        : t('cases.todo.item', { kind: t(`cases.kind.${item.caseKind}`), name: item.name })}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('cases.todo.date', { date: item.date })}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        );
      })}
    </Stack>
  );
}
