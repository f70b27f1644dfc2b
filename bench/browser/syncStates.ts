// The sync states of a profile's records as the workspace opens: tracked now, against reading them all first.
import { firstValueFrom } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../shared/base/collections.ts';
import { RecordStateTracker } from '../../renderer/kernel/sync/recordStates.ts';
import { contentHash, SyncStore } from '../../renderer/kernel/sync/syncStore.ts';
import type { TestProfile } from '../../renderer/kernel/security/testSupport.ts';

export async function measureSyncStates(
  profile: TestProfile,
  shownIds: string[],
): Promise<Record<string, number>> {
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type is tracked
  const tracked: [CollectionName, RxCollection<any>][] = [
    ['subjects', profile.db.subjects],
    ['creditRecords', profile.db.creditRecords],
  ];
  const store = new SyncStore(`${profile.name}-bench-sync`);
  const tracker = new RecordStateTracker(store);
  const start = performance.now();
  for (const [name, collection] of tracked) await tracker.track(name, collection);
  const syncStatesOpenMs = performance.now() - start;
  await firstValueFrom(tracker.watch('subjects', shownIds));
  const syncStatesShownMs = performance.now() - start;
  await Promise.all(tracked.map(([name]) => tracker.loaded(name)));
  const syncStatesCountedMs = performance.now() - start;
  const syncStatesPending = tracked.reduce((sum, [name]) => sum + tracker.pendingCount(name), 0);
  tracker.close();
  store.close();

  // Before: registering each collection read and hashed every document before the workspace opened.
  const before = performance.now();
  let hashed = 0;
  for (const [, collection] of tracked) {
    for (const doc of await collection.find().exec()) {
      contentHash(doc.toJSON(true));
      hashed++;
    }
  }
  const syncStatesBeforeMs = performance.now() - before;
  if (hashed !== syncStatesPending) throw new Error(`counted ${syncStatesPending} of ${hashed} records`);
  return { syncStatesOpenMs, syncStatesShownMs, syncStatesCountedMs, syncStatesBeforeMs, syncStatesPending };
}
