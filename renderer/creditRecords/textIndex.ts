import type { RxChangeEvent, RxCollection, RxDocument } from 'rxdb';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { bigrams } from '../subjects/subjectIndex.ts';

/**
 * A word index over credit records' titles and document numbers (neither is personal data; personal
 * fields never enter it), kept in memory: bigram postings find the candidates of a search, each checked
 * against the whole words, so "拖欠农民工" or "第12号" answers without reading every record from disk.
 * It is built after the first screen, page by page, and follows every change the collection announces
 * (the writer's, a sync pull's, a restore's) from the moment it is made. Until it is `ready`, searches
 * read the records as before.
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

export class RecordTextIndex {
  readonly #slots: (Entry | undefined)[] = [];
  readonly #slotById = new Map<string, number>();
  /** Bigram → slots whose text held it when indexed (checked again at search time). */
  readonly #postings = new Map<string, Postings>();
  #ready = false;
  #building: Promise<void> | null = null;
  readonly #collection: RxCollection<CreditRecordDocument>;

  constructor(collection: RxCollection<CreditRecordDocument>) {
    this.#collection = collection;
    collection.$.subscribe((event) => this.#apply(event));
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** Reads every record into the index, once; settles when done. */
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
    let after: string | null = null;
    for (;;) {
      const found: RxDocument<CreditRecordDocument>[] = await this.#collection
        .find({
          selector: after === null ? {} : { id: { $gt: after } },
          sort: [{ id: 'asc' }],
          limit: buildPage,
        })
        .exec();
      // A record changed since its page was read arrived as a change: the newer version stays.
      for (const doc of found)
        if (!this.#slotById.has(doc.id)) this.#put(doc.toJSON() as CreditRecordDocument);
      if (found.length < buildPage) break;
      after = found[found.length - 1]!.id;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.#ready = true;
  }

  #apply(event: RxChangeEvent<CreditRecordDocument>): void {
    if (event.operation === 'DELETE') this.#remove(event.documentId);
    else this.#put(event.documentData as CreditRecordDocument);
  }

  #put(record: CreditRecordDocument): void {
    const text = `${record.title}\n${record.documentNumber}`.toLowerCase();
    const entry: Entry = {
      id: record.id,
      updatedAt: record.updatedAt,
      subjectId: record.subjectId,
      category: record.category,
      status: record.status,
      text,
    };
    let slot = this.#slotById.get(record.id);
    const previous = slot === undefined ? undefined : this.#slots[slot];
    if (slot === undefined) {
      slot = this.#slots.length;
      this.#slotById.set(record.id, slot);
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
    if (slot !== undefined) this.#slots[slot] = undefined;
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
