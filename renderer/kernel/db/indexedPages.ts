import type { Collection, Table } from 'dexie';
import type { RxCollection } from 'rxdb';

/**
 * Pages and counts that walk one of a collection's declared indexes in IndexedDB, either direction.
 * RxDB answers a descending sort by loading every match and sorting it in memory; lists here read only
 * the keys of the page they show (the documents then come through RxDB, decrypted) and count through
 * the index without reading documents.
 */

/** An index of the collection's schema, its leading fields fixed to values, the rest giving the order. */
export interface IndexScan {
  /** The fields of one `indexes` entry of the schema, in order (RxDB adds `_deleted` and the key). */
  index: readonly string[];
  /** Values of the leading fields of the index. */
  equal?: readonly string[];
  /** Lower and upper bound (inclusive) of the first field after `equal`. */
  from?: string;
  to?: string;
  descending?: boolean;
  /**
   * Keeps only the stored documents this accepts; read from disk, so personal fields are still
   * encrypted. Totals with a filter read every document of the range.
   */
  filter?: (stored: Record<string, unknown>) => boolean;
}

interface DexieInternals {
  dexieTable: Table<Record<string, unknown>, string>;
}

/** The Dexie table below the collection's storage wrappers. */
export async function dexieTableOf(collection: RxCollection): Promise<DexieInternals['dexieTable']> {
  const internals = (await collection.storageInstance.internals) as Partial<DexieInternals> | undefined;
  if (!internals?.dexieTable) throw new Error(`Paging ${collection.name} needs the Dexie storage`);
  return internals.dexieTable;
}

/** An IndexedDB key above every key that starts with the same values. */
const aboveAll: unknown[] = [];

async function scan(collection: RxCollection, query: IndexScan): Promise<Collection> {
  const table = await dexieTableOf(collection);
  const primaryKey = collection.schema.primaryPath;
  const name = `[${['_deleted', ...query.index, primaryKey].join('+')}]`;
  // RxDB stores `_deleted` as '0' / '1' in IndexedDB.
  const fixed = ['0', ...(query.equal ?? [])];
  const lower = query.from === undefined ? fixed : [...fixed, query.from];
  const upper = [...fixed, ...(query.to === undefined ? [] : [query.to]), aboveAll];
  let range = table.where(name).between(lower, upper, true, true);
  if (query.descending) range = range.reverse();
  return query.filter ? range.filter(query.filter) : range;
}

/** IndexedDB takes counts up to 2³² − 1; a larger limit means "all". */
const maxCount = 2 ** 32 - 1;

/**
 * The primary keys of one page of the scan, in index order, and how many documents the scan holds.
 * Without a filter the count reads only the index (or is `knownTotal`, kept elsewhere); with one, a
 * single pass reads the range once.
 */
export async function indexedPage(
  collection: RxCollection,
  query: IndexScan & { offset?: number; limit: number; knownTotal?: number | null; countUpTo?: number },
): Promise<{ total: number; ids: string[]; more?: boolean }> {
  const range = await scan(collection, query);
  const offset = query.offset ?? 0;
  if (query.countUpTo !== undefined && query.knownTotal == null) return cappedPage(range, query);
  if (!query.filter) {
    const [total, ids] = await Promise.all([
      query.knownTotal ?? range.clone().count(),
      query.limit > 0
        ? range.clone().offset(offset).limit(Math.min(query.limit, maxCount)).primaryKeys()
        : [],
    ]);
    return { total, ids: ids as string[] };
  }
  const ids: string[] = [];
  let total = 0;
  await range.each((_stored, cursor) => {
    if (total >= offset && ids.length < query.limit) ids.push(cursor.primaryKey as string);
    total++;
  });
  return { total, ids };
}

/**
 * One page and a count that stops after `countUpTo` matches (or the page's end, if further): the range
 * is read only that far, once. `more` says that matches go on past `total`.
 */
async function cappedPage(
  range: Collection,
  query: { offset?: number; limit: number; countUpTo?: number },
): Promise<{ total: number; ids: string[]; more: boolean }> {
  const offset = query.offset ?? 0;
  const end = Math.min(offset + query.limit, maxCount);
  const upTo = Math.max(query.countUpTo ?? 0, end);
  const keys = (await range.limit(Math.min(upTo + 1, maxCount)).primaryKeys()) as string[];
  const more = keys.length > upTo;
  return { total: Math.min(keys.length, upTo), ids: keys.slice(offset, end), more };
}

/**
 * The index entries of one page of the scan, in index order: the index's field values, then the primary
 * key, read from the index alone (no document is read).
 */
export async function indexedKeys(
  collection: RxCollection,
  query: IndexScan & { offset?: number; limit: number },
): Promise<unknown[][]> {
  const range = await scan(collection, query);
  const keys = await range
    .offset(query.offset ?? 0)
    .limit(Math.min(query.limit, maxCount))
    .keys();
  return keys.map((key) => (key as unknown[]).slice(1));
}

/** One page of documents through `indexedPage`, with its capped count. */
export async function indexedDocuments<T>(
  collection: RxCollection<T>,
  query: IndexScan & { offset?: number; limit: number; countUpTo: number },
): Promise<{ total: number; more: boolean; items: T[] }> {
  const found = await indexedPage(collection as RxCollection, query);
  return {
    total: found.total,
    more: found.more ?? false,
    items: await documentsInOrder(collection, found.ids),
  };
}

/** The documents of these ids through RxDB (decrypted, cached), in the order given. */
export async function documentsInOrder<T>(collection: RxCollection<T>, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const found = await collection.findByIds([...ids]).exec();
  return ids.flatMap((id) => {
    const doc = found.get(id);
    return doc ? [doc.toJSON() as T] : [];
  });
}
