import { liveQuery } from 'dexie';
import type { RxCollection } from 'rxdb';
import { merge, Observable, Subject, switchMap } from 'rxjs';
import type { AuditAction } from '../../shared/model/auditEntry.ts';
import type { CollectionName } from '../../shared/model/collections.ts';
import { canonicalJson } from '../../shared/security/canonicalJson.ts';
import { auditChange, type RepositoryContext } from '../security/repositoryContext.ts';
import type { CreditDeskCollections, CreditDeskDatabase } from './database.ts';
import type { JournalEntry, LocalStore } from './localStore.ts';

/** The synced collections this computer opens. */
export type JournalCollection = keyof CreditDeskCollections & CollectionName;

/** A document as the journal writes it. */
export type JournalDocument = { id: string; updatedAt: string } & object;

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
  /** How the audit trail names the change ('update' unless given) and the reason the user gave. */
  audit?: { action: AuditAction; reason?: string };
}

export type JournalStep = CreateStep | UpdateStep;

/** The step that creates `docs` in `collection`. */
export function creationOf(collection: JournalCollection, docs: JournalDocument[]): JournalStep {
  return { kind: 'create', collection, docs };
}

/** Who writes: the audit trail and the edit history name them. */
export interface JournalAuthor {
  userId: string;
  userName: string;
}

export function authorOf(session: JournalAuthor): JournalAuthor {
  return { userId: session.userId, userName: session.userName };
}

/**
 * Writes that belong together (a penalty and the credit record it derives; every row of an imported
 * file) across collections, which IndexedDB cannot write in one transaction. The steps are kept in the
 * local store (personal values sealed) before the first write and dropped after the last; a journal
 * entry left behind by a crash or a closed window is finished by `replay` when the workspace next opens,
 * so a half-written group never stays half-written.
 *
 * Progress is recorded after each step's write and after its audit entries: a replay writes only
 * what is missing and audits each step once (a crash between an audit append and the progress record
 * can repeat that step's audit entries, never lose them).
 */
export class WriteJournal {
  readonly #db: CreditDeskDatabase;
  readonly #local: LocalStore;
  readonly #context: RepositoryContext;
  /** Entries being written by `run` in this window, which `replay` leaves alone. */
  readonly #running = new Set<number>();
  /** Ticks when a run of this window ends, however it ends. */
  readonly #settled = new Subject<void>();

  constructor(db: CreditDeskDatabase, local: LocalStore, context: RepositoryContext) {
    this.#db = db;
    this.#local = local;
    this.#context = context;
  }

  /** Writes and audits the steps in order. */
  async run(author: JournalAuthor, steps: readonly JournalStep[]): Promise<void> {
    const entry: JournalEntry = {
      ...author,
      startedAt: this.#context.clock().toISOString(),
      steps: await Promise.all(steps.map((step) => this.#seal(step))),
      done: 0,
      written: false,
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
    const entries = (await this.#local.journal.orderBy('seq').toArray()).filter(
      (entry) => !this.#running.has(entry.seq!),
    );
    let failed = 0;
    for (const entry of entries) {
      try {
        const steps = await Promise.all(entry.steps.map((step) => this.#open(step as JournalStep)));
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

  async #finish(seq: number, entry: JournalEntry, steps: readonly JournalStep[]): Promise<void> {
    let written = entry.written;
    for (let index = entry.done; index < steps.length; index++) {
      const step = steps[index]!;
      const stands = await this.#write(step, entry);
      if (!written) await this.#local.journal.update(seq, { done: index, written: true });
      if (stands) await this.#audit(step, entry.userId);
      await this.#local.journal.update(seq, { done: index + 1, written: false });
      written = false;
    }
    await this.#local.journal.delete(seq);
  }

  /** Writes what of the step is missing; false when the step's change does not stand (see below). */
  async #write(step: JournalStep, author: JournalAuthor): Promise<boolean> {
    const collection = this.#collection(step.collection);
    if (step.kind === 'create') {
      const present = await collection.findByIds(step.docs.map((doc) => doc.id)).exec();
      const missing = step.docs.filter((doc) => !present.has(doc.id));
      if (missing.length === 0) return true;
      const result = await collection.bulkInsert(missing);
      if (result.error.length > 0) {
        throw new Error(`Writing ${step.collection} failed: ${result.error[0]!.status}`);
      }
      return true;
    }
    const current = await collection.findOne(step.after.id).exec();
    const stored = current ? canonicalJson(current.toJSON()) : null;
    if (stored === canonicalJson(step.after)) return true;
    // Changed meanwhile by someone else (a synced edit): the newer version stands, this one is dropped.
    if (!current || stored !== canonicalJson(step.before)) return false;
    await this.#local.history.add({
      collection: step.collection,
      docId: step.before.id,
      replacedAt: step.after.updatedAt,
      replacedBy: author.userId,
      replacedByName: author.userName,
      snapshot: await this.#context.personalData.seal(step.collection, { ...step.before }),
    });
    await current.incrementalPatch(step.after);
    return true;
  }

  async #audit(step: JournalStep, userId: string): Promise<void> {
    const { audit } = this.#context;
    if (step.kind === 'create') {
      await audit.appendMany(
        userId,
        step.docs.map((doc) => ({
          action: 'create' as const,
          collectionName: step.collection,
          documentId: doc.id,
          ...auditChange(step.collection, null, doc),
        })),
      );
      return;
    }
    const reason = step.audit?.reason ?? '';
    await audit.append(userId, {
      action: step.audit?.action ?? 'update',
      collectionName: step.collection,
      documentId: step.after.id,
      ...auditChange(step.collection, step.before, step.after),
      ...(reason ? { reason } : {}),
    });
  }

  #collection(name: JournalCollection): RxCollection {
    return this.#db.collections[name] as unknown as RxCollection;
  }

  async #seal(step: JournalStep): Promise<JournalStep> {
    const { personalData } = this.#context;
    if (step.kind === 'create') {
      return {
        ...step,
        docs: await Promise.all(step.docs.map((doc) => personalData.seal(step.collection, doc))),
      };
    }
    return {
      ...step,
      before: await personalData.seal(step.collection, step.before),
      after: await personalData.seal(step.collection, step.after),
    };
  }

  async #open(step: JournalStep): Promise<JournalStep> {
    const { personalData } = this.#context;
    if (step.kind === 'create') {
      return {
        ...step,
        docs: await Promise.all(step.docs.map((doc) => personalData.open(step.collection, doc))),
      };
    }
    return {
      ...step,
      before: await personalData.open(step.collection, step.before),
      after: await personalData.open(step.collection, step.after),
    };
  }
}
