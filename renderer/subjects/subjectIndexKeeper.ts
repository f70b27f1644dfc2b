import { QuietTimer } from '../kernel/quietTimer.ts';
import type { RxChangeEvent, RxDocumentData } from 'rxdb';
import { eachChangeSince } from '../kernel/db/changesSince.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { SubjectCollection } from '../kernel/db/database.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import type { PersonalDataCipher } from '../kernel/security/personalData.ts';
import { type SubjectIndex, summariesOf, summarize } from './subjectIndex.ts';
import { type IndexCheckpoint, readStoredIndex, storeIndex } from './subjectIndexStore.ts';

/** Changes read per step when catching up with the database (a pause between steps lets the screen respond). */
const batch = 5000;
/** How long after the last change the index is stored again (storing a large index takes a moment). */
const defaultStoreDelayMs = 10_000;
/** Summaries taken from a stored copy between pauses that let the screen respond. */
const restoreChunk = 10_000;
/**
 * Changes written shortly before a store may reach the index only after it (another tab, a write still
 * being announced): the stored checkpoint stays this far behind the newest change, which is read again.
 */
const checkpointMarginMs = 5000;

/**
 * Loads the subject index without holding up the first screen (from its stored copy, then the changes
 * since; from the whole collection when there is no usable copy), keeps it in step with every change,
 * and stores it again a little after changes stop. Loading starts on `start()` or when `ready` is
 * first asked for; until it is done, changes wait in a queue.
 */
export class SubjectIndexKeeper {
  #ready: Promise<void> | null = null;
  #settle: () => void = () => undefined;
  /** Settles when loading ends, without starting it. */
  readonly settled = new Promise<void>((resolve) => {
    this.#settle = resolve;
  });
  readonly #index: SubjectIndex;
  readonly #collection: SubjectCollection;
  readonly #store: { local: LocalStore; cipher: PersonalDataCipher; delayMs: number };
  #queued: RxChangeEvent<SubjectDocument>[] | null = [];
  #newestLwt = 0;
  readonly #storeLater = new QuietTimer(() => {
    this.#save().catch((error: unknown) => {
      // Not kept this time: the next session reads the changes since the last stored copy.
      if (!this.#collection.closed) console.warn('The subject index was not stored', error);
    });
  });
  #storing: Promise<void> = Promise.resolve();

  /** `local` and `cipher` keep the sealed copy of the index, stored `storeDelayMs` after changes stop. */
  constructor(parts: {
    index: SubjectIndex;
    collection: SubjectCollection;
    local: LocalStore;
    cipher: PersonalDataCipher;
    storeDelayMs?: number;
  }) {
    const { index, collection, local, cipher } = parts;
    this.#index = index;
    this.#collection = collection;
    this.#store = { local, cipher, delayMs: parts.storeDelayMs ?? defaultStoreDelayMs };
    collection.$.subscribe((event) => {
      if (this.#queued) this.#queued.push(event);
      else {
        this.#apply(event);
        this.#storeLater.poke(this.#store.delayMs);
      }
    });
  }

  /** Starts loading, once. */
  start(): void {
    this.#ready ??= this.#load()
      .catch((error: unknown) => {
        // A closed profile stops loading; otherwise lists keep reading the database and say nothing wrong.
        if (!this.#collection.closed) console.error('The subject index could not be loaded', error);
      })
      .finally(() => this.#settle());
  }

  /** Settles once the index holds every subject (starting the load if it has not started). */
  get ready(): Promise<void> {
    this.start();
    return this.#ready!;
  }

  /** Whether the index holds every subject (lists and search read it from then on). */
  get loaded(): boolean {
    return this.#queued === null;
  }

  async #load(): Promise<void> {
    const stored = await readStoredIndex(this.#store.local, this.#store.cipher);
    let restored = -1;
    if (stored) {
      const summaries = summariesOf(stored.snapshot);
      for (let from = 0; from < summaries.length; from += restoreChunk) {
        this.#index.load(summaries.slice(from, from + restoreChunk));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      this.#index.restoreOrders(stored.snapshot);
      restored = this.#index.revision;
      await this.#catchUp(stored.checkpoint);
    }
    // No copy, or one the database no longer matches (a restore replaced subjects): read everything.
    const live = await this.#collection.count().exec();
    if (!stored || this.#index.size !== live) {
      this.#index.clear();
      restored = -1;
      await this.#catchUp(null);
    }
    for (const event of this.#queued ?? []) this.#apply(event);
    this.#queued = null;
    if (this.#index.revision !== restored) this.#storeLater.poke(restored === -1 ? 0 : this.#store.delayMs);
  }

  /**
   * Applies every change after the checkpoint (every subject when null), reading only those changes:
   * their ids from the change-order index, then the live documents among them, decrypted.
   */
  async #catchUp(checkpoint: IndexCheckpoint | null): Promise<void> {
    await eachChangeSince<SubjectDocument>(this.#collection, checkpoint, batch, (live, changes) => {
      const summaries = live.map(summarize);
      if (checkpoint === null) this.#index.load(summaries);
      else for (const summary of summaries) this.#index.put(summary);
      const kept = new Set(live.map((doc) => doc.id));
      for (const change of changes) {
        if (!kept.has(change.id)) this.#index.remove(change.id);
        this.#newestLwt = Math.max(this.#newestLwt, change.lwt);
      }
    });
  }

  #apply(event: RxChangeEvent<SubjectDocument>): void {
    if (event.operation === 'DELETE') this.#index.remove(event.documentId);
    else this.#index.put(summarize(event.documentData as SubjectDocument));
    const lwt = (event.documentData as RxDocumentData<SubjectDocument> | undefined)?._meta?.lwt;
    if (lwt !== undefined) this.#newestLwt = Math.max(this.#newestLwt, lwt);
  }

  /** Stores the index, one store at a time. */
  #save(): Promise<void> {
    const run = this.#storing.then(async () => {
      if (this.#collection.closed) return;
      const checkpoint = { id: '', lwt: Math.max(0, this.#newestLwt - checkpointMarginMs) };
      await storeIndex(this.#store.local, this.#store.cipher, this.#index.snapshot(), checkpoint);
    });
    this.#storing = run.catch(() => undefined);
    return run;
  }
}
