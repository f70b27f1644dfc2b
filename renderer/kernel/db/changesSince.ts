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
export async function changesSince(
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
