import { liveQuery } from 'dexie';
import { capabilities } from '../../../shared/capabilities.ts';
import type { RxCollection } from 'rxdb';
import { merge, Observable, Subject, switchMap } from 'rxjs';
import type { AuditAction, AuditSnapshot } from '../../../shared/base/auditEntry.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { BulkCreation } from '../../../shared/base/security/auditChain.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import { type AuditRecord, bulkCreations } from '../security/audit.ts';
import { auditChange, type RepositoryContext } from '../security/repositoryContext.ts';
import type { CreditDeskCollections, CreditDeskDatabase } from './database.ts';
import type { JournalEntry, LocalStore } from './localStore.ts';

/** The synced collections this computer opens. */
export type JournalCollection = keyof CreditDeskCollections & CollectionName;

/** A document as the writer writes it. */
export type JournalDocument = { id: string; updatedAt: string } & object;

/** How the audit trail names a change ('update' unless given), the reason the user gave and a note. */
export interface StepAudit {
  action: AuditAction;
  reason?: string;
  /** Added to the entry's `after` (e.g. `passwordChanged`, where the field itself is never audited). */
  note?: AuditSnapshot;
}

/** New documents of one collection, written together. */
export interface CreateStep {
  kind: 'create';
  collection: JournalCollection;
  docs: JournalDocument[];
}

/** The next version of a document; `before` is the version it replaces. */
export interface UpdateStep {
  kind: 'update';
  collection: JournalCollection;
  before: JournalDocument;
  after: JournalDocument;
  audit?: StepAudit;
  /** `before` was deleted here: `after` brings it back. */
  revive?: true;
}

/** Takes a document away (a refused creation given up); `before` is the version it removes. */
export interface RemoveStep {
  kind: 'remove';
  collection: JournalCollection;
  before: JournalDocument;
}

/**
 * Documents as a backup holds them: each is written where it is missing here or older here (the newer
 * version wins); the replaced version is kept in the history. Audited by the group's summary.
 */
export interface RestoreStep {
  kind: 'restore';
  collection: JournalCollection;
  docs: JournalDocument[];
}

/**
 * Many new documents written in one database transaction (imports, demo data). The journal keeps only
 * their ids: the transaction writes all or none, so a replay audits those that are there.
 */
export interface BulkCreateStep {
  kind: 'bulkCreate';
  collection: JournalCollection;
  docs: JournalDocument[];
}

/** The steps `WriteJournal.run` takes (kept for the repositories written against it). */
export type JournalStep = CreateStep | UpdateStep;

export type WriteStep = JournalStep | RemoveStep | RestoreStep | BulkCreateStep;

/** A step as the journal stores it: bulk creations by their ids. */
type StoredStep =
  | Exclude<WriteStep, BulkCreateStep>
  | { kind: 'bulkCreate'; collection: JournalCollection; ids: string[] };

/** The step that creates `docs` in `collection`. */
export function creationOf(collection: JournalCollection, docs: JournalDocument[]): JournalStep {
  return { kind: 'create', collection, docs };
}

/** Who writes: the audit trail and the edit history name them. */
export interface JournalAuthor {
  userId: string;
  userName: string;
}

/** A bulk write the database refused in part; `saved` are the documents it did write. */
class PartialBulkWrite extends Error {
  readonly saved: JournalDocument[];

  constructor(message: string, saved: JournalDocument[]) {
    super(message);
    this.saved = saved;
  }
}

/** Fields never copied into the audit trail. */
const secretFields: Partial<Record<CollectionName, readonly string[]>> = { users: ['passwordVerifier'] };

/** Entries being written in this window, per profile: a replay leaves them alone. */
const runningByProfile = new WeakMap<LocalStore, { running: Set<number>; settled: Subject<void> }>();

/**
 * The writer's last stages, kept durable: a group of stamped, validated steps is kept in the journal
 * (personal values sealed) before its first write, then written with the replaced versions kept in the
 * edit history, and audited. Writes that belong together (a penalty and the credit record it derives;
 * every row of an imported file) span collections, which IndexedDB cannot write in one transaction. A
 * journal entry left behind by a crash or a closed window is finished by `replay` when the workspace
 * next opens, so a half-written group never stays half-written. Progress is recorded after each step's
 * write and after its audit entries: a replay writes only what is missing and audits each step once (a
 * crash between an audit append and the progress record can repeat that step's audit entries, never
 * lose them).
 */
export class WriterJournal {
  readonly #db: CreditDeskDatabase;
  readonly #local: LocalStore;
  readonly #context: RepositoryContext;
  readonly #running: Set<number>;
  readonly #settled: Subject<void>;
  /** Bulk creations' audit descriptions, computed while their documents are written. */
  readonly #described = new WeakMap<BulkCreateStep, Promise<BulkCreation[]>>();

  constructor(db: CreditDeskDatabase, local: LocalStore, context: RepositoryContext) {
    this.#db = db;
    this.#local = local;
    this.#context = context;
    let shared = runningByProfile.get(local);
    if (!shared) {
      shared = { running: new Set(), settled: new Subject() };
      runningByProfile.set(local, shared);
    }
    this.#running = shared.running;
    this.#settled = shared.settled;
  }

  /** Journals the steps, writes them with their history and audits them; the summary entry last. */
  async run(author: JournalAuthor, steps: readonly WriteStep[], summary?: AuditRecord): Promise<void> {
    const entry: JournalEntry = {
      ...author,
      startedAt: this.#context.clock().toISOString(),
      steps: await Promise.all(steps.map((step) => this.#seal(step))),
      done: 0,
      written: false,
      ...(summary ? { summary } : {}),
    };
    const seq = (await this.#local.journal.add(entry)) as number;
    this.#running.add(seq);
    try {
      await this.#finish(seq, entry, steps);
    } finally {
      this.#running.delete(seq);
      this.#settled.next();
    }
  }

  /**
   * Finishes every group a previous session left unfinished. A group that fails again stays in the
   * journal (tried again at the next opening, counted by `unfinished`) and does not stop the others.
   */
  async replay(): Promise<{ finished: number; failed: number }> {
    // A window that opened part of the collections leaves groups touching the others to a full one
    // (a collection no capability declares is not skipped: such a group fails and stays, counted).
    const unopened = (step: unknown) => {
      const { collection } = step as StoredStep;
      return capabilities.has(collection) && !(collection in this.#db.collections);
    };
    const entries = (await this.#local.journal.orderBy('seq').toArray()).filter(
      (entry) => !this.#running.has(entry.seq!) && !entry.steps.some(unopened),
    );
    let failed = 0;
    for (const entry of entries) {
      try {
        const steps = await Promise.all(entry.steps.map((step) => this.#open(step as StoredStep)));
        await this.#finish(entry.seq!, entry, steps);
      } catch (error) {
        failed += 1;
        console.error(`Finishing the interrupted writes of ${entry.startedAt} failed`, error);
      }
    }
    return { finished: entries.length - failed, failed };
  }

  /** How many groups of writes wait to be finished (not counting those being written now). */
  async unfinished(): Promise<number> {
    const seqs = await this.#local.journal.toCollection().primaryKeys();
    return seqs.filter((seq) => seq !== undefined && !this.#running.has(seq)).length;
  }

  /** `unfinished`, now and whenever it may have changed (here or in another window). */
  watchUnfinished(): Observable<number> {
    const changes = new Observable<void>((subscriber) => {
      const subscription = liveQuery(() => this.#local.journal.count()).subscribe({
        next: () => subscriber.next(),
        error: (error: unknown) => subscriber.error(error),
      });
      return () => subscription.unsubscribe();
    });
    return merge(changes, this.#settled).pipe(switchMap(() => this.unfinished()));
  }

  async #finish(seq: number, entry: JournalEntry, steps: readonly (WriteStep | StoredStep)[]): Promise<void> {
    let written = entry.written;
    for (let index = entry.done; index < steps.length; index++) {
      const step = steps[index]!;
      const stands = await this.#write(step, entry).catch(async (error: unknown) => {
        // What a failed bulk write did save is audited before the failure is reported.
        if (!(error instanceof PartialBulkWrite)) throw error;
        if (error.saved.length > 0)
          await this.#audit({ ...(step as BulkCreateStep), docs: error.saved }, entry.userId);
        await this.#local.journal.delete(seq);
        throw error;
      });
      if (!written) await this.#local.journal.update(seq, { done: index, written: true });
      if (stands) await this.#audit(step, entry.userId);
      await this.#local.journal.update(seq, { done: index + 1, written: false });
      written = false;
    }
    if (entry.summary) await this.#context.audit.append(entry.userId, entry.summary as AuditRecord);
    await this.#local.journal.delete(seq);
  }

  /** Writes what of the step is missing; false when the step's change does not stand (see below). */
  async #write(step: WriteStep | StoredStep, author: JournalAuthor): Promise<boolean> {
    const collection = this.#collection(step.collection);
    switch (step.kind) {
      case 'create': {
        const present = await collection.findByIds(step.docs.map((doc) => doc.id)).exec();
        const missing = step.docs.filter((doc) => !present.has(doc.id));
        if (missing.length > 0) await this.#insert(collection, step.collection, missing);
        return true;
      }
      case 'bulkCreate': {
        // Replayed, a bulk creation has only its ids: its one transaction wrote all or none of them.
        if (!('docs' in step)) return true;
        const writing = collection.bulkInsert([...step.docs]);
        // Digested for the audit trail while the database writes.
        this.#described.set(step, bulkCreations(step.collection, step.docs));
        const result = await writing;
        if (result.error.length > 0) {
          const failed = new Set(result.error.map((error) => error.documentId));
          this.#described.delete(step);
          throw new PartialBulkWrite(
            `Saving ${step.collection} failed: ${result.error[0]!.status}`,
            step.docs.filter((doc) => !failed.has(doc.id)),
          );
        }
        return true;
      }
      case 'restore':
        await this.#restore(collection, step, author);
        return true;
      case 'remove': {
        const current = await collection.findOne(step.before.id).exec();
        if (!current) return false;
        if (canonicalJson(current.toJSON()) !== canonicalJson(step.before)) return false;
        await this.#keepHistory(step.collection, step.before, this.#context.clock().toISOString(), author);
        await current.remove();
        return true;
      }
      case 'update': {
        const current = await collection.findOne(step.after.id).exec();
        const stored = current ? canonicalJson(current.toJSON()) : null;
        if (stored === canonicalJson(step.after)) return true;
        if (!current && step.revive) {
          await this.#keepHistory(step.collection, step.before, step.after.updatedAt, author);
          await collection.upsert(step.after);
          return true;
        }
        // Changed meanwhile by someone else (a synced edit): the newer version stands, this one is dropped.
        if (!current || stored !== canonicalJson(step.before)) return false;
        await this.#keepHistory(step.collection, step.before, step.after.updatedAt, author);
        await current.incrementalPatch(step.after);
        return true;
      }
    }
  }

  async #insert(collection: RxCollection, name: JournalCollection, docs: readonly JournalDocument[]) {
    const result = await collection.bulkInsert([...docs]);
    if (result.error.length > 0) throw new Error(`Writing ${name} failed: ${result.error[0]!.status}`);
  }

  /** Writes each document missing here or older here; the version it replaces goes to the history. */
  async #restore(collection: RxCollection, step: RestoreStep, author: JournalAuthor): Promise<void> {
    const existing = await collection.findByIds(step.docs.map((doc) => doc.id)).exec();
    const fresh = step.docs.filter((doc) => {
      const here = existing.get(doc.id)?.toJSON() as JournalDocument | undefined;
      if (!here) return true;
      // Audit entries never change: one present here stays as it is.
      return step.collection !== 'auditLog' && String(here.updatedAt ?? '') < String(doc.updatedAt ?? '');
    });
    const replacedAt = this.#context.clock().toISOString();
    for (const doc of fresh) {
      const here = existing.get(doc.id);
      if (here)
        await this.#keepHistory(step.collection, here.toJSON() as JournalDocument, replacedAt, author);
    }
    if (fresh.length === 0) return;
    const result = await collection.bulkUpsert(fresh);
    if (result.error.length > 0)
      throw new Error(`Restoring ${step.collection} failed: ${result.error[0]!.status}`);
  }

  async #keepHistory(
    collection: JournalCollection,
    before: JournalDocument,
    replacedAt: string,
    author: JournalAuthor,
  ): Promise<void> {
    await this.#local.history.add({
      collection,
      docId: before.id,
      replacedAt,
      replacedBy: author.userId,
      replacedByName: author.userName,
      // The local history is on disk like the database: personal values stay encrypted there too.
      snapshot: await this.#context.personalData.seal(collection, { ...before }),
    });
  }

  async #audit(step: WriteStep | StoredStep, userId: string): Promise<void> {
    const { audit } = this.#context;
    const omit = secretFields[step.collection] ?? [];
    switch (step.kind) {
      case 'restore':
        return;
      case 'bulkCreate': {
        const described =
          ('docs' in step && this.#described.get(step)) ||
          bulkCreations(
            step.collection,
            'docs' in step ? step.docs : await this.#present(step.collection, step.ids),
          );
        this.#described.delete(step as BulkCreateStep);
        await audit.appendCreations(userId, step.collection, await described);
        return;
      }
      case 'create':
        await audit.appendMany(
          userId,
          step.docs.map((doc) => ({
            action: 'create' as const,
            collectionName: step.collection,
            documentId: doc.id,
            ...auditChange(step.collection, null, doc, omit),
          })),
        );
        return;
      case 'remove':
        await audit.append(userId, {
          action: 'update',
          collectionName: step.collection,
          documentId: step.before.id,
          before: null,
          after: { removed: true },
        });
        return;
      case 'update': {
        const reason = step.audit?.reason ?? '';
        const change = auditChange(step.collection, step.before, step.after, omit);
        if (step.audit?.note) change.after = { ...change.after, ...step.audit.note };
        await audit.append(userId, {
          action: step.audit?.action ?? 'update',
          collectionName: step.collection,
          documentId: step.after.id,
          ...change,
          ...(reason ? { reason } : {}),
        });
      }
    }
  }

  async #present(collection: JournalCollection, ids: readonly string[]): Promise<JournalDocument[]> {
    const found = await this.#collection(collection)
      .findByIds([...ids])
      .exec();
    return ids.flatMap((id) => {
      const doc = found.get(id);
      return doc ? [doc.toJSON() as JournalDocument] : [];
    });
  }

  #collection(name: JournalCollection): RxCollection {
    return this.#db.collections[name] as unknown as RxCollection;
  }

  /** The step as the journal keeps it: personal values sealed, bulk creations by their ids. */
  #seal(step: WriteStep): Promise<StoredStep> {
    if (step.kind === 'bulkCreate') {
      const ids = step.docs.map((doc) => doc.id);
      return Promise.resolve({ kind: 'bulkCreate', collection: step.collection, ids });
    }
    return mapDocuments(step, (doc) => this.#context.personalData.seal(step.collection, doc));
  }

  /** A stored step with its personal values opened again. */
  #open(step: StoredStep): Promise<StoredStep> {
    if (step.kind === 'bulkCreate') return Promise.resolve(step);
    return mapDocuments(step, (doc) => this.#context.personalData.open(step.collection, doc));
  }
}

/** The step with `map` applied to each document it carries. */
async function mapDocuments<T extends Exclude<WriteStep, BulkCreateStep>>(
  step: T,
  map: (doc: JournalDocument) => Promise<JournalDocument>,
): Promise<T> {
  switch (step.kind) {
    case 'create':
    case 'restore':
      return { ...step, docs: await Promise.all(step.docs.map(map)) };
    case 'remove':
      return { ...step, before: await map(step.before) };
    default: {
      const update = step as UpdateStep;
      return { ...step, before: await map(update.before), after: await map(update.after) };
    }
  }
}
