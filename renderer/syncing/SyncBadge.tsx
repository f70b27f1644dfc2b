import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CollectionName } from '../../shared/base/collections.ts';
import type { RecordSyncState } from '../kernel/sync/recordStates.ts';
import { useRecordSyncStates } from './syncContext.ts';

const colors: Record<RecordSyncState, string> = {
  local: 'gray',
  pending: 'blue',
  synced: 'teal',
  refused: 'red',
  conflict: 'orange',
};

/** A record's sync state as a small badge; nothing while the state is unknown. */
export function SyncBadge({ state }: { state: RecordSyncState | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Badge size="sm" variant="light" color={colors[state]} data-testid="sync-badge" data-state={state}>
      {t(`sync.record.${state}`)}
    </Badge>
  );
}

/** The badge of one record, for detail pages (lists use `useRecordSyncStates` once per page). */
export function RecordSyncBadge({ collection, id }: { collection: CollectionName; id: string }) {
  const states = useRecordSyncStates(collection, [id]);
  return <SyncBadge state={states.get(id)} />;
}
