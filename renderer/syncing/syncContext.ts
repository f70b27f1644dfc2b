import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { CollectionName } from '../../shared/base/collections.ts';
import type { RecordSyncState } from '../kernel/sync/recordStates.ts';
import type { SyncService } from '../kernel/sync/syncService.ts';
import type { SyncStatus } from '../kernel/sync/syncStatus.ts';

/** The sync service for the screens; the app provides it next to its other services. */
export const SyncContext = createContext<SyncService | null>(null);

export function useSync(): SyncService {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync outside SyncContext');
  return sync;
}

/** The sync status, re-rendering on every change. */
export function useSyncStatus(): SyncStatus {
  const sync = useSync();
  const [status, setStatus] = useState(sync.status);
  useEffect(() => {
    const subscription = sync.status$.subscribe(setStatus);
    return () => subscription.unsubscribe();
  }, [sync]);
  return status;
}

/**
 * The sync states of the given records (one subscription for a whole list page). Renders nothing
 * different outside a SyncContext, so lists work without sync.
 */
export function useRecordSyncStates(
  collection: CollectionName,
  ids: readonly string[],
): ReadonlyMap<string, RecordSyncState> {
  const sync = useContext(SyncContext);
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined ids stand for the list
  const stableIds = useMemo(() => ids, [key]);
  const [states, setStates] = useState<ReadonlyMap<string, RecordSyncState>>(new Map());
  useEffect(() => {
    if (!sync) return;
    const subscription = sync.records.watch(collection, stableIds).subscribe(setStates);
    return () => subscription.unsubscribe();
  }, [sync, collection, stableIds]);
  return states;
}
