/**
 * The sync state of every record, kept in memory so lists can show it without a query per row:
 * local only (never accepted by the platform), pending (changed since), synced, refused, or in conflict.
 * Built from the documents, the last known master states and the open refusals and conflicts, and kept
 * current from the collections' change streams and the sync store's announcements (also other tabs').
 */
import { Observable, Subject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { DocumentState } from './merge.ts';
import { contentHash, type SyncStore } from './syncStore.ts';

export const recordSyncStates = ['local', 'pending', 'synced', 'refused', 'conflict'] as const;
export type RecordSyncState = (typeof recordSyncStates)[number];

interface TrackedCollection {
  /** Content hash of each local document. */
  current: Map<string, string>;
  /** Content hash of the platform's state of each document, as last known. */
  shadows: Map<string, string>;
  refused: Set<string>;
  conflicted: Set<string>;
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

  constructor(store: SyncStore) {
    this.#store = store;
    this.#subscriptions.push(
      store.changes$.subscribe((change) => {
        if (change.kind === 'shadows') {
          const tracked = this.#tracked.get(change.collection);
          if (!tracked) return;
          for (const [id, hash] of change.hashes) tracked.shadows.set(id, hash);
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

  /** Starts tracking a collection: reads its documents and known master states once. */
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type is tracked
  async track(name: CollectionName, collection: RxCollection<any>): Promise<void> {
    const tracked: TrackedCollection = {
      current: new Map(),
      shadows: new Map(),
      refused: new Set(),
      conflicted: new Set(),
    };
    this.#tracked.set(name, tracked);
    this.#subscriptions.push(
      collection.$.subscribe((event) => {
        tracked.current.set(event.documentId, contentHash(event.documentData as DocumentState));
        this.#changed(name, [event.documentId]);
      }),
    );
    const [docs, shadows] = await Promise.all([collection.find().exec(), this.#store.shadowHashes(name)]);
    for (const doc of docs) {
      if (!tracked.current.has(doc.primary)) {
        tracked.current.set(doc.primary, contentHash(doc.toJSON(true) as DocumentState));
      }
    }
    for (const [id, hash] of shadows) if (!tracked.shadows.has(id)) tracked.shadows.set(id, hash);
    await this.#loadOpenEntries();
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
      subscriber.next(this.statesOf(collection, ids));
      const wanted = new Set(ids);
      const subscription = this.changes$.subscribe((change) => {
        if (change.collection !== collection) return;
        if (change.ids === null || change.ids.some((id) => wanted.has(id))) {
          subscriber.next(this.statesOf(collection, ids));
        }
      });
      return () => subscription.unsubscribe();
    });
  }

  /** Records changed locally and not yet accepted by the platform (refused ones excluded). */
  pendingCount(collection: CollectionName): number {
    const tracked = this.#tracked.get(collection);
    if (!tracked) return 0;
    let count = 0;
    for (const [id, hash] of tracked.current) {
      if (tracked.shadows.get(id) !== hash && !tracked.refused.has(id)) count++;
    }
    return count;
  }

  close(): void {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#changes.complete();
  }
}
