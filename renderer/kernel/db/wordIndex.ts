import { QuietTimer } from '../quietTimer.ts';
import type { RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import { type ChangeCheckpoint, eachChangeSince } from './changesSince.ts';
import type { LocalStore } from './localStore.ts';

/**
 * A word index over one collection, kept in memory: bigram postings find the candidates of a search, each
 * checked against the whole words, so "拖欠农民工" or "第12号" answers without reading every document from
 * disk. It is built after the first screen, page by page, and follows every change the collection
 * announces (the writer's, a sync pull's, a restore's) from the moment it is made. Until it is `ready`,
 * searches answer null and lists read the documents as before. Its entries are stored in the local store
 * (in the clear: no personal data may enter them) a little after changes stop; the next session takes
 * them from there and reads only the documents written since.
 *
 * A capability says what to index (`WordIndexSpec`): the words of a document and the fields kept with
 * each entry for a search's filters.
 */
export interface WordIndexSpec<D, F extends string> {
  /** The local-store cache key of the stored entries. */
  key: string;
  /** Bumped whenever `words` or `fieldsOf` give something else: stored entries of another format are read again. */
  format: number;
  /** What is indexed, for the console ("credit-record"). */
  name: string;
  /** The searched words of a document; never personal data. */
  words: (doc: D) => string;
  fields: readonly F[];
  /** The fields kept with the document's entry, which searches filter by. */
  fieldsOf: (doc: D) => Record<F, string>;
}

/** One document as indexed: its words lower-cased, as searched, and its kept fields. */
type Entry<F extends string> = Readonly<Record<F, string>> & {
  readonly id: string;
  readonly updatedAt: string;
  readonly text: string;
};

export interface WordQuery<F extends string> {
  /** Matched inside the indexed words, case-blind. */
  text: string;
  /** Entries whose field holds one of these values match too (e.g. subjects the words name elsewhere). */
  alsoWhere?: { field: F; values: ReadonlySet<string> };
  /** Keeps only the entries whose fields it accepts (the list's other filters). */
  keep?: (entry: Readonly<Record<F, string>>) => boolean;
}

/** Documents read per step while building, with a pause between steps. */
const buildPage = 5000;
/** Bumped whenever the stored shape below changes (a capability's own `format` covers what it indexes). */
const layout = 1;
/** How long after the last change the entries are stored again. */
const defaultStoreDelayMs = 10_000;
/**
 * Changes written shortly before a store may be announced only after it (another tab): the stored
 * checkpoint stays this far behind the newest change seen, which is read again.
 */
const checkpointMarginMs = 5000;

/** The entries as stored: one array per field, the same length (cheaper to store than one object each). */
interface StoredWords {
  layout: number;
  format: number;
  /** The database they are of: a profile removed and made again starts over. */
  storageToken: string;
  checkpoint: ChangeCheckpoint;
  ids: string[];
  updatedAt: string[];
  texts: string[];
  fields: Record<string, string[]>;
}

export class WordIndex<D extends { id: string; updatedAt: string }, F extends string> {
  readonly #slots: (Entry<F> | undefined)[] = [];
  readonly #slotById = new Map<string, number>();
  /** Bigram → slots whose text held it when indexed (checked again at search time). */
  readonly #postings = new Map<string, Postings>();
  #ready = false;
  #building: Promise<void> | null = null;
  /** Documents changed while building: what building reads of them may be older, so it leaves them be. */
  #touched = new Set<string>();
  #newestLwt = 0;
  readonly #storeLater = new QuietTimer(() => {
    this.flush().catch((error: unknown) => {
      // Not kept this time: the next session reads the documents written since the last stored copy.
      if (!this.#collection.closed) console.warn(`The ${this.#spec.name} word index was not stored`, error);
    });
  });
  readonly #collection: RxCollection<D>;
  readonly #local: LocalStore;
  readonly #spec: WordIndexSpec<D, F>;
  readonly #storeDelayMs: number;

  constructor(
    collection: RxCollection<D>,
    local: LocalStore,
    spec: WordIndexSpec<D, F>,
    storeDelayMs = defaultStoreDelayMs,
  ) {
    this.#collection = collection;
    this.#local = local;
    this.#spec = spec;
    this.#storeDelayMs = storeDelayMs;
    collection.$.subscribe((event) => {
      this.#apply(event);
      if (this.#ready) this.#storeLater.poke(this.#storeDelayMs);
    });
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** Takes the stored entries and the documents written since (or reads every document), once; settles when done. */
  build(): Promise<void> {
    this.#building ??= this.#build().catch((error: unknown) => {
      if (!this.#collection.closed)
        console.error(`The ${this.#spec.name} word index could not be built`, error);
    });
    return this.#building;
  }

  /**
   * How many documents the search matches and the ids of one page of them, last changed first (ties by
   * id, as the lists' indexes order them); null until the index is ready.
   */
  search(
    query: WordQuery<F>,
    page: { offset: number; limit: number },
  ): { total: number; ids: string[] } | null {
    const entries = this.#matches(query);
    if (!entries) return null;
    return {
      total: entries.length,
      ids: firstInOrder(entries, page.offset + page.limit)
        .slice(page.offset)
        .map((entry) => entry.id),
    };
  }

  /** Every document the search matches, its id and kept fields, in no order; null until the index is ready. */
  matchingEntries(query: WordQuery<F>): (Readonly<Record<F, string>> & { readonly id: string })[] | null {
    return this.#matches(query);
  }

  #matches(query: WordQuery<F>): Entry<F>[] | null {
    if (!this.#ready) return null;
    const words = query.text.trim().toLowerCase();
    const keeps = query.keep ?? (() => true);
    const found = new Set<number>();
    const grams = bigrams(words);
    // The rarest bigram's slots hold every document containing the words; one character means all slots.
    const candidates =
      grams.length === 0
        ? this.#slots.keys()
        : grams
            .map((gram) => this.#postings.get(gram)?.slots() ?? new Uint32Array())
            .reduce((rarest, slots) => (slots.length < rarest.length ? slots : rarest));
    for (const slot of candidates) {
      const entry = this.#slots[slot];
      if (entry?.text.includes(words) && keeps(entry)) found.add(slot);
    }
    const also = query.alsoWhere;
    if (also && also.values.size > 0) {
      this.#slots.forEach((entry, slot) => {
        if (entry && also.values.has(entry[also.field]) && keeps(entry)) found.add(slot);
      });
    }
    return [...found].map((slot) => this.#slots[slot]!);
  }

  async #build(): Promise<void> {
    const stored = await this.#readStored();
    if (stored) {
      await this.#restore(stored);
      await this.#catchUp(stored.checkpoint);
    }
    // No copy, or one the documents no longer match (a restore replaced them): every document is read.
    if (!stored || this.#slotById.size !== (await this.#collection.count().exec())) {
      this.#clear();
      await this.#catchUp(null);
    }
    this.#touched.clear();
    this.#ready = true;
    this.#storeLater.poke(stored ? this.#storeDelayMs : 0);
  }

  async #readStored(): Promise<StoredWords | null> {
    const stored = (await this.#local.caches.get(this.#spec.key))?.value as StoredWords | undefined;
    const token = await this.#collection.database.storageToken;
    const usable =
      stored?.layout === layout &&
      stored.format === this.#spec.format &&
      stored.storageToken === token &&
      this.#spec.fields.every((field) => stored.fields[field]?.length === stored.ids.length);
    return usable ? stored : null;
  }

  /** Takes the stored entries, between pauses that let the screen respond. */
  async #restore(stored: StoredWords): Promise<void> {
    for (let from = 0; from < stored.ids.length; from += buildPage) {
      for (let at = from; at < Math.min(stored.ids.length, from + buildPage); at++) {
        const id = stored.ids[at]!;
        if (this.#touched.has(id)) continue;
        const fields = {} as Record<F, string>;
        for (const field of this.#spec.fields) fields[field] = stored.fields[field]![at]!;
        this.#putEntry({ ...fields, id, updatedAt: stored.updatedAt[at]!, text: stored.texts[at]! });
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Applies every change after the checkpoint (every document when null), reading only those: their ids
   * from the change-order index, then the documents among them still there.
   */
  async #catchUp(checkpoint: ChangeCheckpoint | null): Promise<void> {
    await eachChangeSince<D>(this.#collection, checkpoint, buildPage, (live, changes) => {
      const kept = new Set(live.map((doc) => doc.id));
      // A document changed since its page was read arrived as a change: the newer version stays.
      for (const doc of live) if (!this.#touched.has(doc.id)) this.#put(doc);
      for (const change of changes) {
        if (!kept.has(change.id) && !this.#touched.has(change.id)) this.#remove(change.id);
        this.#newestLwt = Math.max(this.#newestLwt, change.lwt);
      }
    });
  }

  #clear(): void {
    this.#slots.length = 0;
    this.#slotById.clear();
    this.#postings.clear();
    this.#touched.clear();
  }

  #apply(event: RxChangeEvent<D>): void {
    if (this.#building && !this.#ready) this.#touched.add(event.documentId);
    if (event.operation === 'DELETE') this.#remove(event.documentId);
    else this.#put(event.documentData as D);
    const lwt = (event.documentData as RxDocumentData<D> | undefined)?._meta?.lwt;
    if (lwt !== undefined) this.#newestLwt = Math.max(this.#newestLwt, lwt);
  }

  #put(doc: D): void {
    this.#putEntry({
      ...this.#spec.fieldsOf(doc),
      id: doc.id,
      updatedAt: doc.updatedAt,
      text: this.#spec.words(doc).toLowerCase(),
    });
  }

  #putEntry(entry: Entry<F>): void {
    const { text } = entry;
    let slot = this.#slotById.get(entry.id);
    const previous = slot === undefined ? undefined : this.#slots[slot];
    if (slot === undefined) {
      slot = this.#slots.length;
      this.#slotById.set(entry.id, slot);
    }
    this.#slots[slot] = entry;
    if (previous?.text === text) return;
    const known = new Set(previous ? bigrams(previous.text) : []);
    for (const gram of bigrams(text)) {
      if (known.has(gram)) continue;
      let slots = this.#postings.get(gram);
      if (!slots) {
        slots = new Postings();
        this.#postings.set(gram, slots);
      }
      slots.add(slot);
    }
  }

  #remove(id: string): void {
    const slot = this.#slotById.get(id);
    if (slot === undefined) return;
    this.#slots[slot] = undefined;
    this.#slotById.delete(id);
  }

  /** Stores the entries now (a profile about to close, tests). */
  async flush(): Promise<void> {
    this.#storeLater.cancel();
    if (!this.#ready || this.#collection.closed) return;
    const entries = this.#slots.filter((entry): entry is Entry<F> => entry !== undefined);
    const fields: Record<string, string[]> = {};
    for (const field of this.#spec.fields) fields[field] = entries.map((entry) => entry[field]);
    const stored: StoredWords = {
      layout,
      format: this.#spec.format,
      storageToken: await this.#collection.database.storageToken,
      checkpoint: { id: '', lwt: Math.max(0, this.#newestLwt - checkpointMarginMs) },
      ids: entries.map((entry) => entry.id),
      updatedAt: entries.map((entry) => entry.updatedAt),
      texts: entries.map((entry) => entry.text),
      fields,
    };
    await this.#local.caches.put({ key: this.#spec.key, value: stored });
  }
}

/** The distinct pairs of adjacent characters of the text, lower-cased (Chinese words are matched by them). */
export function bigrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

interface Ordered {
  id: string;
  updatedAt: string;
}

/** Last changed first, ties by id (as the lists' indexes order them). */
function newerFirst(a: Ordered, b: Ordered): number {
  return a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : -1;
}

/**
 * The first `count` entries in list order: a page of many matches is picked without sorting them all
 * (the candidates kept sorted, each other entry compared with the last of them).
 */
function firstInOrder<T extends Ordered>(entries: T[], count: number): T[] {
  if (count === 0) return [];
  if (count * 8 >= entries.length) return entries.sort(newerFirst).slice(0, count);
  const top = entries.slice(0, count).sort(newerFirst);
  for (let at = count; at < entries.length; at++) {
    const entry = entries[at]!;
    if (newerFirst(entry, top[count - 1]!) >= 0) continue;
    let place = count - 1;
    while (place > 0 && newerFirst(entry, top[place - 1]!) < 0) place--;
    top.splice(place, 0, entry);
    top.pop();
  }
  return top;
}

/**
 * The slots of one bigram in a typed array that doubles as it fills: 4 bytes a slot, where a plain array
 * of numbers takes 8 and most of a million records' memory went to these lists (bench/wordIndexMemory.ts).
 */
class Postings {
  #slots = new Uint32Array(2);
  #length = 0;

  add(slot: number): void {
    if (this.#length === this.#slots.length) {
      const grown = new Uint32Array(this.#slots.length * 2);
      grown.set(this.#slots);
      this.#slots = grown;
    }
    this.#slots[this.#length++] = slot;
  }

  slots(): Uint32Array {
    return this.#slots.subarray(0, this.#length);
  }
}
