import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { LocalStore } from './localStore.ts';
import { dexieTableOf } from './indexedPages.ts';

/**
 * Exact counts of a collection's documents per combination of values of a few fields (credit records:
 * category and status; subjects: kind), kept in memory and moved by every change the collection
 * announces, whoever wrote it (the writer, a sync pull, a restore). Counting through IndexedDB walks the
 * whole range each time (about two seconds per million); these answer any total of the fields at once.
 *
 * Between sessions the counts are kept in the local store with the collection's checkpoint. On open they
 * are trusted only when nothing changed after that checkpoint in the same database; otherwise they are
 * counted again through the index (in the background: until then `ready` is false and lists count
 * through the index as before).
 */
export interface TallySpec {
  /** The local-store cache key. */
  key: string;
  /** The fields counted, in the order of an index of the collection that begins with them. */
  fields: readonly string[];
  /** That index's fields (as the schema declares them). */
  index: readonly string[];
  /** The values each field is known to take, field by field; others are found by walking the index. */
  known: () => readonly (readonly string[])[];
}

interface Checkpoint {
  id: string;
  lwt: number;
}

interface StoredTally {
  format: number;
  /** The database the counts are of: a profile removed and made again starts over. */
  storageToken: string;
  checkpoint: Checkpoint | null;
  /** Each combination's values, then its count. */
  counts: [...string[], number][];
}

/** Bumped whenever the stored shape changes; counts of another format are counted again. */
const format = 1;
/** How long after the last change the counts are stored again. */
const defaultStoreDelayMs = 2000;
/** Counting again gives up after this many tries disturbed by writes (lists count through the index). */
const maxAttempts = 5;

type Stored = Record<string, unknown> & { _deleted?: boolean; _meta?: { lwt: number } };

export class CollectionTally {
  readonly #collection: RxCollection;
  readonly #local: LocalStore;
  readonly #spec: TallySpec;
  readonly #storeDelayMs: number;
  readonly #counts = new Map<string, number>();
  #ready = false;
  /** Changes seen since the counts were last read in full (a count disturbed by them is repeated). */
  #changesSeen = 0;
  #newest: Checkpoint | null = null;
  #storeTimer: ReturnType<typeof setTimeout> | undefined;
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
      if (!this.#collection.closed) console.error(`Counting ${this.#collection.name} failed`, error);
    });
    return this.#loading;
  }

  /** Documents whose fields hold these values, in field order (one left out matches any); null until ready. */
  count(...values: (string | undefined)[]): number | null {
    if (!this.#ready) return null;
    let total = 0;
    for (const [key, n] of this.#counts) {
      const held = splitKey(key);
      if (values.every((value, at) => value === undefined || held[at] === value)) total += n;
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
      const [counts, checkpoint] = await Promise.all([this.#countAll(), this.#newestCheckpoint()]);
      if (this.#changesSeen !== before) continue;
      this.#replace(counts, checkpoint);
      this.#storeSoon(0);
      return;
    }
  }

  #replace(counts: readonly (readonly [...string[], number])[], checkpoint: Checkpoint | null): void {
    this.#counts.clear();
    for (const row of counts) {
      const n = row[row.length - 1] as number;
      if (n > 0) this.#counts.set(keyOf(row.slice(0, -1) as string[]), n);
    }
    this.#newest = checkpoint;
    this.#ready = true;
  }

  /**
   * Whether the collection's newest change is still the checkpoint's: one read at the end of the change
   * index (RxDB's own query for changes since a checkpoint reads far more on this storage).
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

  /** Every live document counted through the index: one count per known combination, a walk when others exist. */
  async #countAll(): Promise<[...string[], number][]> {
    const table = await dexieTableOf(this.#collection);
    const primaryKey = this.#collection.schema.primaryPath;
    const name = `[${['_deleted', ...this.#spec.index, primaryKey].join('+')}]`;
    const live = table.where(name).between(['0'], ['0', aboveAll], true, true);
    const combinations = this.#spec
      .known()
      .reduce<string[][]>((sofar, values) => sofar.flatMap((head) => values.map((v) => [...head, v])), [[]]);
    const [total, ...counts] = await Promise.all([
      live.clone().count(),
      ...combinations.map((values) =>
        table
          .where(name)
          .between(['0', ...values], ['0', ...values, aboveAll], true, true)
          .count(),
      ),
    ]);
    const result = combinations.map((values, i): [...string[], number] => [...values, counts[i]!]);
    if (counts.reduce((sum, n) => sum + n, 0) === total) return result;
    // Values outside the known ones: every key of the index is read once.
    const width = this.#spec.fields.length;
    const walked = new Map<string, number>();
    await live.eachKey((key) => {
      const values = (key as unknown[]).slice(1, 1 + width).map(String);
      const combination = keyOf(values);
      walked.set(combination, (walked.get(combination) ?? 0) + 1);
    });
    return [...walked].map(([combination, n]): [...string[], number] => [...splitKey(combination), n]);
  }

  #apply(event: RxChangeEvent<unknown>): void {
    this.#changesSeen++;
    const after = event.documentData as Stored | undefined;
    const before = event.previousDocumentData as Stored | undefined;
    const { fields } = this.#spec;
    if (before && !before._deleted)
      this.#add(
        fields.map((field) => String(before[field])),
        -1,
      );
    if (after && !after._deleted && event.operation !== 'DELETE') {
      this.#add(
        fields.map((field) => String(after[field])),
        1,
      );
    }
    const lwt = after?._meta?.lwt;
    const id = event.documentId;
    if (lwt !== undefined && (!this.#newest || compare({ id, lwt }, this.#newest) > 0)) {
      this.#newest = { id, lwt };
    }
    if (this.#ready) this.#storeSoon(this.#storeDelayMs);
  }

  #add(values: readonly string[], delta: number): void {
    const key = keyOf(values);
    const n = (this.#counts.get(key) ?? 0) + delta;
    if (n === 0) this.#counts.delete(key);
    else this.#counts.set(key, n);
  }

  #storeSoon(delayMs: number): void {
    clearTimeout(this.#storeTimer);
    this.#storeTimer = setTimeout(() => {
      this.#store().catch((error: unknown) => {
        // Not kept this time: the next session counts again.
        if (!this.#collection.closed)
          console.warn(`Counts of ${this.#collection.name} were not stored`, error);
      });
    }, delayMs);
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
    clearTimeout(this.#storeTimer);
    return this.#store();
  }
}

/** An IndexedDB key above every key that starts with the same values. */
const aboveAll: unknown[] = [];

const separator = '\u0000';

function keyOf(values: readonly string[]): string {
  return values.join(separator);
}

function splitKey(key: string): string[] {
  return key.split(separator);
}

function compare(a: Checkpoint, b: Checkpoint): number {
  return a.lwt !== b.lwt ? a.lwt - b.lwt : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
