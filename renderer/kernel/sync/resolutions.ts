/**
 * What the user decides about conflicts and refused documents. Decisions are written through the writer
 * (renderer/kernel/db/writer.ts), so they are checked, kept in the history, audited and synced like any edit: a
 * kept local value is pushed, a discarded refused change gives way to the platform's state.
 */
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import type { JournalCollection, JournalDocument, Writer } from '../db/writer.ts';
import type { Clock, Session } from '../session/session.ts';
import { type ResolutionWrite, type SyncRegistration, uniqueIssue } from './collectionSync.ts';
import type { DocumentState } from './merge.ts';
import type { ConflictEntry, RefusalEntry, SyncStore } from './syncStore.ts';

export type ConflictChoice =
  /** The platform's values stay (they are the document's already). */
  | { keep: 'platform' }
  /** The local values of the conflicting fields are written back. */
  | { keep: 'local' }
  /** The user's own values for the conflicting fields. */
  | { keep: 'merged'; values: Record<string, unknown> };

export type ResolutionOutcome = ResolutionWrite;

export interface SyncResolutionsOptions {
  store: SyncStore;
  registrations: ReadonlyMap<CollectionName, SyncRegistration>;
  session: () => Session;
  clock: Clock;
  /** Writes the decisions. */
  writer: Writer;
}

export class SyncResolutions {
  readonly #options: SyncResolutionsOptions;

  constructor(options: SyncResolutionsOptions) {
    this.#options = options;
  }

  #registration(collection: CollectionName): SyncRegistration {
    const registration = this.#options.registrations.get(collection);
    if (!registration) throw new Error(`${collection} does not sync`);
    return registration;
  }

  openConflicts(): Promise<ConflictEntry[]> {
    return this.#options.store.openConflicts();
  }

  conflict(id: number): Promise<ConflictEntry | undefined> {
    return this.#options.store.getConflict(id);
  }

  /** Refused documents still waiting for a fix (discarded ones excluded). */
  async refusals(): Promise<RefusalEntry[]> {
    const entries = await this.#options.store.refusals();
    return entries.filter((entry) => !entry.discarded).sort((a, b) => b.refusedAt.localeCompare(a.refusedAt));
  }

  /** The document as it is now on this device (null when it is gone). */
  async current(collection: CollectionName, docId: string): Promise<DocumentState | null> {
    const doc = await this.#registration(collection).collection.findOne(docId).exec();
    return doc ? documentContent(doc.toJSON()) : null;
  }

  async resolveConflict(id: number, choice: ConflictChoice): Promise<ResolutionOutcome> {
    const { store, clock } = this.#options;
    const entry = await store.getConflict(id);
    if (entry?.status !== 'open') return { ok: true };
    const now = clock().toISOString();
    if (choice.keep === 'platform') {
      await store.closeConflict(id, 'platform', now);
      return { ok: true };
    }
    const values =
      choice.keep === 'local'
        ? Object.fromEntries(entry.fields.map((field) => [field, entry.localState[field]]))
        : choice.values;
    const written = await this.#write(entry.collection, entry.docId, values, entry.localState);
    if (!written.ok) return written;
    await store.closeConflict(id, choice.keep, now);
    return { ok: true };
  }

  /**
   * Gives up a refused local change: the platform's state comes back (a document the platform never
   * accepted is removed). The entry goes once the platform confirms.
   */
  async discardRefusal(collection: CollectionName, docId: string): Promise<void> {
    const { store } = this.#options;
    const entry = await store.getRefusal(collection, docId);
    if (!entry) return;
    await store.putRefusals([{ ...entry, discarded: true }]);
    const doc = await this.#registration(collection).collection.findOne(docId).exec();
    if (!doc) return;
    const here = doc.toJSON() as JournalDocument;
    const name = collection as JournalCollection;
    // The platform's state is its own, stamps included: it is written back as it is.
    const step =
      entry.baseState === null || entry.baseState._deleted === true
        ? { kind: 'remove' as const, collection: name, before: here }
        : { kind: 'update' as const, collection: name, before: here, after: withoutDeleted(entry.baseState) };
    const written = await this.#options.writer.write({
      permission: { judged: this.#options.session() },
      steps: [step],
    });
    if (!written.ok) throw new Error(`Discarding a refused change failed: ${written.issues[0]?.code}`);
  }

  /**
   * Writes field values onto the current document (or brings a deleted one back), stamped, checked
   * against the platform's rules (its validator and its write-permission rule) and unique values.
   */
  async #write(
    collection: CollectionName,
    docId: string,
    values: Record<string, unknown>,
    fallback: DocumentState,
  ): Promise<ResolutionOutcome> {
    const registration = this.#registration(collection);
    const { _deleted: deleteIt, ...fields } = values;
    const doc = await registration.collection.findOne(docId).exec();
    if (registration.applyResolution && doc && deleteIt === undefined) {
      return registration.applyResolution(docId, fields);
    }
    const name = collection as JournalCollection;
    const { writer } = this.#options;
    if (deleteIt === true) {
      if (!doc) return { ok: true };
      const before = doc.toJSON() as JournalDocument;
      return outcome(
        await writer.write({
          permission: 'platformRule',
          steps: [{ kind: 'remove', collection: name, before }],
        }),
      );
    }
    const before = (doc ? doc.toJSON() : withoutDeleted(fallback)) as JournalDocument;
    const content = { ...withoutDeleted(documentContent(before)), ...fields };
    const unique = await uniqueIssue(registration, { ...content, id: docId });
    return outcome(
      await writer.write({
        permission: 'platformRule',
        changes: [
          { kind: 'next', collection: name, before, content, ...(doc ? {} : { revive: true as const }) },
        ],
        refuse: () => unique,
      }),
    );
  }
}

function withoutDeleted(state: Record<string, unknown>): JournalDocument {
  const { _deleted: _, ...fields } = state;
  return fields as JournalDocument;
}

function outcome(written: { ok: true } | { ok: false; issues: ValidationIssue[] }): ResolutionOutcome {
  return written.ok ? { ok: true } : written;
}
