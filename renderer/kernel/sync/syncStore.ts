/**
 * Device-local sync data in a Dexie database of its own (never synced): the enrollment, settings,
 * conflicts kept for the user, documents the platform refused, and the last known master state of
 * every synced document (as a content hash). Changes are announced on `changes$`, also to other tabs.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { Subject } from 'rxjs';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import type { CountyInfo } from '../../../shared/sync/protocol.ts';
import type { DocumentState } from './merge.ts';

export interface Enrollment {
  platformUrl: string;
  deviceId: string;
  county: CountyInfo;
  enrolledAt: string;
}

/** A local version that lost against the platform's, kept until the user decides. */
export interface ConflictEntry {
  id?: number;
  collection: CollectionName;
  docId: string;
  /** The local state when the conflict was found. */
  localState: DocumentState;
  /** The platform's state it met. */
  platformState: DocumentState;
  /** The master state the local change was made on; null when unknown. */
  baseState: DocumentState | null;
  /** Fields whose local values were not kept. */
  fields: string[];
  /** Why the local values were not merged: changed on both sides, or the merge broke a rule. */
  reason: 'bothChanged' | 'invalidMerge' | 'refusedOverwritten';
  /** Rules the merged document broke (reason 'invalidMerge'). */
  issues: ValidationIssue[];
  detectedAt: string;
  status: 'open' | 'resolved';
  resolvedAt?: string;
  resolution?: 'local' | 'platform' | 'merged';
}

/** A document the platform refused, held back until the user fixes or discards the local change. */
export interface RefusalEntry {
  collection: CollectionName;
  docId: string;
  /** The refused state. */
  localState: DocumentState;
  /** The master state the refused change was made on; null when the platform never had the document. */
  baseState: DocumentState | null;
  issues: ValidationIssue[];
  refusedAt: string;
  /** The user discarded the local change; the entry goes once the platform's state is back. */
  discarded?: boolean;
}

export interface ShadowEntry {
  collection: CollectionName;
  docId: string;
  /** Hash of the content last known to be the platform's. */
  hash: string;
}

interface SettingEntry {
  key: string;
  value: unknown;
}

/**
 * Encrypts the personal fields of documents kept on disk (renderer/kernel/security/personalData.ts's
 * PersonalDataCipher fits); conflicts and refusals hold whole documents.
 */
export interface DocumentSealer {
  seal<T extends Readonly<Record<string, unknown>>>(collection: string, doc: T): Promise<T>;
  open<T extends Readonly<Record<string, unknown>>>(collection: string, doc: T): Promise<T>;
}

const clearText: DocumentSealer = {
  seal: async (_collection, doc) => doc,
  open: async (_collection, doc) => doc,
};

export type SyncStoreChange =
  | { kind: 'conflicts' | 'refusals' | 'settings' }
  | { kind: 'shadows'; collection: CollectionName; hashes: [docId: string, hash: string][] };

/** cyrb53: a fast 53-bit string hash; collisions are irrelevant at the scale of one county's records. */
function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The hash of a document state's replicated content. */
export function contentHash(state: DocumentState): string {
  return hashText(canonicalJson(documentContent(state)));
}

class SyncDatabase extends Dexie {
  settings!: EntityTable<SettingEntry, 'key'>;
  conflicts!: EntityTable<ConflictEntry, 'id'>;
  refusals!: Table<RefusalEntry, [string, string]>;
  shadows!: Table<ShadowEntry, [string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      settings: 'key',
      conflicts: '++id, status, [collection+docId]',
      refusals: '[collection+docId], collection',
      shadows: '[collection+docId], collection',
    });
  }
}

export class SyncStore {
  readonly #db: SyncDatabase;
  readonly #changes = new Subject<SyncStoreChange>();
  readonly #channel: BroadcastChannel | null;
  readonly #sealer: DocumentSealer;
  readonly #writing = new Set<Promise<unknown>>();
  readonly changes$ = this.#changes.asObservable();

  /** `profile` is the office profile's name; the store is `<profile>-sync`. */
  constructor(profile: string, sealer: DocumentSealer = clearText) {
    this.#db = new SyncDatabase(`${profile}-sync`);
    this.#sealer = sealer;
    this.#channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${profile}-sync-changes`) : null;
    this.#channel?.addEventListener('message', (event: MessageEvent<SyncStoreChange>) =>
      this.#changes.next(event.data),
    );
  }

  /** Runs a write, then tells this tab and the others what changed. */
  #write<T>(work: () => Promise<T>, change: SyncStoreChange): Promise<T> {
    const done = work().then((result) => {
      this.#changes.next(change);
      this.#channel?.postMessage(change);
      return result;
    });
    const forget = () => this.#writing.delete(done);
    this.#writing.add(done);
    done.then(forget, forget);
    return done;
  }

  /** Closes the store once the writes under way have finished and been announced. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#writing]);
    this.#channel?.close();
    this.#changes.complete();
    this.#db.close();
  }

  // Settings ---------------------------------------------------------------------------------------

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.#db.settings.get(key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.#write(() => this.#db.settings.put({ key, value }), { kind: 'settings' });
  }

  async deleteSetting(key: string): Promise<void> {
    await this.#write(() => this.#db.settings.delete(key), { kind: 'settings' });
  }

  // Conflicts --------------------------------------------------------------------------------------

  async #state(
    collection: string,
    state: DocumentState | null,
    seal: boolean,
  ): Promise<DocumentState | null> {
    if (!state) return null;
    return seal ? this.#sealer.seal(collection, state) : this.#sealer.open(collection, state);
  }

  async #conflict(entry: ConflictEntry, seal: boolean): Promise<ConflictEntry> {
    const [localState, platformState, baseState] = await Promise.all([
      this.#state(entry.collection, entry.localState, seal),
      this.#state(entry.collection, entry.platformState, seal),
      this.#state(entry.collection, entry.baseState, seal),
    ]);
    return { ...entry, localState: localState!, platformState: platformState!, baseState };
  }

  async #refusal(entry: RefusalEntry, seal: boolean): Promise<RefusalEntry> {
    const [localState, baseState] = await Promise.all([
      this.#state(entry.collection, entry.localState, seal),
      this.#state(entry.collection, entry.baseState, seal),
    ]);
    return { ...entry, localState: localState!, baseState };
  }

  #openConflicts(entries: ConflictEntry[]): Promise<ConflictEntry[]> {
    return Promise.all(entries.map((entry) => this.#conflict(entry, false)));
  }

  async addConflict(entry: Omit<ConflictEntry, 'id' | 'status'>): Promise<number> {
    const id = await this.#write(
      async () => this.#db.conflicts.add(await this.#conflict({ ...entry, status: 'open' }, true)),
      { kind: 'conflicts' },
    );
    return id as number;
  }

  async openConflicts(): Promise<ConflictEntry[]> {
    return this.#openConflicts(await this.#db.conflicts.where('status').equals('open').sortBy('id'));
  }

  /** How many conflicts wait for the user, and on which documents (without opening them). */
  async openConflictDocuments(): Promise<{ collection: CollectionName; docId: string }[]> {
    const entries = await this.#db.conflicts.where('status').equals('open').toArray();
    return entries.map(({ collection, docId }) => ({ collection, docId }));
  }

  async allConflicts(): Promise<ConflictEntry[]> {
    return this.#openConflicts(await this.#db.conflicts.toArray());
  }

  async getConflict(id: number): Promise<ConflictEntry | undefined> {
    const entry = await this.#db.conflicts.get(id);
    return entry && this.#conflict(entry, false);
  }

  async closeConflict(id: number, resolution: ConflictEntry['resolution'], at: string): Promise<void> {
    await this.#write(
      () => this.#db.conflicts.update(id, { status: 'resolved', resolution, resolvedAt: at }),
      { kind: 'conflicts' },
    );
  }

  // Refusals ---------------------------------------------------------------------------------------

  async putRefusals(entries: RefusalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#write(
      async () =>
        this.#db.refusals.bulkPut(await Promise.all(entries.map((entry) => this.#refusal(entry, true)))),
      { kind: 'refusals' },
    );
  }

  async getRefusal(collection: CollectionName, docId: string): Promise<RefusalEntry | undefined> {
    const entry = await this.#db.refusals.get([collection, docId]);
    return entry && this.#refusal(entry, false);
  }

  async getRefusals(collection: CollectionName, docIds: string[]): Promise<Map<string, RefusalEntry>> {
    const found = await this.#db.refusals.bulkGet(docIds.map((id) => [collection, id] as [string, string]));
    const entries = await Promise.all(
      found.filter((entry) => entry !== undefined).map((entry) => this.#refusal(entry, false)),
    );
    return new Map(entries.map((entry) => [entry.docId, entry]));
  }

  async refusals(): Promise<RefusalEntry[]> {
    return Promise.all((await this.#db.refusals.toArray()).map((entry) => this.#refusal(entry, false)));
  }

  /** Refused documents (without opening them): which documents, and whether discarded. */
  async refusedDocuments(): Promise<{ collection: CollectionName; docId: string; discarded: boolean }[]> {
    const entries = await this.#db.refusals.toArray();
    return entries.map(({ collection, docId, discarded }) => ({
      collection,
      docId,
      discarded: discarded === true,
    }));
  }

  async deleteRefusals(collection: CollectionName, docIds: string[]): Promise<void> {
    if (docIds.length === 0) return;
    await this.#write(
      () => this.#db.refusals.bulkDelete(docIds.map((id) => [collection, id] as [string, string])),
      { kind: 'refusals' },
    );
  }

  // Shadows ----------------------------------------------------------------------------------------

  async putShadows(collection: CollectionName, states: DocumentState[]): Promise<void> {
    if (states.length === 0) return;
    const entries = states.map((state) => ({
      collection,
      docId: state.id as string,
      hash: contentHash(state),
    }));
    await this.#write(() => this.#db.shadows.bulkPut(entries), {
      kind: 'shadows',
      collection,
      hashes: entries.map((entry) => [entry.docId, entry.hash]),
    });
  }

  async shadowHashes(collection: CollectionName, docIds?: string[]): Promise<Map<string, string>> {
    const entries = docIds
      ? (await this.#db.shadows.bulkGet(docIds.map((id) => [collection, id] as [string, string]))).filter(
          (entry) => entry !== undefined,
        )
      : await this.#db.shadows.where('collection').equals(collection).toArray();
    return new Map(entries.map((entry) => [entry.docId, entry.hash]));
  }

  /** How many documents have an open conflict, and how many stand refused and not discarded. */
  async entryCounts(): Promise<{ openConflicts: number; refused: number }> {
    const [conflicts, refusals] = await Promise.all([this.openConflictDocuments(), this.refusedDocuments()]);
    return {
      openConflicts: conflicts.length,
      refused: refusals.filter((entry) => !entry.discarded).length,
    };
  }

  /** Forgets everything learned from a platform (a new enrollment starts from scratch). */
  async clearPlatformState(): Promise<void> {
    await this.#write(
      () =>
        this.#db.transaction('rw', this.#db.shadows, this.#db.refusals, async () => {
          await this.#db.shadows.clear();
          await this.#db.refusals.clear();
        }),
      { kind: 'refusals' },
    );
  }
}
