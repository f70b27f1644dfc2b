import { chinaDateOf } from '../../../shared/base/calendar/dates.ts';
import type { Observable } from 'rxjs';
import { capabilities } from '../../../shared/capabilities.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import type { ValidationIssue, Validated } from '../../../shared/base/validation.ts';
import type { DocumentValidationContext } from '../../../shared/sync/documentValidators.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { checkWritePermission, type KnownUser } from '../../../shared/sync/writePermissions.ts';
import type { AuditRecord } from '../security/audit.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import type { CreditDeskDatabase } from './database.ts';
import type { LocalStore } from './localStore.ts';
import { ValidationContexts } from './validationContexts.ts';
import {
  type JournalAuthor,
  type JournalCollection,
  type JournalDocument,
  type JournalStep,
  WriterJournal,
  type WriteStep,
} from './writerJournal.ts';
import {
  type Change,
  type Content,
  permit,
  stampChange,
  stampNew,
  type WritePermission,
} from './writerStamps.ts';

export {
  type BulkCreateStep,
  type CreateStep,
  creationOf,
  type JournalAuthor,
  type JournalCollection,
  type JournalDocument,
  type JournalStep,
  type RemoveStep,
  type RestoreStep,
  type StepAudit,
  type UpdateStep,
  type WriteStep,
} from './writerJournal.ts';
export { authorOf, type Change, type Content, type WritePermission } from './writerStamps.ts';

export interface WriteRequest {
  permission: WritePermission;
  changes?: readonly Change[];
  /** Steps whose documents are stamped already (restores, removals). */
  steps?: readonly WriteStep[];
  /** One audit entry for the whole group, after its steps (a restore). */
  summary?: AuditRecord;
  /** Refuses a stamped document the validator passed (e.g. a duplicate), or accepts it (null). */
  refuse?: (doc: JournalDocument) => ValidationIssue[] | null;
}

export interface BulkCreateRequest {
  permission: WritePermission;
  collection: JournalCollection;
  contents: readonly Content[];
  /** Refuses a stamped document the validator passed (e.g. a duplicate), or accepts it (null). */
  refuse?: (doc: JournalDocument) => ValidationIssue[] | null;
}

export interface BulkCreateResult<T> {
  created: T[];
  /** Contents refused, by their position in the request. */
  rejected: { index: number; issues: ValidationIssue[] }[];
}

/** Bulk creations are written and journalled this many at a time. */
const bulkChunk = 5000;

/**
 * The one writer of the synced collections. Every write passes the same stages, in order and once:
 * permission (the signed-in user's role, or the platform's rule) and stamps (id, county, created/updated
 * at and by; writerStamps.ts), validation (the capability's validator, the same the platform runs,
 * here), then the journal (the group of steps kept in the local store, personal values sealed, before
 * the first write), the write with the replaced version kept in the edit history, and the audit trail
 * (writerJournal.ts, which also finishes groups a closed window left half-written).
 */
export class Writer {
  readonly #db: CreditDeskDatabase;
  readonly #context: RepositoryContext;
  readonly #journal: WriterJournal;
  readonly #contexts: ValidationContexts;

  constructor(db: CreditDeskDatabase, local: LocalStore, context: RepositoryContext) {
    this.#db = db;
    this.#context = context;
    this.#journal = new WriterJournal(db, local, context);
    this.#contexts = new ValidationContexts(db.collections);
  }

  /**
   * Stamps, validates, journals, writes and audits a group of changes. Refused (nothing written) when
   * the permission is missing or a document breaks the capability's rules; returns the written
   * documents of `changes`, in order.
   */
  async write(request: WriteRequest): Promise<Validated<JournalDocument[]>> {
    const permitted = permit(request.permission, this.#context);
    if (!permitted.ok) return permitted;
    const author = permitted.author;
    const now = this.#context.clock().toISOString();
    const changes = request.changes ?? [];
    const stamped = changes.map((change) => stampChange(change, permitted, now));
    const steps: WriteStep[] = [...stamped.filter((step) => step !== null), ...(request.steps ?? [])];
    const issues = await this.#validate(steps, request.permission, request.refuse);
    if (issues.length > 0) return { ok: false, issues };
    if (steps.length > 0 || request.summary) await this.#journal.run(author, steps, request.summary);
    return {
      ok: true,
      value: stamped.map((step, index) => {
        if (step === null) return (changes[index] as Extract<Change, { kind: 'next' }>).before;
        return step.kind === 'create' ? step.docs[0]! : step.after;
      }),
    };
  }

  /**
   * Creates many documents in few database writes: each content is stamped and validated (refused ones
   * are reported by position, the others written), written chunk by chunk in one transaction each and
   * audited as bulk creations. A failed write stops the work and is thrown once what it did save is
   * audited.
   */
  async bulkCreate<T extends JournalDocument>(request: BulkCreateRequest): Promise<BulkCreateResult<T>> {
    const permitted = permit(request.permission, this.#context);
    if (!permitted.ok) {
      return {
        created: [],
        rejected: request.contents.map((_, index) => ({ index, issues: permitted.issues })),
      };
    }
    const { validate } = capabilities.get(request.collection);
    const context = await this.#validationContext([
      { kind: 'bulkCreate', collection: request.collection, docs: [] },
    ]);
    const result: BulkCreateResult<T> = { created: [], rejected: [] };
    // Each chunk is stamped and validated while the one before it is being written (the database works
    // outside this thread); chunks are still written, audited and reported one after another.
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < request.contents.length; start += bulkChunk) {
      const now = this.#context.clock().toISOString();
      const docs: JournalDocument[] = [];
      const end = Math.min(start + bulkChunk, request.contents.length);
      for (let index = start; index < end; index++) {
        const doc = stampNew(request.collection, request.contents[index]!, permitted, now);
        const issues = validate(doc, context);
        const refused = issues.length > 0 ? issues : request.refuse?.(doc);
        if (refused) result.rejected.push({ index, issues: refused });
        else docs.push(doc);
      }
      await writing;
      if (docs.length === 0) continue;
      writing = this.#journal
        .run(permitted.author, [{ kind: 'bulkCreate', collection: request.collection, docs }])
        .then(() => {
          result.created.push(...(docs as T[]));
        });
    }
    await writing;
    return result;
  }

  /**
   * Writes and audits steps whose documents the caller stamped and whose permission it judged (the
   * repositories written against the write journal); throws when a document breaks its capability's
   * rules (nothing is written then).
   */
  async run(author: JournalAuthor, steps: readonly JournalStep[]): Promise<void> {
    const issues = await this.#validate(steps, { judged: author });
    if (issues.length > 0) {
      throw new Error(
        `A write broke the rules: ${issues.map((found) => `${found.field} ${found.code}`).join(', ')}`,
      );
    }
    await this.#journal.run(author, steps);
  }

  /**
   * Finishes every group a previous session left unfinished. A group that fails again stays in the
   * journal (tried again at the next opening, counted by `unfinished`) and does not stop the others.
   */
  replay(): Promise<{ finished: number; failed: number }> {
    return this.#journal.replay();
  }

  /** How many groups of writes wait to be finished (not counting those being written now). */
  unfinished(): Promise<number> {
    return this.#journal.unfinished();
  }

  /** `unfinished`, now and whenever it may have changed (here or in another window). */
  watchUnfinished(): Observable<number> {
    return this.#journal.watchUnfinished();
  }

  /** Every document against its capability's validator; with `platformRule`, the platform's write rule too. */
  async #validate(
    steps: readonly WriteStep[],
    permission: WritePermission,
    refuse?: WriteRequest['refuse'],
  ): Promise<ValidationIssue[]> {
    const context = await this.#validationContext(steps);
    const users = permission === 'platformRule' ? await this.#knownUsers() : null;
    const issues: ValidationIssue[] = [];
    for (const step of steps) {
      const { validate } = capabilities.get(step.collection);
      const written =
        step.kind === 'update'
          ? [{ doc: step.after, previous: step.before }]
          : step.kind === 'remove'
            ? []
            : step.docs.map((doc) => ({ doc, previous: null }));
      for (const { doc, previous } of written) {
        const broken = validate(doc, context);
        issues.push(...(broken.length > 0 ? broken : (refuse?.(doc) ?? [])));
        if (users)
          issues.push(...checkWritePermission(step.collection, doc, previous, (id) => users.get(id)));
      }
    }
    return issues;
  }

  /**
   * What the collection's validator reads from reference data, as the writer judges with it: sync checks
   * merged and pulled documents against the same catalog and rules.
   */
  referenceContextOf(collection: CollectionName): Promise<Partial<DocumentValidationContext>> {
    return this.#contexts.forCollections([collection]);
  }

  /** Today, and what the validators of the steps' capabilities read from reference data (held in memory). */
  async #validationContext(steps: readonly WriteStep[]): Promise<DocumentValidationContext> {
    return { today: chinaDateOf(this.#context.clock()), ...(await this.#contexts.of(steps)) };
  }

  /** The county's users as this device knows them; the signed-in user as her session says. */
  async #knownUsers(): Promise<Map<string, KnownUser>> {
    const known = new Map<string, KnownUser>();
    const users = this.#db.collections.users as CreditDeskDatabase['users'] | undefined;
    for (const doc of users ? await users.find().exec() : []) {
      const user = doc.toJSON() as UserDocument;
      known.set(user.id, { id: user.id, roles: user.roles, status: user.status });
    }
    const session = this.#context.session();
    if (session && !known.has(session.userId)) {
      known.set(session.userId, { id: session.userId, roles: session.roles, status: 'active' });
    }
    return known;
  }
}
