import type { RxCollection } from 'rxdb';
import type { LocalStore } from '../../renderer/kernel/db/localStore.ts';

/**
 * Sets the checkpoint of a stored word index (renderer/kernel/db/wordIndex.ts) to the newest write of
 * these documents exactly: it normally stays a few seconds behind, so a test's writes just after would
 * be read again anyway.
 */
export async function pinStoredCheckpoint(
  collection: RxCollection,
  local: LocalStore,
  key: string,
  ids: string[],
): Promise<void> {
  const written = await collection.storageInstance.findDocumentsById(ids, false);
  const newest = written
    .map((doc) => ({ id: doc.id as string, lwt: doc._meta.lwt }))
    .reduce((a, b) => (b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a));
  const stored = (await local.caches.get(key))!;
  await local.caches.put({ ...stored, value: { ...(stored.value as object), checkpoint: newest } });
}
