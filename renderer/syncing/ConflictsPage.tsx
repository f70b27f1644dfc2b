import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { ConflictEntry } from '../kernel/sync/syncStore.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { formatTime } from './format.ts';
import { displayValue, fieldLabel, issueMessage, recordName } from './labels.ts';
import { useSync } from './syncContext.ts';

type Choice = 'mine' | 'platform' | 'custom';

function ConflictCompare({ entry, onDone }: { entry: ConflictEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const sync = useSync();
  const conflicting = new Set(entry.fields);
  const shown = [
    ...(sync.registration(entry.collection)?.mergeFields ?? Object.keys(entry.platformState)),
    ...(conflicting.has('_deleted') ? ['_deleted'] : []),
  ];
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(entry.fields.map((field) => [field, 'platform' as Choice])),
  );
  const [custom, setCustom] = useState<Record<string, string>>(() =>
    Object.fromEntries(entry.fields.map((field) => [field, String(entry.platformState[field] ?? '')])),
  );
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const label = (field: string) =>
    field === '_deleted' ? t('sync.conflicts.deleted') : fieldLabel(t, entry.collection, field);
  const value = (state: Record<string, unknown>, field: string) =>
    field === '_deleted'
      ? state._deleted
        ? t('sync.conflicts.deleted')
        : ''
      : displayValue(t, entry.collection, field, state[field]);

  const decide = async (choice: Parameters<typeof sync.resolutions.resolveConflict>[1]) => {
    setBusy(true);
    try {
      const outcome = await sync.resolutions.resolveConflict(entry.id!, choice);
      if (!outcome.ok) return setIssues(outcome.issues);
      notifications.show({ color: 'teal', message: t('sync.conflicts.resolved') });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  const saveMerged = () => {
    const values = Object.fromEntries(
      entry.fields.map((field) => {
        const choice = choices[field];
        if (choice === 'mine') return [field, entry.localState[field]];
        if (choice === 'custom' && field !== '_deleted') return [field, custom[field]];
        return [field, entry.platformState[field]];
      }),
    );
    return decide({ keep: 'merged', values });
  };

  return (
    <Paper withBorder p="lg" data-testid="conflict-compare">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>{recordName(entry.platformState, entry.docId)}</Title>
            <Text size="sm" c="dimmed">
              {t(`sync.conflicts.reason.${entry.reason}`)}
            </Text>
          </div>
          <Badge color="orange">{t(`sync.collection.${entry.collection}`)}</Badge>
        </Group>
        {entry.issues.length > 0 && (
          <Alert color="yellow">
            {entry.issues.map((issue) => (
              <Text size="sm" key={`${issue.field}/${issue.code}`}>
                {issueMessage(t, entry.collection, issue)}
              </Text>
            ))}
          </Alert>
        )}
        <ListTable
          withTableBorder
          withColumnBorders
          columns={[
            t('sync.conflicts.field'),
            t('sync.conflicts.mine'),
            t('sync.conflicts.platform'),
            t('sync.conflicts.choice'),
          ]}
        >
          {shown.map((field) => {
            const inConflict = conflicting.has(field);
            return (
              <Table.Tr
                key={field}
                bg={inConflict ? 'var(--mantine-color-orange-light)' : undefined}
                data-conflict={inConflict || undefined}
              >
                <Table.Td fw={inConflict ? 600 : undefined}>{label(field)}</Table.Td>
                <Table.Td>{value(entry.localState, field)}</Table.Td>
                <Table.Td>{value(entry.platformState, field)}</Table.Td>
                <Table.Td>
                  {inConflict && (
                    <Stack gap={4}>
                      <SegmentedControl
                        size="xs"
                        aria-label={`${t('sync.conflicts.choice')} ${label(field)}`}
                        value={choices[field]}
                        onChange={(next) =>
                          setChoices((current) => ({ ...current, [field]: next as Choice }))
                        }
                        data={[
                          { value: 'mine', label: t('sync.conflicts.useMine') },
                          { value: 'platform', label: t('sync.conflicts.usePlatform') },
                          ...(field === '_deleted'
                            ? []
                            : [{ value: 'custom', label: t('sync.conflicts.useCustom') }]),
                        ]}
                      />
                      {choices[field] === 'custom' && (
                        <TextInput
                          size="xs"
                          aria-label={label(field)}
                          value={custom[field]}
                          onChange={(event) => {
                            const next = event.currentTarget.value;
                            setCustom((current) => ({ ...current, [field]: next }));
                          }}
                        />
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
        {issues.length > 0 && (
          <Alert color="red" role="alert">
            {issues.map((issue) => (
              <Text size="sm" key={`${issue.field}/${issue.code}`}>
                {issueMessage(t, entry.collection, issue)}
              </Text>
            ))}
          </Alert>
        )}
        <Group>
          <Button onClick={() => decide({ keep: 'local' })} loading={busy} variant="light">
            {t('sync.conflicts.keepMine')}
          </Button>
          <Button onClick={() => decide({ keep: 'platform' })} loading={busy} variant="light">
            {t('sync.conflicts.keepPlatform')}
          </Button>
          <Button onClick={saveMerged} loading={busy}>
            {t('sync.conflicts.saveMerged')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Route /sync/conflicts: the open conflicts, each compared side by side and resolved. */
export function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  const [entries, setEntries] = useState<ConflictEntry[]>([]);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    const load = () => void sync.resolutions.openConflicts().then(setEntries);
    load();
    const subscription = sync.store.changes$.subscribe((change) => change.kind === 'conflicts' && load());
    return () => subscription.unsubscribe();
  }, [sync]);

  const current = entries.find((entry) => entry.id === selected) ?? null;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('sync.conflicts.title')}</Title>
        <Anchor component={Link} to="/sync">
          {t('sync.conflicts.back')}
        </Anchor>
      </Group>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('sync.conflicts.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('sync.conflicts.intro')}
          </Text>
          <ListTable
            highlightOnHover
            data-testid="conflict-table"
            columns={[
              t('sync.conflicts.record'),
              t('sync.conflicts.fields'),
              t('sync.conflicts.detectedAt'),
              '',
            ]}
          >
            {entries.map((entry) => (
              <Table.Tr
                key={entry.id}
                bg={entry.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>{recordName(entry.platformState, entry.docId)}</Table.Td>
                <Table.Td>
                  {entry.fields
                    .map((field) =>
                      field === '_deleted'
                        ? t('sync.conflicts.deleted')
                        : fieldLabel(t, entry.collection, field),
                    )
                    .join('、')}
                </Table.Td>
                <Table.Td>{formatTime(entry.detectedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setSelected(entry.id ?? null)}>
                    {t('sync.conflicts.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </>
      )}
      {current && <ConflictCompare key={current.id} entry={current} onDone={() => setSelected(null)} />}
    </Stack>
  );
}
