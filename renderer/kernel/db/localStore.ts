import { Dexie, type EntityTable } from 'dexie';
import type { LockoutState } from '../../../shared/base/security/lockout.ts';

/** A previous version of a document, kept whenever the document changes. Append-only. */
export interface HistoryEntry {
  seq?: number;
  collection: string;
  docId: string;
  /** When the version below was replaced. */
  replacedAt: string;
  /** Who replaced it: user id, and the name shown at the time. */
  replacedBy: string;
  replacedByName: string;
  /** The document as it was before the change. */
  snapshot: Record<string, unknown>;
}

export interface SettingEntry {
  key: string;
  value: unknown;
}

/** Failed sign-ins of one username on this device (shared/base/security/lockout.ts). */
export interface LockoutEntry {
  username: string;
  state: LockoutState;
}

/**
 * Writes that belong together (a penalty and the credit record it derives, an imported file), kept
 * until every step is written and audited; renderer/kernel/db/writer.ts replays unfinished ones.
 */
export interface JournalEntry {
  seq?: number;
  userId: string;
  userName: string;
  startedAt: string;
  /** The steps, personal values sealed (see writer.ts). */
  steps: unknown[];
  /** Steps before this index are written and audited. */
  done: number;
  /** Whether step `done` is written (its audit entries are still due). */
  written: boolean;
  /** The group's own audit entry, appended after its last step (a restore). */
  summary?: unknown;
}

/** The bytes of one attachment on this computer, encrypted with the data key. */
export interface StoredBlob {
  sha256: string;
  size: number;
  /** AES-GCM ciphertext of the content, bound to its digest. */
  sealed: Uint8Array;
  /** 1 while the platform does not yet hold the blob (a number: IndexedDB cannot index booleans). */
  pending: 0 | 1;
  storedAt: string;
}

/** Data derived from the database and kept to save rebuilding it (the subject search index). */
export interface CacheEntry {
  key: string;
  value: unknown;
}

/**
 * Device-local data that never syncs directly: edit history, settings, sign-in lockouts, the write
 * journal, attachment bytes and caches (documents are in RxDB).
 */
export class LocalStore extends Dexie {
  history!: EntityTable<HistoryEntry, 'seq'>;
  settings!: EntityTable<SettingEntry, 'key'>;
  lockouts!: EntityTable<LockoutEntry, 'username'>;
  journal!: EntityTable<JournalEntry, 'seq'>;
  blobs!: EntityTable<StoredBlob, 'sha256'>;
  caches!: EntityTable<CacheEntry, 'key'>;

  constructor(name: string) {
    super(`${name}-local`);
    this.version(1).stores({
      history: '++seq, [collection+docId]',
      settings: 'key',
    });
    this.version(2).stores({ lockouts: 'username' });
    this.version(3).stores({ journal: '++seq', blobs: 'sha256, pending' });
    this.version(4).stores({ caches: 'key' });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.settings.get(key))?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.settings.put({ key, value });
  }

  historyOf(collection: string, docId: string): Promise<HistoryEntry[]> {
    return this.history.where('[collection+docId]').equals([collection, docId]).reverse().sortBy('seq');
  }
}
