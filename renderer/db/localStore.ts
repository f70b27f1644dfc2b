import { Dexie, type EntityTable } from 'dexie';
import type { LockoutState } from '../../shared/security/lockout.ts';

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

/** Failed sign-ins of one username on this device (shared/security/lockout.ts). */
export interface LockoutEntry {
  username: string;
  state: LockoutState;
}

/** Device-local data that never syncs: edit history, settings, sign-in lockouts (synced data is in RxDB). */
export class LocalStore extends Dexie {
  history!: EntityTable<HistoryEntry, 'seq'>;
  settings!: EntityTable<SettingEntry, 'key'>;
  lockouts!: EntityTable<LockoutEntry, 'username'>;

  constructor(name: string) {
    super(`${name}-local`);
    this.version(1).stores({
      history: '++seq, [collection+docId]',
      settings: 'key',
    });
    this.version(2).stores({ lockouts: 'username' });
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
