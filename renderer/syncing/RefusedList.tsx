import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalEntry } from '../kernel/sync/syncStore.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { formatTime } from './format.ts';
import { issueMessage, recordName } from './labels.ts';
import { useSync } from './syncContext.ts';

/** Documents the platform refused, with the reasons, until they are fixed and resent or discarded. */
export function RefusedList() {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  const [entries, setEntries] = useState<RefusalEntry[]>([]);

  useEffect(() => {
    const load = () => void sync.resolutions.refusals().then(setEntries);
    load();
    const subscription = sync.store.changes$.subscribe((change) => change.kind === 'refusals' && load());
    return () => subscription.unsubscribe();
  }, [sync]);

  const discard = async (entry: RefusalEntry) => {
    const name = recordName(entry.localState, entry.docId);
    if (!window.confirm(t('sync.refused.discardConfirm', { name }))) return;
    await sync.resolutions.discardRefusal(entry.collection, entry.docId);
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={4}>{t('sync.refused.title')}</Title>
        {entries.length === 0 ? (
          <Text c="dimmed">{t('sync.refused.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('sync.refused.intro')}
            </Text>
            <ListTable
              data-testid="refused-table"
              columns={[t('sync.refused.record'), t('sync.refused.reasons'), t('sync.refused.refusedAt'), '']}
            >
              {entries.map((entry) => {
                const editPath = sync.registration(entry.collection)?.editPath?.(entry.docId);
                return (
                  <Table.Tr key={`${entry.collection}/${entry.docId}`}>
                    <Table.Td>
                      <Text fw={500}>{recordName(entry.localState, entry.docId)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`sync.collection.${entry.collection}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.issues.map((issue) => (
                        <Text size="sm" key={`${issue.field}/${issue.code}`}>
                          {issueMessage(t, entry.collection, issue)}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>{formatTime(entry.refusedAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {editPath && (
                          <Anchor href={editPath} size="sm">
                            {t('sync.refused.fix')}
                          </Anchor>
                        )}
                        <Button size="xs" variant="subtle" color="red" onClick={() => discard(entry)}>
                          {t('sync.refused.discard')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
          </>
        )}
      </Stack>
    </Paper>
  );
}
