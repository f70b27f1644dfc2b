/**
 * The sync state of every record, kept in memory so lists can show it without a query per row:
 * local only (never accepted by the platform), pending (changed since), synced, refused, or in conflict.
 * Built from the documents, the last known master states and the open refusals and conflicts, and kept
 * current from the collections' change streams and the sync store's announcements (also other tabs').
 * Tracking a collection does not wait for its documents: they are read after, a page at a time through
 * the change-order index, so opening a profile of a million records is not held up. Meanwhile the
 * records a list asks about are read at once, and counts say they are still being counted.
 */
import { Observable, Subject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { eachChangeSince } from '../db/changesSince.ts';
import type { DocumentState } from './merge.ts';
import { contentHash, type SyncStore } from './syncStore.ts';

export const recordSyncStates = ['local', 'pending', 'synced', 'refused', 'conflict'] as const;
export type RecordSyncState = (typeof recordSyncStates)[number];

/** Documents read per step while a collection's states are first counted. */
const loadPage = 2000;

interface TrackedCollection {
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type is tracked
  collection: RxCollection<any>;
  /** Content hash of each local document. */
  current: Map<string, string>;
  /** Content hash of the platform's state of each document, as last known. */
  shadows: Map<string, string>;
  /** Documents whose content differs from the platform's state as last known (or that it never had). */
  unsynced: Set<string>;
  refused: Set<string>;
  conflicted: Set<string>;
  /** Documents read ahead of the whole collection, for a list that asked. */
  resolved: Set<string>;
  /** Settles once every document and master state has been read. */
  loaded: Promise<void>;
  complete: boolean;
}

export interface RecordStateChange {
  collection: CollectionName;
  /** The records whose state may have changed; null for any. */
  ids: string[] | null;
}

export class RecordStateTracker {
  readonly #store: SyncStore;
  readonly #tracked = new Map<CollectionName, TrackedCollection>();
  readonly #subscriptions: Subscription[] = [];
  readonly #changes = new Subject<RecordStateChange>();
  #pendingFlush = new Map<CollectionName, Set<string> | null>();
  #flushTimer: ReturnType<typeof setTimeout> | null = null;
  readonly changes$ = this.#changes.asObservable();
  #closed = false;

  constructor(store: SyncStore) {
    this.#store = store;
    this.#subscriptions.push(
      store.changes$.subscribe((change) => {
        if (change.kind === 'shadows') {
          const tracked = this.#tracked.get(change.collection);
          if (!tracked) return;
          for (const [id, hash] of change.hashes) {
            tracked.shadows.set(id, hash);
            reconsider(tracked, id);
          }
          this.#changed(
            change.collection,
            change.hashes.map(([id]) => id),
          );
        } else if (change.kind === 'refusals' || change.kind === 'conflicts') {
          void this.#loadOpenEntries();
        }
      }),
    );
  }

  /** Follows a collection's changes from now on and reads its documents' states in the background. */
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type is tracked
  track(name: CollectionName, collection: RxCollection<any>): Promise<void> {
    const tracked: TrackedCollection = {
      collection,
      current: new Map(),
      shadows: new Map(),
      unsynced: new Set(),
      refused: new Set(),
      conflicted: new Set(),
      resolved: new Set(),
      loaded: Promise.resolve(),
      complete: false,
    };
    this.#tracked.set(name, tracked);
    this.#subscriptions.push(
      collection.$.subscribe((event) => {
        tracked.current.set(event.documentId, contentHash(event.documentData as DocumentState));
        reconsider(tracked, event.documentId);
        this.#changed(name, [event.documentId]);
      }),
    );
    tracked.loaded = this.#load(name, tracked).catch((error: unknown) => {
      // Closing the profile ends the reading; anything else leaves the counts marked unfinished.
      if (!this.#closed) console.error(`Counting the sync states of ${name} failed`, error);
    });
    return this.#loadOpenEntries();
  }

  /** Every document's and master state's hash, read a page at a time; what changes meanwhile is newer. */
  async #load(name: CollectionName, tracked: TrackedCollection): Promise<void> {
    const shadows = await this.#store.shadowHashes(name);
    for (const [id, hash] of shadows) if (!tracked.shadows.has(id)) tracked.shadows.set(id, hash);
    await eachChangeSince<DocumentState>(tracked.collection, null, loadPage, (live) => {
      for (const doc of live) learnDocument(tracked, doc);
    });
    for (const id of new Set([...tracked.current.keys(), ...tracked.shadows.keys()])) reconsider(tracked, id);
    tracked.complete = true;
    tracked.resolved.clear();
    this.#changed(name, null);
  }

  /** Reads the given records' states ahead of the whole collection. */
  async #resolve(name: CollectionName, tracked: TrackedCollection, ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !tracked.resolved.has(id));
    if (tracked.complete || missing.length === 0) return;
    const [docs, shadows] = await Promise.all([
      tracked.collection.storageInstance.findDocumentsById(missing, false),
      this.#store.shadowHashes(name, missing),
    ]);
    for (const doc of docs as DocumentState[]) learnDocument(tracked, doc);
    for (const [id, hash] of shadows) if (!tracked.shadows.has(id)) tracked.shadows.set(id, hash);
    for (const id of missing) {
      tracked.resolved.add(id);
      reconsider(tracked, id);
    }
  }

  /** Settles once the collection's states have all been read (at once for a collection not tracked). */
  loaded(collection: CollectionName): Promise<void> {
    return this.#tracked.get(collection)?.loaded ?? Promise.resolve();
  }

  /** Whether every document of the collection has been read, so its counts are whole. */
  isCounted(collection: CollectionName): boolean {
    return this.#tracked.get(collection)?.complete ?? true;
  }

  async #loadOpenEntries(): Promise<void> {
    const [refusals, conflicts] = await Promise.all([
      this.#store.refusedDocuments(),
      this.#store.openConflictDocuments(),
    ]);
    for (const [name, tracked] of this.#tracked) {
      tracked.refused = new Set(
        refusals.filter((entry) => entry.collection === name && !entry.discarded).map((e) => e.docId),
      );
      tracked.conflicted = new Set(
        conflicts.filter((entry) => entry.collection === name).map((e) => e.docId),
      );
      this.#changed(name, null);
    }
  }

  /** Announces changed records, a few at a time rather than one event per document. */
  #changed(collection: CollectionName, ids: string[] | null): void {
    const pending = this.#pendingFlush.get(collection);
    if (ids === null || pending === null) this.#pendingFlush.set(collection, null);
    else if (pending) for (const id of ids) pending.add(id);
    else this.#pendingFlush.set(collection, new Set(ids));
    this.#flushTimer ??= setTimeout(() => {
      this.#flushTimer = null;
      const flushed = this.#pendingFlush;
      this.#pendingFlush = new Map();
      for (const [name, changed] of flushed) {
        this.#changes.next({ collection: name, ids: changed ? [...changed] : null });
      }
    }, 50);
  }

  stateOf(collection: CollectionName, id: string): RecordSyncState {
    const tracked = this.#tracked.get(collection);
    if (!tracked) return 'local';
    if (tracked.conflicted.has(id)) return 'conflict';
    if (tracked.refused.has(id)) return 'refused';
    const shadow = tracked.shadows.get(id);
    if (shadow === undefined) return 'local';
    return shadow === tracked.current.get(id) ? 'synced' : 'pending';
  }

  statesOf(collection: CollectionName, ids: readonly string[]): Map<string, RecordSyncState> {
    return new Map(ids.map((id) => [id, this.stateOf(collection, id)]));
  }

  /** The states of the given records now and whenever one of them may have changed. */
  watch(collection: CollectionName, ids: readonly string[]): Observable<Map<string, RecordSyncState>> {
    return new Observable((subscriber) => {
      const tracked = this.#tracked.get(collection);
      const emit = () => subscriber.next(this.statesOf(collection, ids));
      if (tracked && !tracked.complete) {
        this.#resolve(collection, tracked, ids).then(emit, (error: unknown) => subscriber.error(error));
      } else emit();
      const wanted = new Set(ids);
      const subscription = this.changes$.subscribe((change) => {
        if (change.collection !== collection) return;
        if (change.ids === null || change.ids.some((id) => wanted.has(id))) {
          emit();
        }
      });
      return () => subscription.unsubscribe();
    });
  }

  /** Records changed locally and not yet accepted by the platform (refused ones excluded), as counted so far. */
  pendingCount(collection: CollectionName): number {
    const tracked = this.#tracked.get(collection);
    if (!tracked) return 0;
    let refused = 0;
    for (const id of tracked.refused) if (tracked.unsynced.has(id)) refused++;
    return tracked.unsynced.size - refused;
  }

  close(): void {
    this.#closed = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#changes.complete();
  }
}

/** A document as read from the database, unless a change already told of a newer state. */
function learnDocument(tracked: TrackedCollection, doc: DocumentState): void {
  const id = String(doc[tracked.collection.schema.primaryPath]);
  if (!tracked.current.has(id)) tracked.current.set(id, contentHash(doc));
}

/** Keeps the document's place among those the platform does not hold as they are. */
function reconsider(tracked: TrackedCollection, id: string): void {
  const hash = tracked.current.get(id);
  if (hash !== undefined && tracked.shadows.get(id) !== hash) tracked.unsynced.add(id);
  else tracked.unsynced.delete(id);
}
