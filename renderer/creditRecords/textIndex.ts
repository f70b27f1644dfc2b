import type { RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { type ChangeCheckpoint, eachChangeSince } from '../kernel/db/changesSince.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { bigrams } from '../subjects/subjectIndex.ts';

/**
 * A word index over credit records' titles and document numbers (neither is personal data; personal
 * fields never enter it), kept in memory: bigram postings find the candidates of a search, each checked
 * against the whole words, so "拖欠农民工" or "第12号" answers without reading every record from disk.
 * It is built after the first screen, page by page, and follows every change the collection announces
 * (the writer's, a sync pull's, a restore's) from the moment it is made. Until it is `ready`, searches
 * read the records as before. Its entries are stored in the local store a little after changes stop;
 * the next session takes them from there and reads only the records written since.
 */
interface Entry {
  id: string;
  updatedAt: string;
  subjectId: string;
  category: string;
  status: string;
  /** Title and document number, lower-cased, as searched. */
  text: string;
}

export interface TextSearch {
  text: string;
  /** Records of these subjects match too (subjects the words name). */
  textSubjects?: readonly string[];
  subjectId?: string;
  category?: string;
  status?: string;
}

/** Records read per step while building, with a pause between steps. */
const buildPage = 5000;
const cacheKey = 'creditRecordWords';
/** Bumped whenever the stored shape changes; entries of another format are read again from the records. */
const format = 1;
/** How long after the last change the entries are stored again. */
const defaultStoreDelayMs = 10_000;
/**
 * Changes written shortly before a store may be announced only after it (another tab): the stored
 * checkpoint stays this far behind the newest change seen, which is read again.
 */
const checkpointMarginMs = 5000;

/** The entries as stored: one array per field, the same length (cheaper to store than one object each). */
interface StoredWords {
  format: number;
  /** The database they are of: a profile removed and made again starts over. */
  storageToken: string;
  checkpoint: ChangeCheckpoint;
  ids: string[];
  updatedAt: string[];
  subjectIds: string[];
  categories: string[];
  statuses: string[];
  texts: string[];
}

export class RecordTextIndex {
  readonly #slots: (Entry | undefined)[] = [];
  readonly #slotById = new Map<string, number>();
  /** Bigram → slots whose text held it when indexed (checked again at search time). */
  readonly #postings = new Map<string, Postings>();
  #ready = false;
  #building: Promise<void> | null = null;
  /** Records changed while building: what building reads of them may be older, so it leaves them be. */
  #touched = new Set<string>();
  #newestLwt = 0;
  #storeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #collection: RxCollection<CreditRecordDocument>;
  readonly #local: LocalStore;
  readonly #storeDelayMs: number;

  constructor(
    collection: RxCollection<CreditRecordDocument>,
    local: LocalStore,
    storeDelayMs = defaultStoreDelayMs,
  ) {
    this.#collection = collection;
    this.#local = local;
    this.#storeDelayMs = storeDelayMs;
    collection.$.subscribe((event) => {
      this.#apply(event);
      if (this.#ready) this.#storeSoon(this.#storeDelayMs);
    });
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** Takes the stored entries and the records written since (or reads every record), once; settles when done. */
  build(): Promise<void> {
    this.#building ??= this.#build().catch((error: unknown) => {
      if (!this.#collection.closed) console.error('The credit-record word index could not be built', error);
    });
    return this.#building;
  }

  /**
   * How many records the search matches and the ids of one page of them, last changed first (ties by
   * id, as the list's index orders them); null until the index is ready.
   */
  search(
    query: TextSearch,
    page: { offset: number; limit: number },
  ): { total: number; ids: string[] } | null {
    if (!this.#ready) return null;
    const words = query.text.trim().toLowerCase();
    const subjects = new Set(query.textSubjects ?? []);
    const keeps = (entry: Entry) =>
      (!query.subjectId || entry.subjectId === query.subjectId) &&
      (!query.category || entry.category === query.category) &&
      (!query.status || entry.status === query.status);
    const found = new Set<number>();
    const grams = bigrams(words);
    // The rarest bigram's slots hold every record containing the words; one character means all slots.
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
    if (subjects.size > 0) {
      this.#slots.forEach((entry, slot) => {
        if (entry && subjects.has(entry.subjectId) && keeps(entry)) found.add(slot);
      });
    }
    const entries = [...found].map((slot) => this.#slots[slot]!);
    return {
      total: entries.length,
      ids: firstInOrder(entries, page.offset + page.limit)
        .slice(page.offset)
        .map((entry) => entry.id),
    };
  }

  async #build(): Promise<void> {
    const stored = await this.#readStored();
    if (stored) {
      await this.#restore(stored);
      await this.#catchUp(stored.checkpoint);
    }
    // No copy, or one the records no longer match (a restore replaced them): every record is read.
    if (!stored || this.#slotById.size !== (await this.#collection.count().exec())) {
      this.#clear();
      await this.#catchUp(null);
    }
    this.#touched.clear();
    this.#ready = true;
    this.#storeSoon(stored ? this.#storeDelayMs : 0);
  }

  async #readStored(): Promise<StoredWords | null> {
    const stored = (await this.#local.caches.get(cacheKey))?.value as StoredWords | undefined;
    const token = await this.#collection.database.storageToken;
    return stored?.format === format && stored.storageToken === token ? stored : null;
  }

  /** Takes the stored entries, between pauses that let the screen respond. */
  async #restore(stored: StoredWords): Promise<void> {
    for (let from = 0; from < stored.ids.length; from += buildPage) {
      for (let at = from; at < Math.min(stored.ids.length, from + buildPage); at++) {
        const id = stored.ids[at]!;
        if (this.#touched.has(id)) continue;
        this.#putEntry({
          id,
          updatedAt: stored.updatedAt[at]!,
          subjectId: stored.subjectIds[at]!,
          category: stored.categories[at]!,
          status: stored.statuses[at]!,
          text: stored.texts[at]!,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Applies every change after the checkpoint (every record when null), reading only those: their ids
   * from the change-order index, then the records among them still there.
   */
  async #catchUp(checkpoint: ChangeCheckpoint | null): Promise<void> {
    await eachChangeSince<CreditRecordDocument>(this.#collection, checkpoint, buildPage, (live, changes) => {
      const kept = new Set(live.map((record) => record.id));
      // A record changed since its page was read arrived as a change: the newer version stays.
      for (const record of live) if (!this.#touched.has(record.id)) this.#put(record);
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

  #apply(event: RxChangeEvent<CreditRecordDocument>): void {
    if (this.#building && !this.#ready) this.#touched.add(event.documentId);
    if (event.operation === 'DELETE') this.#remove(event.documentId);
    else this.#put(event.documentData as CreditRecordDocument);
    const lwt = (event.documentData as RxDocumentData<CreditRecordDocument> | undefined)?._meta?.lwt;
    if (lwt !== undefined) this.#newestLwt = Math.max(this.#newestLwt, lwt);
  }

  #put(record: CreditRecordDocument): void {
    this.#putEntry({
      id: record.id,
      updatedAt: record.updatedAt,
      subjectId: record.subjectId,
      category: record.category,
      status: record.status,
      text: `${record.title}\n${record.documentNumber}`.toLowerCase(),
    });
  }

  #putEntry(entry: Entry): void {
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

  #storeSoon(delayMs: number): void {
    clearTimeout(this.#storeTimer);
    this.#storeTimer = setTimeout(() => {
      this.flush().catch((error: unknown) => {
        // Not kept this time: the next session reads the records written since the last stored copy.
        if (!this.#collection.closed) console.warn('The credit-record word index was not stored', error);
      });
    }, delayMs);
  }

  /** Stores the entries now (a profile about to close, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.#storeTimer);
    if (!this.#ready || this.#collection.closed) return;
    const entries = this.#slots.filter((entry): entry is Entry => entry !== undefined);
    const stored: StoredWords = {
      format,
      storageToken: await this.#collection.database.storageToken,
      checkpoint: { id: '', lwt: Math.max(0, this.#newestLwt - checkpointMarginMs) },
      ids: entries.map((entry) => entry.id),
      updatedAt: entries.map((entry) => entry.updatedAt),
      subjectIds: entries.map((entry) => entry.subjectId),
      categories: entries.map((entry) => entry.category),
      statuses: entries.map((entry) => entry.status),
      texts: entries.map((entry) => entry.text),
    };
    await this.#local.caches.put({ key: cacheKey, value: stored });
  }
}

/** Last changed first, ties by id (as the list's index orders them). */
function newerFirst(a: Entry, b: Entry): number {
  return a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : -1;
}

/**
 * The first `count` entries in list order: a page of many matches is picked without sorting them all
 * (the candidates kept sorted, each other entry compared with the last of them).
 */
function firstInOrder(entries: Entry[], count: number): Entry[] {
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
