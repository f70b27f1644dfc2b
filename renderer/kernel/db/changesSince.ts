import type { RxCollection } from 'rxdb';
import { dexieTableOf } from './indexedPages.ts';

/** A place in RxDB's change order: last write time, then document id. */
export interface ChangeCheckpoint {
  id: string;
  lwt: number;
}

/**
 * The next `limit` changes after the checkpoint (from the first when null), in RxDB's change order,
 * read as keys of the storage's `[_meta.lwt+id]` index: only the changes are read, however large the
 * collection. Removed documents are among them (their ids then find no live document). RxDB's own
 * `getChangedDocumentsSince` reads them through a query that walked most of the collection.
 */
async function changesSince(
  collection: RxCollection,
  after: ChangeCheckpoint | null,
  limit: number,
): Promise<ChangeCheckpoint[]> {
  const table = await dexieTableOf(collection);
  const name = `[_meta.lwt+${collection.schema.primaryPath}]`;
  const range = after ? table.where(name).above([after.lwt, after.id]) : table.orderBy(name);
  const keys = (await range.limit(limit).keys()) as unknown as [number, string][];
  return keys.map(([lwt, id]) => ({ id, lwt }));
}

/**
 * Walks every change after the checkpoint (every document when null), `limit` at a time, reading only
 * those: each step is given the documents among them still there (as RxDB reads them, decrypted) and
 * the changes, then the walk pauses so the screen can respond.
 */
export async function eachChangeSince<T>(
  collection: RxCollection,
  checkpoint: ChangeCheckpoint | null,
  limit: number,
  step: (live: T[], changes: ChangeCheckpoint[]) => void,
): Promise<void> {
  let after = checkpoint;
  for (;;) {
    const changes = await changesSince(collection, after, limit);
    if (changes.length === 0) return;
    const ids = changes.map((change) => change.id);
    step((await collection.storageInstance.findDocumentsById(ids, false)) as T[], changes);
    if (changes.length < limit) return;
    after = changes[changes.length - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
