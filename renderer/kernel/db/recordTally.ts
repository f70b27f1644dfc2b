import { QuietTimer } from '../quietTimer.ts';
import type { Collection, Table } from 'dexie';
import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { LocalStore } from './localStore.ts';
import { dexieTableOf } from './indexedPages.ts';

/**
 * Exact counts of a collection's documents per pair of values (credit records: category and status;
 * records in force: category and decision date; subjects: kind and status), kept in memory and moved by every change the collection
 * announces, whoever wrote it (the writer, a sync pull, a restore). Counting through IndexedDB walks the
 * whole range each time (about two seconds per million); these answer any total of the pairs at once.
 *
 * Between sessions the counts are kept in the local store with the collection's checkpoint. On open they
 * are trusted only when nothing changed after that checkpoint in the same database; otherwise they are
 * counted again through the index (in the background: until then `ready` is false and lists count
 * through the index as before).
 */
export interface TallySpec {
  /** The local-store cache key. */
  key: string;
  /** The pair a live document is counted under; null when it is not counted. */
  pairOf: (stored: Stored) => readonly [string, string] | null;
  /** Counts every live document through the database (on first use, or after changes made unseen). */
  countAll: (table: Table, collection: RxCollection) => Promise<[string, string, number][]>;
}

type Counted = [string, string, number][];

interface Checkpoint {
  id: string;
  lwt: number;
}

interface StoredTally {
  format: number;
  /** The database the counts are of: a profile removed and made again starts over. */
  storageToken: string;
  checkpoint: Checkpoint | null;
  counts: Counted;
}

/** Bumped whenever the stored shape changes; counts of another format are counted again. */
const format = 1;
/** How long after the last change the counts are stored again. */
const defaultStoreDelayMs = 2000;
/** Counting again gives up after this many tries disturbed by writes (lists count through the index). */
const maxAttempts = 5;

export type Stored = Record<string, unknown> & { _deleted?: boolean; _meta?: { lwt: number } };

export class RecordTally {
  readonly #collection: RxCollection;
  readonly #local: LocalStore;
  readonly #spec: TallySpec;
  readonly #storeDelayMs: number;
  readonly #counts = new Map<string, number>();
  #ready = false;
  /** Changes seen since the counts were last read in full (a count disturbed by them is repeated). */
  #changesSeen = 0;
  #newest: Checkpoint | null = null;
  readonly #storeLater = new QuietTimer(() => {
    this.#store().catch((error: unknown) => {
      // Not kept this time: the next session counts again.
      if (!this.#collection.closed) console.warn(`The counts ${this.#spec.key} were not stored`, error);
    });
  });
  #loading: Promise<void> | null = null;

  constructor(
    collection: RxCollection,
    local: LocalStore,
    spec: TallySpec,
    storeDelayMs = defaultStoreDelayMs,
  ) {
    this.#collection = collection;
    this.#local = local;
    this.#spec = spec;
    this.#storeDelayMs = storeDelayMs;
    collection.$.subscribe((event) => this.#apply(event));
  }

  /** Whether the counts hold every document. */
  get ready(): boolean {
    return this.#ready;
  }

  /** Restores or counts, once; settles when done (or given up: `ready` stays false). */
  load(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      if (!this.#collection.closed) console.error(`Counting ${this.#spec.key} failed`, error);
    });
    return this.#loading;
  }

  /**
   * Documents counted under these values (a value left out matches any; the second may be an inclusive
   * range); null until ready.
   */
  count(first?: string, second?: string | { from: string; to: string }): number | null {
    if (!this.#ready) return null;
    const matches =
      second === undefined
        ? () => true
        : typeof second === 'string'
          ? (b: string) => b === second
          : (b: string) => second.from <= b && b <= second.to;
    let total = 0;
    for (const [key, n] of this.#counts) {
      const [a, b] = splitKey(key);
      if ((first === undefined || a === first) && matches(b)) total += n;
    }
    return total;
  }

  async #load(): Promise<void> {
    const token = await this.#collection.database.storageToken;
    const seen = this.#changesSeen;
    const stored = (await this.#local.caches.get(this.#spec.key))?.value as StoredTally | undefined;
    if (
      stored?.format === format &&
      stored.storageToken === token &&
      (await this.#unchangedSince(stored.checkpoint)) &&
      this.#changesSeen === seen
    ) {
      this.#replace(stored.counts, stored.checkpoint);
      return;
    }
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const before = this.#changesSeen;
      const table = await dexieTableOf(this.#collection);
      const [counts, checkpoint] = await Promise.all([
        this.#spec.countAll(table, this.#collection),
        this.#newestCheckpoint(),
      ]);
      if (this.#changesSeen !== before) continue;
      this.#replace(counts, checkpoint);
      this.#storeLater.poke(0);
      return;
    }
  }

  #replace(counts: Counted, checkpoint: Checkpoint | null): void {
    this.#counts.clear();
    for (const [a, b, n] of counts) if (n > 0) this.#counts.set(keyOf(a, b), n);
    this.#newest = checkpoint;
    this.#ready = true;
  }

  /**
   * Whether the newest change is still the one the counts were stored with (every write moves it on;
   * RxDB's own `getChangedDocumentsSince` took seconds for this at 20,000 documents).
   */
  async #unchangedSince(checkpoint: Checkpoint | null): Promise<boolean> {
    const newest = await this.#newestCheckpoint();
    return newest === null || checkpoint === null ? newest === checkpoint : compare(newest, checkpoint) === 0;
  }

  /** The collection's newest change, as RxDB orders changes (last write time, then id). */
  async #newestCheckpoint(): Promise<Checkpoint | null> {
    const table = await dexieTableOf(this.#collection);
    const newest = (await table.orderBy(`[_meta.lwt+${this.#collection.schema.primaryPath}]`).last()) as
      | Stored
      | undefined;
    return newest?._meta
      ? { id: String(newest[this.#collection.schema.primaryPath]), lwt: newest._meta.lwt }
      : null;
  }

  #apply(event: RxChangeEvent<unknown>): void {
    this.#changesSeen++;
    const after = event.documentData as Stored | undefined;
    const before = event.previousDocumentData as Stored | undefined;
    const was = before && !before._deleted ? this.#spec.pairOf(before) : null;
    const is = after && !after._deleted && event.operation !== 'DELETE' ? this.#spec.pairOf(after) : null;
    if (was) this.#add(was[0], was[1], -1);
    if (is) this.#add(is[0], is[1], 1);
    const lwt = after?._meta?.lwt;
    const id = event.documentId;
    if (lwt !== undefined && (!this.#newest || compare({ id, lwt }, this.#newest) > 0)) {
      this.#newest = { id, lwt };
    }
    if (this.#ready) this.#storeLater.poke(this.#storeDelayMs);
  }

  #add(a: string, b: string, delta: number): void {
    const key = keyOf(a, b);
    const n = (this.#counts.get(key) ?? 0) + delta;
    if (n === 0) this.#counts.delete(key);
    else this.#counts.set(key, n);
  }

  /** Stores the counts now (also when a profile closes). */
  async #store(): Promise<void> {
    if (!this.#ready || this.#collection.closed) return;
    const stored: StoredTally = {
      format,
      storageToken: await this.#collection.database.storageToken,
      checkpoint: this.#newest,
      counts: [...this.#counts].map(([key, n]) => [...splitKey(key), n]),
    };
    await this.#local.caches.put({ key: this.#spec.key, value: stored });
  }

  /** Stores the counts at once, for a caller about to close the profile (and for tests). */
  flush(): Promise<void> {
    this.#storeLater.cancel();
    return this.#store();
  }
}

/** An IndexedDB key above every key that starts with the same values. */
const aboveAll: unknown[] = [];

/** The Dexie name of a schema index (RxDB adds `_deleted` first and the primary key last). */
function indexName(collection: RxCollection, index: readonly string[]): string {
  return `[${['_deleted', ...index, collection.schema.primaryPath].join('+')}]`;
}

/**
 * Counts by the two fields an index begins with: one index count per known pair, and a walk over the
 * index's keys when the documents hold values outside the known ones.
 */
export function countByIndex(
  index: readonly string[],
  known: () => readonly [readonly string[], readonly string[]],
): TallySpec['countAll'] {
  return async (table, collection) => {
    const name = indexName(collection, index);
    const live = table.where(name).between(['0'], ['0', aboveAll], true, true);
    const [firsts, seconds] = known();
    const pairs = firsts.flatMap((a) => seconds.map((b) => [a, b] as const));
    const [total, ...counts] = await Promise.all([
      live.clone().count(),
      ...pairs.map(([a, b]) =>
        table.where(name).between(['0', a, b], ['0', a, b, aboveAll], true, true).count(),
      ),
    ]);
    const result = pairs.map(([a, b], i) => [a, b, counts[i]!] as [string, string, number]);
    if (result.reduce((sum, [, , n]) => sum + n, 0) === total) return result;
    return walkKeys(live, (key) => [String(key[1]), String(key[2])]);
  };
}

/**
 * Counts the documents whose index `where.index` begins with `where.value`, by the two fields `index`
 * begins with: their keys are read from the first index, then every key of `index` once (no document
 * is read).
 */
export function countWhereByIndex(
  where: { index: readonly string[]; value: string },
  index: readonly string[],
): TallySpec['countAll'] {
  return async (table, collection) => {
    const ids = new Set(
      await table
        .where(indexName(collection, where.index))
        .between(['0', where.value], ['0', where.value, aboveAll], true, true)
        .primaryKeys(),
    );
    const live = table.where(indexName(collection, index)).between(['0'], ['0', aboveAll], true, true);
    return walkKeys(live, (key, id) => (ids.has(id) ? [String(key[1]), String(key[2])] : null));
  };
}

/** Counts by reading every live document once (for fields no index holds together). */
export function countByReading(pairOf: TallySpec['pairOf']): TallySpec['countAll'] {
  // RxDB stores `_deleted` as '0' / '1' in IndexedDB.
  return (table) =>
    tallied((add) =>
      table.each((stored: Stored) => add(String(stored._deleted) === '0' ? pairOf(stored) : null)),
    );
}

/** Reads every key of an index range once, counting the pairs `pairOf` finds. */
function walkKeys(
  range: Collection,
  pairOf: (key: unknown[], id: string) => readonly [string, string] | null,
): Promise<Counted> {
  return tallied((add) =>
    range.eachKey((key, cursor) => add(pairOf(key as unknown[], String(cursor.primaryKey)))),
  );
}

/** The pairs a walk finds, counted. */
async function tallied(
  walk: (add: (pair: readonly [string, string] | null) => void) => Promise<unknown>,
): Promise<Counted> {
  const found = new Map<string, number>();
  await walk((pair) => {
    if (!pair) return;
    const joined = keyOf(pair[0], pair[1]);
    found.set(joined, (found.get(joined) ?? 0) + 1);
  });
  return [...found].map(([pair, n]) => [...splitKey(pair), n]);
}

const separator = '\u0000';

function keyOf(a: string, b: string): string {
  return `${a}${separator}${b}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(separator);
  return [key.slice(0, at), key.slice(at + 1)];
}

function compare(a: Checkpoint, b: Checkpoint): number {
  return a.lwt !== b.lwt ? a.lwt - b.lwt : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
