import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import {
  type CaseDeadlineConfig,
  caseDeadline,
  defaultCaseDeadlines,
  revokesPublication,
  withdrawalDeadline,
} from '../../shared/cases/deadlines.ts';
import { correctedPenalty } from '../../shared/cases/penaltyCorrection.ts';
import {
  commitmentCopy,
  type RepairCommitment,
  repairCommitmentIssues,
} from '../../shared/cases/repairCommitment.ts';
import { validateDisclosureInput } from '../../shared/disclosures/model.ts';
import {
  type CaseDocument,
  type CaseInput,
  type CaseKind,
  type CaseStep,
  caseKinds,
  caseStatuses,
  initialCaseStatus,
  type RepairChannel,
  validateCaseInput,
} from '../../shared/cases/model.ts';
import { availableCaseSteps, isCaseOpen, takeCaseStep } from '../../shared/cases/workflow.ts';
import { creditRecordWorkflow, creditRecordWorkflowDocument } from '../../shared/creditRecords/workflow.ts';
import { checkRepairEligibility } from '../../shared/grading/repair.ts';
import { authorsOf, permissionCodeOf } from '../../shared/kit/workflow.ts';
import { type Attachment, attachmentTypeOf, checkAttachmentFile } from '../../shared/base/attachment.ts';
import type { AuditAction } from '../../shared/base/auditEntry.ts';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import type { CreditRecordCorrection, CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { issue, uniqueIssues, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CaseCollection } from '../kernel/db/database.ts';
import type { CountCaps } from '../kernel/db/listCounts.ts';
import { type CasePage, type CaseQueue, casePage } from './casePages.ts';
import { casesInStates, openStates } from './openQueue.ts';
import type { HistoryEntry, LocalStore } from '../kernel/db/localStore.ts';
import { authorOf, creationOf, type JournalStep, type WriteJournal } from '../kernel/db/writeJournal.ts';
import type { AttachmentStore, PickedFile } from '../kernel/attachments.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { DisclosureRepository } from '../disclosures/repository.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import {
  makeRepairCommitment,
  type RepairCommitmentSource,
  standingRepairCommitments,
} from './repairCommitments.ts';

/** What a clerk enters for a repair application or an objection. */
export interface CaseFields {
  kind: CaseKind;
  recordId: string;
  applicant: string;
  applicationDate: string;
  statement: string;
  obligationsPerformed: boolean;
  commitmentText: string;
  commitmentSignatory: string;
  commitmentDate: string;
  channel: RepairChannel;
  nationalReference: string;
  /** The applicant's credit-repair commitment letter (repairs); '' to make one from the fields below. */
  commitmentId: string;
  /** A new letter's signed scan (repairs without a letter yet). */
  commitmentScans: readonly PickedFile[];
  /** Proof of performance or of the objection. */
  proofs: readonly PickedFile[];
}

export function emptyCaseFields(kind: CaseKind, recordId: string, today: string): CaseFields {
  return {
    kind,
    recordId,
    applicant: '',
    applicationDate: today,
    statement: '',
    obligationsPerformed: false,
    commitmentText: '',
    commitmentSignatory: '',
    commitmentDate: kind === 'repair' ? today : '',
    channel: 'local',
    nationalReference: '',
    commitmentId: '',
    commitmentScans: [],
    proofs: [],
  };
}

/** What a decision does to the record besides the case: the record's own workflow step. */
const recordStepOf: Partial<Record<CaseStep, 'repair' | 'revoke' | 'amend'>> = {
  approve: 'repair',
  recordNational: 'repair',
  correct: 'amend',
  revoke: 'revoke',
};

const auditActionOf: Record<CaseStep, AuditAction> = {
  accept: 'statusChange',
  notAccept: 'reject',
  review: 'statusChange',
  approve: 'approve',
  refuse: 'reject',
  recordNational: 'approve',
  correct: 'statusChange',
  uphold: 'reject',
  revoke: 'revoke',
};

/** The states of a case whose decision withdraws the publication of its record. */
const publicationRevokingStates = caseKinds.flatMap((kind) =>
  caseStatuses.filter((status) => revokesPublication({ kind, status })).map((status) => ({ kind, status })),
);

/** An item of the to-do list a case asks for. */
export interface CaseTodo {
  kind: 'caseDue' | 'caseOverdue' | 'withdrawPublication';
  /** Where it leads: the case, or the penalty decision to withdraw. */
  to: string;
  caseKind: CaseKind;
  /** The record's title. */
  name: string;
  date: string;
}

/**
 * The only way UI code reads and writes cases. A case is entered once, by a clerk, with its attachments;
 * after that only its workflow moves it. A decision that acts on the record (a repair ends its publicity,
 * a corrected or revoked objection withdraws it) is written together with the record's own step in one
 * journal run. Grading and lists read the record's state (`repaired`, `revoked`) to follow.
 */
export class CaseRepository {
  readonly #collection: CaseCollection;
  readonly #local: LocalStore;
  readonly #context: RepositoryContext;
  readonly #records: CreditRecordRepository;
  readonly #disclosures: DisclosureRepository;
  readonly #reference: ReferenceRepository;
  readonly #journal: WriteJournal;
  readonly #attachments: AttachmentStore;
  readonly #commitments: RepairCommitmentSource;
  readonly #deadlines: CaseDeadlineConfig;

  constructor(
    collection: CaseCollection,
    local: LocalStore,
    context: RepositoryContext,
    dependencies: {
      records: CreditRecordRepository;
      disclosures: DisclosureRepository;
      reference: ReferenceRepository;
      journal: WriteJournal;
      attachments: AttachmentStore;
      commitments: RepairCommitmentSource;
      deadlines?: CaseDeadlineConfig;
    },
  ) {
    this.#collection = collection;
    this.#local = local;
    this.#context = context;
    this.#records = dependencies.records;
    this.#disclosures = dependencies.disclosures;
    this.#reference = dependencies.reference;
    this.#journal = dependencies.journal;
    this.#attachments = dependencies.attachments;
    this.#commitments = dependencies.commitments;
    this.#deadlines = dependencies.deadlines ?? defaultCaseDeadlines;
  }

  get changes$(): Observable<void> {
    return this.#collection.$.pipe(map(() => undefined));
  }

  watch(id: string): Observable<CaseDocument | null> {
    return this.#collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc) : null)));
  }

  /** Every case, newest application first, kept current. */
  watchAll(): Observable<CaseDocument[]> {
    return this.#collection
      .find({ sort: [{ applicationDate: 'desc' }, { updatedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map(plain)));
  }

  watchByRecord(recordId: string): Observable<CaseDocument[]> {
    return this.#collection
      .find({ selector: { recordId }, sort: [{ updatedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map(plain)));
  }

  /** The repair cases filed with a commitment letter. */
  watchByCommitment(commitmentId: string): Observable<CaseDocument[]> {
    return this.#collection
      .find({ selector: { commitmentId }, sort: [{ updatedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map(plain)));
  }

  /** The records an objection is open against (shown "under objection"), kept current. */
  watchRecordsUnderObjection(): Observable<ReadonlySet<string>> {
    return this.#collection
      .find({ selector: { kind: 'objection' } })
      .$.pipe(
        map((docs) => new Set(docs.filter((doc) => isCaseOpen(doc.status)).map((doc) => doc.recordId))),
      );
  }

  async get(id: string): Promise<CaseDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  /** One page of a queue of the cases list (see casePages.ts). */
  page(query: { queue: CaseQueue; offset?: number; limit: number }, caps?: CountCaps): Promise<CasePage> {
    return casePage(
      this.#collection,
      { calendar: this.#reference.calendar(), config: this.#deadlines },
      query,
      caps,
    );
  }

  canRegister(): boolean {
    return mayAct(this.#context, 'case.register');
  }

  /**
   * Enters a repair application or an objection for the signed-in clerk: all or nothing. A repair needs
   * a dishonest record under publicity whose minimum period has passed, corrected and performed, with
   * proof and the applicant's standing credit-repair commitment letter (`commitmentId`,
   * shared/cases/repairCommitment.ts), whose text, signatory, date and scan the case keeps; an objection
   * a published record. A record has at most one open case of each kind.
   */
  async register(fields: CaseFields): Promise<Validated<CaseDocument>> {
    const acting = actingUser(this.#context, 'case.register');
    if (!acting.ok) return acting;
    const letter =
      fields.kind === 'repair' && fields.commitmentId !== ''
        ? await this.#commitments.get(fields.commitmentId)
        : null;
    const prepared = await this.#prepare(fields, letter ?? undefined);
    if (!prepared.ok) return prepared;
    const proofs = await this.#keep(fields.proofs, 'proofs');
    if (!proofs.ok) return proofs;
    const now = this.#context.clock().toISOString();
    const { userId, county } = acting.session;
    const document: CaseDocument = {
      ...prepared.value,
      proofs: proofs.value,
      id: uuidv7(this.#context.clock().getTime()),
      county,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
      updatedBy: userId,
    };
    await this.#journal.run(authorOf(acting.session), [creationOf('cases', [document])]);
    return { ok: true, value: document };
  }

  /**
   * Enters a repair whose applicant has no commitment letter yet, making it from the form's commitment
   * fields in the same action: the application is judged first as if the letter stood, so a refused one
   * leaves no letter behind; then the letter is made, signed and accepted (the commitments' own recorded
   * steps) and the case entered with it.
   */
  async registerWithNewCommitment(fields: CaseFields): Promise<Validated<CaseDocument>> {
    const acting = actingUser(this.#context, 'case.register');
    if (!acting.ok) return acting;
    if (!this.#commitments.canCreate())
      return {
        ok: false,
        issues: [issue('commitment', 'permission.denied', { action: 'commitment.create' })],
      };
    const record = await this.#records.get(fields.recordId);
    if (!record) return { ok: false, issues: [issue('recordId', 'notFound')] };
    const planned: RepairCommitment = {
      id: uuidv7(),
      type: 'creditRepair',
      subjectId: record.subjectId,
      repairedRecordId: record.id,
      status: 'accepted',
      content: fields.commitmentText.trim(),
      signatory: fields.commitmentSignatory.trim(),
      signingDate: fields.commitmentDate,
      attachments: fields.commitmentScans.map(unkept),
    };
    const scans = fields.commitmentScans.flatMap((file, index) =>
      checkAttachmentFile({ name: file.name, size: file.data.length }, `commitmentScans.${index}`),
    );
    const judged = await this.#prepare({ ...fields, commitmentId: planned.id }, planned);
    // The new letter's missing scan is its missing signature, as for any commitment entered here.
    const unsigned = issue('commitment', 'repair.commitmentRequired');
    const refusals = judged.ok
      ? []
      : judged.issues.map((found) => (found.code === 'cases.commitmentUnsigned' ? unsigned : found));
    if (refusals.length > 0 || scans.length > 0)
      return { ok: false, issues: uniqueIssues([...scans, ...refusals]) };
    const letter = await makeRepairCommitment(this.#commitments, record, {
      text: planned.content,
      signatory: planned.signatory,
      signingDate: planned.signingDate,
      scans: fields.commitmentScans,
    });
    if (!letter.ok) return letter;
    return this.register({ ...fields, commitmentId: letter.value.id });
  }

  /** The applicant's standing credit-repair letters for the record, to choose from on the form. */
  async repairCommitments(recordId: string) {
    const record = await this.#records.get(recordId);
    return record ? standingRepairCommitments(this.#commitments, record) : [];
  }

  /** The case as it will be entered (its proofs not kept yet), or every rule it breaks. */
  async #prepare(fields: CaseFields, letter: RepairCommitment | undefined): Promise<Validated<CaseInput>> {
    const record = await this.#records.get(fields.recordId);
    if (!record) return { ok: false, issues: [issue('recordId', 'notFound')] };
    const repair = fields.kind === 'repair';
    // Everything is checked before a file is kept, so a refused application leaves nothing behind.
    const issues = [
      ...(await this.#recordIssues(fields, record, letter)),
      ...fields.proofs.flatMap((file, index) =>
        checkAttachmentFile({ name: file.name, size: file.data.length }, `proofs.${index}`),
      ),
    ];
    const noCommitment = {
      commitmentText: '',
      commitmentSignatory: '',
      commitmentDate: '',
      commitmentScans: [],
    };
    const input: CaseInput = {
      kind: fields.kind,
      subjectId: record.subjectId,
      recordId: record.id,
      recordEnteredBy: [...new Set(authorsOf(creditRecordWorkflow, creditRecordWorkflowDocument(record)))],
      applicant: fields.applicant,
      applicationDate: fields.applicationDate,
      statement: fields.statement,
      obligationsPerformed: repair && fields.obligationsPerformed,
      ...(repair && letter ? commitmentCopy(letter) : noCommitment),
      ...(repair && !letter && fields.commitmentId !== '' ? { commitmentId: fields.commitmentId } : {}),
      proofs: fields.proofs.map(unkept),
      channel: repair ? fields.channel : 'local',
      nationalReference: repair && fields.channel === 'national' ? fields.nationalReference : '',
      status: initialCaseStatus(fields.kind),
      workflow: [],
    };
    const linked = repairCommitmentIssues(input, letter);
    const checked = validateCaseInput(input, this.#today());
    // Without a letter there is no commitment date to judge: "commitment required" says it all.
    if (!checked.ok)
      issues.push(...checked.issues.filter((found) => letter || found.field !== 'commitmentDate'));
    // A letter that does not fit names its own rule rather than "commitment required".
    const all = linked.some((found) => found.field === 'commitmentId')
      ? [...linked, ...issues.filter((found) => found.code !== 'repair.commitmentRequired')]
      : [...linked, ...issues];
    if (all.length > 0 || !checked.ok) return { ok: false, issues: uniqueIssues(all) };
    return checked;
  }

  /**
   * Takes a step of the case for the signed-in reviewer. A decision that acts on the record takes the
   * record's step too (repair, revoke, or amend with the `correction` of a corrected objection), judged
   * by the record's workflow; a correction of a penalty's record amends the 双公示 decision too. All are
   * written in one journal run; a refusal of any writes nothing.
   */
  async act(
    id: string,
    action: CaseStep,
    note = '',
    correction: CreditRecordCorrection = {},
  ): Promise<Validated<CaseDocument>> {
    const session = this.#context.session();
    if (!session)
      return { ok: false, issues: [issue('action', 'permission.denied', { action: 'case.decide' })] };
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const now = this.#context.clock().toISOString();
    const stepped = takeCaseStep(current, action, session, now, note);
    if (!stepped.ok) return { ok: false, issues: refusalOf(stepped.issues) };
    const next: CaseDocument = { ...stepped.value, updatedAt: now, updatedBy: session.userId };
    const steps: JournalStep[] = [
      {
        kind: 'update',
        collection: 'cases',
        before: current,
        after: next,
        audit: { action: auditActionOf[action], reason: note.trim() },
      },
    ];
    const recordStep = recordStepOf[action];
    if (recordStep) {
      const prepared =
        recordStep === 'amend'
          ? await this.#records.prepareAmend(current.recordId, correction, note)
          : await this.#records.prepareStep(current.recordId, recordStep, note);
      if (!prepared.ok) return prepared;
      steps.push(prepared.value.step);
    }
    if (recordStep === 'amend') {
      const amended = await this.#penaltyAmendment(current.recordId, correction, note);
      if (!amended.ok) return amended;
      steps.push(...amended.value);
    }
    await this.#journal.run(authorOf(session), steps);
    return { ok: true, value: next };
  }

  /** The penalty decision a record came from, amended as the record is (none for other records). */
  async #penaltyAmendment(
    recordId: string,
    correction: CreditRecordCorrection,
    note: string,
  ): Promise<Validated<JournalStep[]>> {
    const record = await this.#records.get(recordId);
    const decision = record?.source === 'penalty' ? await this.#disclosures.get(record.sourceId) : null;
    const amended = decision ? correctedPenalty(decision, correction) : null;
    if (!decision || !amended) return { ok: true, value: [] };
    const checked = validateDisclosureInput(amended, this.#today());
    if (!checked.ok)
      return {
        ok: false,
        issues: checked.issues.map((found) => ({ ...found, field: `penalty.${found.field}` })),
      };
    const session = this.#context.session()!;
    const after = { ...amended, updatedAt: this.#context.clock().toISOString(), updatedBy: session.userId };
    return {
      ok: true,
      value: [
        {
          kind: 'update',
          collection: 'disclosures',
          before: decision,
          after,
          audit: { action: 'update', reason: note.trim() },
        },
      ],
    };
  }

  /** The steps the signed-in user may take on the case now. */
  availableSteps(doc: CaseDocument): CaseStep[] {
    const session = this.#context.session();
    return session ? availableCaseSteps(doc, session) : [];
  }

  /** The last day for the case's next step; '' when none is due. */
  deadline(doc: CaseDocument): string {
    return caseDeadline(doc, this.#reference.calendar(), this.#deadlines)?.date ?? '';
  }

  /** The last day to withdraw the publication of the penalty the case found wrong; '' when none is due. */
  withdrawalDeadline(doc: CaseDocument): string {
    return withdrawalDeadline(doc, this.#reference.calendar(), this.#deadlines)?.date ?? '';
  }

  /**
   * What cases ask of the signed-in user: open cases she may take the next step of (with their deadline,
   * overdue first), and reported penalties a decision found wrong that still await withdrawal. Reads only
   * the cases of open states with a time limit and those whose decision withdraws a publication.
   */
  async todos(): Promise<CaseTodo[]> {
    if (!this.#context.session()) return [];
    const today = this.#today();
    const timed = openStates(this.#deadlines).filter((state) => state.timed);
    const withdrawing = mayAct(this.#context, 'disclosure.submit');
    const [open, revoking] = await Promise.all([
      casesInStates(this.#collection, timed),
      withdrawing ? casesInStates(this.#collection, publicationRevokingStates) : [],
    ]);
    const items: CaseTodo[] = [];
    for (const doc of open) {
      const deadline = this.deadline(doc);
      if (!deadline || this.availableSteps(doc).length === 0) continue;
      const record = await this.#records.get(doc.recordId);
      items.push({
        kind: deadline < today ? 'caseOverdue' : 'caseDue',
        to: `/cases/${doc.id}`,
        caseKind: doc.kind,
        name: record?.title ?? '',
        date: deadline,
      });
    }
    for (const doc of revoking) {
      const record = await this.#records.get(doc.recordId);
      const decision = record?.source === 'penalty' ? await this.#disclosures.get(record.sourceId) : null;
      if (decision && decision.reportedAt !== '') {
        items.push({
          kind: 'withdrawPublication',
          to: `/credit/disclosures/${decision.id}`,
          caseKind: doc.kind,
          name: decision.documentNumber,
          date: this.withdrawalDeadline(doc),
        });
      }
    }
    return items.sort((a, b) => a.date.localeCompare(b.date) || a.to.localeCompare(b.to));
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.#local.historyOf('cases', id);
  }

  #today(): string {
    return chinaDateOf(this.#context.clock());
  }

  async #recordIssues(
    fields: CaseFields,
    record: CreditRecordDocument,
    letter: RepairCommitment | undefined,
  ): Promise<ValidationIssue[]> {
    const issues: ValidationIssue[] = [];
    const open = await this.#collection.find({ selector: { recordId: record.id, kind: fields.kind } }).exec();
    if (open.some((doc) => isCaseOpen(doc.status))) issues.push(issue('recordId', 'cases.openCaseExists'));
    if (fields.kind === 'objection') {
      if (record.status !== 'approved') issues.push(issue('recordId', 'cases.recordNotPublished'));
      return issues;
    }
    const item = this.#reference.findItem(record.catalogCode);
    if (!item)
      return [...issues, issue('recordId', 'creditRecord.unknownCatalogItem', { code: record.catalogCode })];
    const eligible = checkRepairEligibility(record, item, defaultCreditCategories, {
      applicationDate: fields.applicationDate,
      commitment: letter ? { type: letter.type } : null,
      obligationsPerformed: fields.obligationsPerformed,
    });
    if (!eligible.ok) issues.push(...eligible.issues);
    return issues;
  }

  async #keep(files: readonly PickedFile[], field: string): Promise<Validated<Attachment[]>> {
    const kept: Attachment[] = [];
    for (const [index, file] of files.entries()) {
      const result = await this.#attachments.keep(file);
      if (!result.ok)
        return {
          ok: false,
          issues: result.issues.map((found) => ({ ...found, field: `${field}.${index}` })),
        };
      if (!kept.some((other) => other.sha256 === result.value.sha256)) kept.push(result.value);
    }
    return { ok: true, value: kept };
  }
}

/** A refusal of the actor stands alone, as the permission check names it; otherwise every broken rule. */
function refusalOf(issues: ValidationIssue[]): ValidationIssue[] {
  const refusal = issues.find((found) => permissionCodeOf(found.code) !== null);
  if (!refusal) return issues;
  return permissionCodeOf(refusal.code) === 'permission.denied'
    ? [issue('action', 'permission.denied', { action: 'case.decide' })]
    : [issue('decidedBy', 'permission.ownWork')];
}

/** A picked file described as the attachment it will be, for checking before its bytes are kept. */
function unkept(file: PickedFile): Attachment {
  const mimeType = attachmentTypeOf(file.name) ?? 'application/octet-stream';
  return { sha256: '0'.repeat(64), name: file.name.trim(), mimeType, size: file.data.length };
}

function plain(doc: RxDocument<CaseDocument>): CaseDocument {
  return doc.toJSON() as CaseDocument;
}

/** The case repository of a profile, over its credit-file repositories. */
export function openCaseRepository(
  collection: CaseCollection,
  local: LocalStore,
  context: RepositoryContext,
  credit: {
    creditRecords: CreditRecordRepository;
    disclosures: DisclosureRepository;
    reference: ReferenceRepository;
    journal: WriteJournal;
    attachments: AttachmentStore;
  },
  commitments: RepairCommitmentSource,
): CaseRepository {
  return new CaseRepository(collection, local, context, {
    ...credit,
    records: credit.creditRecords,
    commitments,
  });
}
