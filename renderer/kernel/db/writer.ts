import { liveQuery } from 'dexie';
import type { RxCollection } from 'rxdb';
import { merge, Observable, Subject, switchMap } from 'rxjs';
import { capabilities } from '../../../shared/capabilities.ts';
import type { CatalogItem } from '../../../shared/creditRecords/catalog.ts';
import { publishedMatterLists } from '../../../shared/commitments/matterList.ts';
import type { AuditAction, AuditSnapshot } from '../../../shared/base/auditEntry.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { withoutStamps } from '../../../shared/base/document.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import { issue, type Validated, type ValidationIssue } from '../../../shared/base/validation.ts';
import type { BulkCreation } from '../../../shared/base/security/auditChain.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import type { Action } from '../../../shared/base/security/permissions.ts';
import type { DocumentValidationContext } from '../../../shared/sync/documentValidators.ts';
import { checkWritePermission, type KnownUser } from '../../../shared/sync/writePermissions.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { type AuditRecord, bulkCreations } from '../security/audit.ts';
import { authorize } from '../security/permissions.ts';
import { auditChange, type RepositoryContext } from '../security/repositoryContext.ts';
import { localDate } from '../session/session.ts';
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

export function authorOf(session: JournalAuthor): JournalAuthor {
  return { userId: session.userId, userName: session.userName };
}

/** What a caller hands the writer to stamp: the content, with stamps only where it sets its own (ids). */
export type Content = Record<string, unknown>;

/** A new document to stamp and create, or the next content of `before` to stamp and write. */
export type Change =
  | { kind: 'new'; collection: JournalCollection; content: Content }
  | {
      kind: 'next';
      collection: JournalCollection;
      before: JournalDocument;
      content: Content;
      audit?: StepAudit;
      /** `before` was deleted here: the next version brings it back. */
      revive?: true;
    };

/**
 * Who may write: an action the signed-in user's roles must allow; `platformRule`, the platform's own
 * write-permission rule for each document against the users this device knows (sync resolutions, which
 * write values of any field); or `judged` with the author, where a rule judged the actor already (a
 * workflow step through the workflow engine, automatic steps, a user's own password, the first
 * administrator).
 */
export type WritePermission = Action | 'platformRule' | { judged: JournalAuthor & { county?: string } };

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

/** Bulk creations are written and journalled this many at a time. */
const bulkChunk = 5000;

/** Entries being written in this window, per profile: a replay leaves them alone. */
const runningByProfile = new WeakMap<LocalStore, { running: Set<number>; settled: Subject<void> }>();

/**
 * The one writer of the synced collections. Every write passes the same stages, in order and once:
 * permission (the signed-in user's role, or the platform's rule), stamps (id, county, created/updated
 * at and by), validation (the capability's validator, the same the platform runs), the journal (the
 * group of steps kept in the local store, personal values sealed, before the first write), the write
 * with the replaced version kept in the edit history, and the audit trail.
 *
 * Writes that belong together (a penalty and the credit record it derives; every row of an imported
 * file) span collections, which IndexedDB cannot write in one transaction. A journal entry left behind
 * by a crash or a closed window is finished by `replay` when the workspace next opens, so a half-written
 * group never stays half-written. Progress is recorded after each step's write and after its audit
 * entries: a replay writes only what is missing and audits each step once (a crash between an audit
 * append and the progress record can repeat that step's audit entries, never lose them).
 */
export class Writer {
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

  /**
   * Stamps, validates, journals, writes and audits a group of changes. Refused (nothing written) when
   * the permission is missing or a document breaks the capability's rules; returns the written
   * documents of `changes`, in order.
   */
  async write(request: WriteRequest): Promise<Validated<JournalDocument[]>> {
    const permitted = this.#permit(request.permission);
    if (!permitted.ok) return permitted;
    const author = permitted.author;
    const now = this.#context.clock().toISOString();
    const changes = request.changes ?? [];
    const stamped = changes.map((change) => this.#stamp(change, permitted, now));
    const steps: WriteStep[] = [...stamped.filter((step) => step !== null), ...(request.steps ?? [])];
    const issues = await this.#validate(steps, request.permission, request.refuse);
    if (issues.length > 0) return { ok: false, issues };
    if (steps.length > 0 || request.summary) await this.#run(author, steps, request.summary);
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
    const permitted = this.#permit(request.permission);
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
    for (let start = 0; start < request.contents.length; start += bulkChunk) {
      const now = this.#context.clock().toISOString();
      const docs: JournalDocument[] = [];
      const end = Math.min(start + bulkChunk, request.contents.length);
      for (let index = start; index < end; index++) {
        const doc = this.#stampNew(request.contents[index]!, permitted, now);
        const issues = validate(doc, context);
        const refused = issues.length > 0 ? issues : request.refuse?.(doc);
        if (refused) result.rejected.push({ index, issues: refused });
        else docs.push(doc);
      }
      if (docs.length === 0) continue;
      await this.#run(permitted.author, [{ kind: 'bulkCreate', collection: request.collection, docs }]);
      result.created.push(...(docs as T[]));
    }
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
    await this.#run(author, steps);
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

  #permit(
    permission: WritePermission,
  ): { ok: true; author: JournalAuthor; county: string } | { ok: false; issues: ValidationIssue[] } {
    if (typeof permission === 'object') {
      return { ok: true, author: authorOf(permission.judged), county: permission.judged.county ?? '' };
    }
    const session = this.#context.session();
    const authorized =
      permission === 'platformRule'
        ? session
          ? { ok: true as const, session }
          : { ok: false as const, issues: [issue('action', 'permission.denied')] }
        : authorize(session, permission);
    if (!authorized.ok) return authorized;
    return { ok: true, author: authorOf(authorized.session), county: authorized.session.county };
  }

  /** The stamped step of a change; null when the next content changes nothing (nothing is written). */
  #stamp(
    change: Change,
    permitted: { author: JournalAuthor; county: string },
    now: string,
  ): JournalStep | null {
    if (change.kind === 'new') {
      return {
        kind: 'create',
        collection: change.collection,
        docs: [this.#stampNew(change.content, permitted, now)],
      };
    }
    const unchanged =
      canonicalJson(withoutStamps(change.content)) === canonicalJson(withoutStamps(change.before));
    if (unchanged && !change.revive) return null;
    const { id, county, createdAt, createdBy } = change.before as Record<string, unknown>;
    const after = {
      ...change.content,
      id,
      county,
      createdAt,
      createdBy,
      updatedAt: now,
      updatedBy: permitted.author.userId,
    } as JournalDocument;
    return {
      kind: 'update',
      collection: change.collection,
      before: change.before,
      after,
      ...(change.audit ? { audit: change.audit } : {}),
      ...(change.revive ? { revive: true as const } : {}),
    };
  }

  /** A new document's stamps; an id or county the content sets stands (seeded city data, first users). */
  #stampNew(
    content: Content,
    permitted: { author: JournalAuthor; county: string },
    now: string,
  ): JournalDocument {
    const { userId } = permitted.author;
    return {
      ...content,
      id: content.id ?? uuidv7(Date.parse(now)),
      county: content.county ?? permitted.county,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
      updatedBy: userId,
    } as unknown as JournalDocument;
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
   * Today, and the city's catalog when credit records are checked against it: the catalog here and any
   * catalog item written in the same group (a restore); the default catalog without either.
   */
  async #validationContext(steps: readonly WriteStep[]): Promise<DocumentValidationContext> {
    const today = localDate(this.#context.clock());
    // Commitments are checked against the city's lists of commitment matters as this device holds them.
    const matterLists = steps.some((step) => step.collection === 'commitments')
      ? publishedMatterLists(
          (await this.#db.reference.find({ selector: { kind: 'ruleSet' } }).exec()).map(
            (doc) => doc.toJSON() as unknown as Parameters<typeof publishedMatterLists>[0][number],
          ),
        )
      : undefined;
    if (!steps.some((step) => step.collection === 'creditRecords'))
      return matterLists ? { today, matterLists } : { today };
    const items = await this.#db.reference.find({ selector: { kind: 'catalogItem' } }).exec();
    const catalog = [
      ...items.map((item) => item.toJSON() as unknown as CatalogItem),
      ...steps.flatMap((step) =>
        step.collection === 'reference' && 'docs' in step
          ? step.docs.filter(
              (doc): doc is CatalogItem & JournalDocument => 'kind' in doc && doc.kind === 'catalogItem',
            )
          : [],
      ),
    ];
    return { today, ...(catalog.length > 0 ? { catalog } : {}), ...(matterLists ? { matterLists } : {}) };
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

  async #run(author: JournalAuthor, steps: readonly WriteStep[], summary?: AuditRecord): Promise<void> {
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
