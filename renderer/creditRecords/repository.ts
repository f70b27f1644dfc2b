import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { RxDocument } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { defaultPublicityEnd, earliestRepairDate } from '../../shared/creditRecords/publicity.ts';
import { isPubliclyVisible } from '../../shared/creditRecords/visibility.ts';
import {
  availableCreditRecordSteps,
  creditRecordWorkflow,
  expireRecords,
  takeCreditRecordStep,
} from '../../shared/creditRecords/workflow.ts';
import { isRealDate } from '../../shared/base/identifiers.ts';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { AuditAction } from '../../shared/base/auditEntry.ts';
import {
  type CreditRecordDocument,
  type CreditRecordInput,
  type CreditRecordSource,
  validateCreditRecordInput,
  amendableCreditRecordFields,
  type CreditRecordCorrection,
  type WorkflowAction,
} from '../../shared/creditRecords/model.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import type { Action } from '../../shared/base/security/permissions.ts';
import { permissionCodeOf } from '../../shared/kit/workflow.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { RecordTally } from '../kernel/db/recordTally.ts';
import type { RecordTextIndex } from './textIndex.ts';
import {
  type CreditRecordCounts,
  CreditRecordLists,
  type CreditRecordPage,
  type CreditRecordQuery,
} from './recordLists.ts';
import type { CreditRecordCollection } from '../kernel/db/database.ts';
import type { HistoryEntry, LocalStore } from '../kernel/db/localStore.ts';
import { authorOf, type UpdateStep, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { AttachmentStore, PickedFile } from '../kernel/attachments.ts';
import { type ReferenceRepository, systemUser } from '../reference/repository.ts';

export type { CreditRecordCounts, CreditRecordPage, CreditRecordQuery } from './recordLists.ts';

/** What a clerk enters; status, workflow, category and origin are the repository's to set. */
export type CreditRecordFields = Pick<
  CreditRecordInput,
  | 'subjectId'
  | 'catalogCode'
  | 'title'
  | 'facts'
  | 'documentNumber'
  | 'decisionDate'
  | 'authority'
  | 'legalBasis'
  | 'disclosure'
  | 'publicityStart'
  | 'publicityEnd'
>;

export const creditRecordFieldNames = [
  'subjectId',
  'catalogCode',
  'title',
  'facts',
  'documentNumber',
  'decisionDate',
  'authority',
  'legalBasis',
  'disclosure',
  'publicityStart',
  'publicityEnd',
] as const satisfies readonly (keyof CreditRecordFields)[];

export function emptyCreditRecordFields(subjectId = ''): CreditRecordFields {
  return {
    subjectId,
    catalogCode: '',
    title: '',
    facts: '',
    documentNumber: '',
    decisionDate: '',
    authority: '',
    legalBasis: '',
    disclosure: 'public',
    publicityStart: '',
    publicityEnd: '',
  };
}

export function fieldsOf(record: CreditRecordInput): CreditRecordFields {
  return Object.fromEntries(
    creditRecordFieldNames.map((field) => [field, record[field]]),
  ) as CreditRecordFields;
}

/** Steps a user takes by hand (expiry is automatic) and the permission each needs. */
export type ManualAction = Exclude<WorkflowAction, 'expire'>;

/** How each workflow step is named in the audit trail. */
const auditActionOf: Record<WorkflowAction, AuditAction> = {
  submit: 'statusChange',
  return: 'reject',
  approve: 'approve',
  expire: 'statusChange',
  repair: 'statusChange',
  revoke: 'revoke',
  withdraw: 'statusChange',
  republish: 'statusChange',
  amend: 'update',
};

/**
 * The only way UI code reads and writes credit records. Writes need the signed-in user's permission,
 * keep the replaced version in the local history and are audited.
 */
export class CreditRecordRepository {
  private readonly collection: CreditRecordCollection;
  private readonly local: LocalStore;
  private readonly reference: ReferenceRepository;
  private readonly context: RepositoryContext;
  private readonly journal: WriteJournal;
  readonly attachments: AttachmentStore;
  /** The lists and their kept totals (recordLists.ts). */
  readonly lists: CreditRecordLists;
  /** Records per category and status, kept as they change; loaded by `openCreditRepositories`. */
  readonly tally: RecordTally;
  /** Approved records (those in force) per category and decision date, for the dashboard figures. */
  readonly inForce: RecordTally;
  /** Words of titles and document numbers; built after the first screen by `openCreditRepositories`. */
  readonly words: RecordTextIndex;

  constructor(
    collection: CreditRecordCollection,
    local: LocalStore,
    reference: ReferenceRepository,
    context: RepositoryContext,
    dependencies: { attachments: AttachmentStore; journal: WriteJournal },
  ) {
    this.collection = collection;
    this.local = local;
    this.reference = reference;
    this.context = context;
    this.attachments = dependencies.attachments;
    this.journal = dependencies.journal;
    this.lists = new CreditRecordLists(collection, local, reference);
    this.tally = this.lists.tally;
    this.inForce = this.lists.inForce;
    this.words = this.lists.words;
  }

  get changes$(): Observable<void> {
    return this.collection.$.pipe(map(() => undefined));
  }

  /** Emits the record now and after every change; null once it is gone. */
  watch(id: string): Observable<CreditRecordDocument | null> {
    return this.collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc) : null)));
  }

  /** A subject's whole credit file, newest decision first, kept current. */
  watchBySubject(subjectId: string): Observable<CreditRecordDocument[]> {
    return this.collection
      .find({ selector: { subjectId }, sort: [{ decisionDate: 'desc' }] })
      .$.pipe(map((docs) => docs.map(plain)));
  }

  async get(id: string): Promise<CreditRecordDocument | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  /** Restores or counts the kept totals (lists count through the indexes until they are ready). */
  loadCounts(): Promise<void> {
    return this.lists.loadCounts();
  }

  /** One page of the records the query selects, last changed first, read through an index. */
  list(query: CreditRecordQuery): Promise<CreditRecordPage> {
    return this.lists.list(query);
  }

  counts(): Promise<CreditRecordCounts> {
    return this.lists.counts();
  }

  /** The default publicity end for an item and a start date ('' when public while valid or unknown). */
  defaultPublicityEnd(catalogCode: string, start: string): string {
    const rule = this.reference.publicityRule(catalogCode);
    return rule && isRealDate(start) ? defaultPublicityEnd(start, rule) : '';
  }

  /** Validates fields as the repository will on save, for forms to show every broken rule as they go. */
  validate(fields: CreditRecordFields): ValidationIssue[] {
    const result = validateCreditRecordInput(
      this.completeInput(fields, 'entered', ''),
      this.validationContext(),
    );
    return result.ok ? [] : result.issues;
  }

  async create(fields: CreditRecordFields): Promise<Validated<CreditRecordDocument>> {
    const acting = actingUser(this.context, 'record.create');
    if (!acting.ok) return acting;
    const checked = validateCreditRecordInput(
      this.completeInput(fields, 'entered', ''),
      this.validationContext(),
    );
    if (!checked.ok) return checked;
    const document = this.stamp(acting.session, uuidv7(this.clock().getTime()), checked.value);
    await this.journal.run(authorOf(acting.session), [
      { kind: 'create', collection: 'creditRecords', docs: [document] },
    ]);
    return { ok: true, value: document };
  }

  /**
   * A stamped, validated draft derived from another document (a 双公示 penalty), for the caller to write
   * together with that document (renderer/kernel/db/writeJournal.ts). Nothing is written here.
   */
  prepareDerived(
    session: SignedInSession,
    id: string,
    input: CreditRecordInput,
  ): Validated<CreditRecordDocument> {
    const checked = validateCreditRecordInput(
      { ...input, status: 'draft', workflow: [] },
      this.validationContext(),
    );
    if (!checked.ok) return checked;
    return { ok: true, value: this.stamp(session, id, checked.value) };
  }

  /** Changes a draft; records past the draft stage change only through workflow steps. */
  async updateDraft(id: string, fields: CreditRecordFields): Promise<Validated<CreditRecordDocument>> {
    const current = await this.editableDraft(id);
    if (!current.ok) return current;
    const previous = plain(current.doc);
    const input = this.completeInput(fields, previous.source, previous.sourceId, previous.attachments);
    return this.saveDraft(current.doc, input, current.session);
  }

  /**
   * The next version of a derived draft after its source changed (it keeps its attachments and
   * workflow), for the caller to write together with the source. Nothing is written here.
   */
  async prepareDerivedRefresh(
    id: string,
    input: CreditRecordInput,
  ): Promise<Validated<{ before: CreditRecordDocument; after: CreditRecordDocument }>> {
    const current = await this.editableDraft(id);
    if (!current.ok) return current;
    const before = plain(current.doc);
    const checked = validateCreditRecordInput(
      { ...input, attachments: before.attachments, status: 'draft', workflow: before.workflow },
      this.validationContext(),
    );
    if (!checked.ok) return checked;
    return {
      ok: true,
      value: { before, after: this.nextVersion(before, checked.value, current.session.userId) },
    };
  }

  /**
   * Attaches files to a draft: all or none. Each file is checked (type, size, not attached already),
   * kept on this computer encrypted, and listed on the record.
   */
  async attach(id: string, files: readonly PickedFile[]): Promise<Validated<CreditRecordDocument>> {
    const current = await this.editableDraft(id);
    if (!current.ok) return current;
    const previous = plain(current.doc);
    const attachments = await this.attachments.addTo(previous.attachments, files);
    if (!attachments.ok) return attachments;
    return this.saveDraft(current.doc, { ...previous, attachments: attachments.value }, current.session);
  }

  /** Takes a file off a draft (its bytes stay on this computer: earlier versions may list it). */
  async detach(id: string, sha256: string): Promise<Validated<CreditRecordDocument>> {
    const current = await this.editableDraft(id);
    if (!current.ok) return current;
    const previous = plain(current.doc);
    const attachments = previous.attachments.filter((file) => file.sha256 !== sha256);
    if (attachments.length === previous.attachments.length) {
      return { ok: false, issues: [issue('attachments', 'notFound')] };
    }
    return this.saveDraft(current.doc, { ...previous, attachments }, current.session);
  }

  /**
   * Takes a workflow step for the signed-in user: the role must allow it, reviewers never review work
   * they entered or submitted (four-eyes), reasons are required where the rules say so. Repair is refused
   * here: it is taken with the decision on a repair application. The step is appended to the record's
   * workflow with who and when.
   */
  async act(id: string, action: ManualAction, note = ''): Promise<Validated<CreditRecordDocument>> {
    const prepared = await this.prepareStep(id, action, note);
    if (!prepared.ok) return prepared;
    // Repair is decided on a repair application, written with its case (renderer/cases/repository.ts);
    // republishing is taken with the confirmed breach of a credit-repair commitment.
    if (action === 'repair') return { ok: false, issues: [issue('action', 'cases.repairThroughCase')] };
    if (action === 'republish') {
      return { ok: false, issues: [issue('action', 'commitment.republishThroughBreach')] };
    }
    if (action === 'amend') return { ok: false, issues: [issue('action', 'cases.amendThroughCase')] };
    await this.journal.run(authorOf(prepared.value.session), [prepared.value.step]);
    return { ok: true, value: prepared.value.step.after as CreditRecordDocument };
  }

  /**
   * Judges a workflow step for the signed-in user as `act` does and returns its write, for a caller that
   * writes it together with another document (a repair decision with its case). Nothing is written here.
   */
  async prepareStep(
    id: string,
    action: ManualAction,
    note = '',
  ): Promise<Validated<{ session: SignedInSession; step: UpdateStep }>> {
    const permission = Object.hasOwn(creditRecordWorkflow.transitions, action)
      ? creditRecordWorkflow.transitions[action].permission
      : null;
    // Steps without a permission are automatic (expiry): nobody takes them by hand.
    if (!permission) return { ok: false, issues: [issue('action', 'oneOf')] };
    const session = this.context.session();
    if (!session)
      return { ok: false, issues: [issue('action', 'permission.denied', { action: permission })] };
    const current = await this.collection.findOne(id).exec();
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const record = plain(current);
    // The workflow table judges the step once: permission, state, four-eyes, submitter, text.
    const stepped = takeCreditRecordStep(record, action, session, this.clock().toISOString(), note);
    if (!stepped.ok) return { ok: false, issues: refusalOf(stepped.issues, permission) };
    if (action === 'repair') {
      const tooEarly = this.repairTooEarly(record);
      if (tooEarly) return { ok: false, issues: [tooEarly] };
    }
    const next = this.nextVersion(record, stepped.value, session.userId);
    const step = this.step(record, next, { action: auditActionOf[action], reason: note.trim() });
    return { ok: true, value: { session, step } };
  }

  /**
   * The write that puts a repaired record back into publicity until `publicityEnd`, judged as `act`
   * judges a step, for the breach confirmation that writes it with its commitment. Nothing is written here.
   */
  async prepareRepublish(
    id: string,
    publicityEnd: string,
    note: string,
  ): Promise<Validated<{ session: SignedInSession; step: UpdateStep }>> {
    const prepared = await this.prepareStep(id, 'republish', note);
    if (!prepared.ok) return prepared;
    const { session, step } = prepared.value;
    const after = { ...(step.after as CreditRecordDocument), publicityEnd };
    return { ok: true, value: { session, step: { ...step, after } } };
  }

  /**
   * Judges an amend step (an objection found the record inaccurate) for the signed-in reviewer and returns
   * its write with the corrected fields, for the case to write with its decision. Only the amendable
   * fields change; the corrected record must pass the rules a new record passes; a correction that
   * changes nothing is refused (`cases.nothingCorrected`). Nothing is written here.
   */
  async prepareAmend(
    id: string,
    correction: CreditRecordCorrection,
    note: string,
  ): Promise<Validated<{ session: SignedInSession; step: UpdateStep }>> {
    const prepared = await this.prepareStep(id, 'amend', note);
    if (!prepared.ok) return prepared;
    const { step } = prepared.value;
    const stepped = step.after as CreditRecordDocument;
    const corrected: CreditRecordDocument = { ...stepped };
    for (const field of amendableCreditRecordFields) {
      const value = correction[field];
      if (value !== undefined) corrected[field] = value;
    }
    if (amendableCreditRecordFields.every((field) => corrected[field].trim() === stepped[field].trim()))
      return { ok: false, issues: [issue('correction', 'cases.nothingCorrected')] };
    const { id: _id, county, createdAt, updatedAt, createdBy, updatedBy, ...input } = corrected;
    const checked = validateCreditRecordInput(input, this.validationContext());
    if (!checked.ok) return checked;
    return {
      ok: true,
      value: { ...prepared.value, step: { ...step, after: { ...corrected, ...checked.value } } },
    };
  }

  /** The steps the signed-in user may take on the record now, for the buttons a page shows. */
  availableActions(record: CreditRecordDocument): ManualAction[] {
    const session = this.context.session();
    if (!session) return [];
    // Repair and amend are taken on a case's page, republishing with a confirmed breach.
    return availableCreditRecordSteps(record, session).filter(
      (action): action is ManualAction =>
        action !== 'expire' && action !== 'repair' && action !== 'republish' && action !== 'amend',
    );
  }

  /** Whether the signed-in user may edit the record as a draft. */
  canEditDraft(record: CreditRecordDocument): boolean {
    return record.status === 'draft' && mayAct(this.context, 'record.editDraft');
  }

  canCreate(): boolean {
    return mayAct(this.context, 'record.create');
  }

  /** Whether the public sees the record today: approved, public, inside its publicity period. */
  isPublic(record: CreditRecordDocument): boolean {
    return isPubliclyVisible(record, chinaDateOf(this.clock()));
  }

  /** What public-facing outputs show of a subject: approved, public records inside their period. */
  async publicRecords(subjectId: string): Promise<CreditRecordDocument[]> {
    const today = chinaDateOf(this.clock());
    const docs = await this.collection
      .find({ selector: { subjectId }, sort: [{ decisionDate: 'desc' }] })
      .exec();
    return docs.map(plain).filter((record) => isPubliclyVisible(record, today));
  }

  /**
   * Moves approved records whose publicity period ended before today to `expired` (kept, never deleted),
   * each step recorded as the system's. Returns the records changed.
   */
  async expireDue(): Promise<CreditRecordDocument[]> {
    const now = this.clock();
    const today = chinaDateOf(now);
    const due = await this.collection
      .find({ selector: { status: 'approved', publicityEnd: { $gt: '', $lt: today } } })
      .exec();
    const expired = expireRecords(due.map(plain), today, now.toISOString(), systemUser);
    const byId = new Map(due.map((doc) => [doc.id, plain(doc)]));
    const steps = expired.map((record) => {
      const previous = byId.get(record.id)!;
      return this.step(previous, this.nextVersion(previous, record, systemUser), {
        action: auditActionOf.expire,
      });
    });
    if (steps.length > 0) await this.journal.run({ userId: systemUser, userName: systemUser }, steps);
    return expired;
  }

  /** Earlier versions, newest first. */
  history(id: string): Promise<HistoryEntry[]> {
    return this.local.historyOf('creditRecords', id);
  }

  private clock(): Date {
    return this.context.clock();
  }

  private validationContext() {
    return { catalog: this.reference.catalog(), today: chinaDateOf(this.clock()) };
  }

  private repairTooEarly(record: CreditRecordDocument): ValidationIssue | null {
    const rule = this.reference.publicityRule(record.catalogCode);
    if (!rule || !isRealDate(record.publicityStart)) return null;
    const earliest = earliestRepairDate(record.publicityStart, rule);
    return chinaDateOf(this.clock()) < earliest
      ? issue('action', 'creditRecord.repairTooEarly', { date: earliest })
      : null;
  }

  private async editableDraft(
    id: string,
  ): Promise<
    | { ok: true; doc: RxDocument<CreditRecordDocument>; session: SignedInSession }
    | { ok: false; issues: ValidationIssue[] }
  > {
    const acting = actingUser(this.context, 'record.editDraft');
    if (!acting.ok) return acting;
    const doc = await this.collection.findOne(id).exec();
    if (!doc) return { ok: false, issues: [issue('id', 'notFound')] };
    if (doc.status !== 'draft') return { ok: false, issues: [issue('status', 'creditRecord.notDraft')] };
    return { ok: true, doc, session: acting.session };
  }

  private async saveDraft(
    current: RxDocument<CreditRecordDocument>,
    input: CreditRecordInput,
    session: SignedInSession,
  ): Promise<Validated<CreditRecordDocument>> {
    const previous = plain(current);
    const checked = validateCreditRecordInput(
      { ...input, status: 'draft', workflow: previous.workflow },
      this.validationContext(),
    );
    if (!checked.ok) return checked;
    const next = this.nextVersion(previous, checked.value, session.userId);
    await this.journal.run(authorOf(session), [this.step(previous, next)]);
    return { ok: true, value: next };
  }

  private completeInput(
    fields: CreditRecordFields,
    source: CreditRecordSource,
    sourceId: string,
    attachments: Attachment[] = [],
  ): CreditRecordInput {
    const item = this.reference.findItem(fields.catalogCode);
    return {
      ...fields,
      category: item?.category ?? '',
      source,
      sourceId,
      attachments,
      status: 'draft',
      workflow: [],
    };
  }

  private stamp(session: SignedInSession, id: string, input: CreditRecordInput): CreditRecordDocument {
    const now = this.clock().toISOString();
    const { userId, county } = session;
    return { ...input, id, county, createdAt: now, updatedAt: now, createdBy: userId, updatedBy: userId };
  }

  private nextVersion(
    previous: CreditRecordDocument,
    input: CreditRecordInput,
    by: string,
  ): CreditRecordDocument {
    return {
      ...input,
      id: previous.id,
      county: previous.county,
      createdAt: previous.createdAt,
      createdBy: previous.createdBy,
      updatedAt: this.clock().toISOString(),
      updatedBy: by,
    };
  }

  private step(
    before: CreditRecordDocument,
    after: CreditRecordDocument,
    audit?: UpdateStep['audit'],
  ): UpdateStep {
    return { kind: 'update', collection: 'creditRecords', before, after, ...(audit ? { audit } : {}) };
  }
}

/** A refusal of the actor stands alone, as the permission check names it; otherwise every broken rule. */
export function refusalOf(issues: ValidationIssue[], permission: Action): ValidationIssue[] {
  const refusal = issues.find((found) => permissionCodeOf(found.code) !== null);
  if (!refusal) return issues;
  return permissionCodeOf(refusal.code) === 'permission.denied'
    ? [issue('action', 'permission.denied', { action: permission })]
    : [issue('approvedBy', 'permission.ownWork')];
}

function plain(doc: RxDocument<CreditRecordDocument>): CreditRecordDocument {
  return doc.toJSON() as CreditRecordDocument;
}

/**
 * Runs the automatic expiry now and again whenever the local date has changed, checking every
 * `intervalMs` (an hour): a computer that slept over midnight catches up within the hour. Returns a
 * function that stops it.
 */
export function keepExpiring(
  records: CreditRecordRepository,
  clock: () => Date,
  intervalMs = 3_600_000,
): () => void {
  let lastRun = '';
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    const today = chinaDateOf(clock());
    if (today === lastRun) return;
    lastRun = today;
    running = running
      .then(() => records.expireDue())
      .catch((error: unknown) => console.error('Expiring credit records failed', error));
  };
  run();
  const timer = setInterval(run, intervalMs);
  return () => clearInterval(timer);
}
