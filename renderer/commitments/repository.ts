import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { Observable } from 'rxjs';
import {
  checkAcceptance,
  exclusionIssues,
  listMembershipsOf,
  needsAcceptanceCheck,
} from '../../shared/commitments/acceptance.ts';
import { deadlinesPassed, materialsDeadline } from '../../shared/commitments/followUp.ts';
import { type CommitmentMatter, findMatter } from '../../shared/commitments/matters.ts';
import { everyMatter, matterListInForce } from '../../shared/commitments/matterList.ts';
import {
  type CommitmentDocument,
  type CommitmentInput,
  emptyCommitmentInput,
  emptyOutcome,
  validateCommitmentInput,
} from '../../shared/commitments/model.ts';
import { templateDefaults } from '../../shared/commitments/templates.ts';
import type { CommitmentType } from '../../shared/commitments/types.ts';
import {
  availableCommitmentSteps,
  type CommitmentAction,
  takeCommitmentStep,
} from '../../shared/commitments/workflow.ts';
import type { GradeResult } from '../../shared/grading/grade.ts';
import type { CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import type { ListingDocument } from '../../shared/lists/listing.ts';
import type { AuditAction } from '../../shared/base/auditEntry.ts';
import type { Industry, SubjectDocument, SubjectInput } from '../../shared/subjects/model.ts';
import { issue, prefixIssues, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CommitmentCollection } from '../kernel/db/database.ts';
import type { HistoryEntry, LocalStore } from '../kernel/db/localStore.ts';
import {
  authorOf,
  creationOf,
  type JournalStep,
  type UpdateStep,
  type WriteJournal,
} from '../kernel/db/writeJournal.ts';
import type { DeviceProvisions } from '../provisions/deviceProvisions.ts';
import type { AttachmentStore, PickedFile } from '../kernel/attachments.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import { CommitmentCampaigns } from './campaigns.ts';
import type { CommitmentWordIndex } from './commitmentWords.ts';
import type { CommitmentFields, FindingFields } from './formFields.ts';
import {
  CommitmentLists,
  type CommitmentPage,
  type CommitmentPageQuery,
  type CommitmentQuery,
} from './listQueries.ts';
import { CommitmentNumbers, type SerialBlockState } from './serialNumbers.ts';

export type { CommitmentOrder, CommitmentPage, CommitmentPageQuery, CommitmentQuery } from './listQueries.ts';
export type { SerialBlockState };
export {
  type CommitmentFields,
  emptyCommitmentFields,
  type FindingFields,
  fieldsOf,
} from './formFields.ts';
import { creditFileSteps } from './creditFileSteps.ts';

/** Who this office is: printed on letters, named as accepting and deciding unit. */
export interface CommitmentOffice {
  county: string;
  officeName: string;
}

const auditActionOf: Record<CommitmentAction, AuditAction> = {
  accept: 'statusChange',
  withdrawDraft: 'statusChange',
  withdraw: 'statusChange',
  fulfil: 'statusChange',
  proposeBreach: 'statusChange',
  confirmPartlyFulfilled: 'approve',
  confirmNotFulfilled: 'approve',
  confirmFalseCommitment: 'approve',
  rejectBreach: 'reject',
};

/** What the acceptance check reads of a subject's grade and lists (the grade cache, renderer/lists). */
export interface SubjectStanding {
  gradeOf(subjectId: string): GradeResult | undefined;
  listingsOf(subjectId: string): readonly ListingDocument[];
  cityEntriesOf(subjectId: string): CityBlackListEntry[];
}

export interface CommitmentRepositoryOptions {
  /** Grade and lists; without it the check reads records and commitments only. */
  standing?: SubjectStanding;
  subjects: SubjectRepository;
  records: CreditRecordRepository;
  reference: ReferenceRepository;
  journal: WriteJournal;
  attachments: AttachmentStore;
  office: CommitmentOffice;
  provisions: DeviceProvisions;
}

/** The local setting holding the day deadlines were last checked for the reminder. */
const deadlineCheckSetting = 'commitments.deadlinesCheckedOn';

/**
 * The only way UI code reads and writes commitments. Every write goes through the write journal; a step
 * that touches the credit file (fulfilment, breach, its confirmation) writes the commitment and its
 * credit record in the same journal run, linked both ways.
 */
export class CommitmentRepository {
  readonly #local: LocalStore;
  readonly #context: RepositoryContext;
  readonly #subjects: SubjectRepository;
  readonly #records: CreditRecordRepository;
  readonly #reference: ReferenceRepository;
  readonly #journal: WriteJournal;
  readonly attachments: AttachmentStore;
  readonly #office: CommitmentOffice;
  readonly #standing: SubjectStanding | undefined;
  readonly #campaigns: CommitmentCampaigns;
  readonly #numbers: CommitmentNumbers;
  readonly #lists: CommitmentLists;

  constructor(
    collection: CommitmentCollection,
    local: LocalStore,
    context: RepositoryContext,
    dependencies: CommitmentRepositoryOptions,
  ) {
    this.#local = local;
    this.#context = context;
    this.#subjects = dependencies.subjects;
    this.#records = dependencies.records;
    this.#reference = dependencies.reference;
    this.#journal = dependencies.journal;
    this.attachments = dependencies.attachments;
    this.#office = dependencies.office;
    this.#standing = dependencies.standing;
    this.#lists = new CommitmentLists(collection, local, this.#subjects, {
      today: () => this.today(),
      calendar: () => this.#reference.calendar(),
    });
    this.#numbers = new CommitmentNumbers({
      collection,
      context,
      provisions: dependencies.provisions,
      office: this.#office,
      today: () => this.today(),
    });
    this.#campaigns = new CommitmentCampaigns({
      collection,
      context,
      subjects: this.#subjects,
      journal: this.#journal,
      office: this.#office,
      matterLists: () => this.#reference.matterLists(),
      today: () => this.today(),
      all: () => this.all(),
      get: (id) => this.get(id),
      stamp: (session, input) => this.stamp(session, input),
      signedAcceptance: (current, signingDate, session) =>
        this.signedAcceptance(current, signingDate, session),
      acceptStep: (before, after) => this.step(before, after, { action: auditActionOf.accept, reason: '' }),
      withSerialBlocks: (attempt) => this.#numbers.withSerialBlocks(attempt),
    });
  }

  /** Every matter the city's lists ever held (then the defaults), to name and file any commitment. */
  get matters(): readonly CommitmentMatter[] {
    return everyMatter(this.#reference.matterLists());
  }

  /** The matters a new commitment may be accepted for today: the list version in force. */
  mattersInForce(): readonly CommitmentMatter[] {
    return matterListInForce(this.#reference.matterLists(), this.today()).matters;
  }

  /** Words of letter numbers and enterprise names (listQueries.ts). */
  get words(): CommitmentWordIndex {
    return this.#lists.words;
  }

  get changes$(): Observable<void> {
    return this.#lists.changes$;
  }

  watch(id: string): Observable<CommitmentDocument | null> {
    return this.#lists.watch(id);
  }

  get(id: string): Promise<CommitmentDocument | null> {
    return this.#lists.get(id);
  }

  all(): Promise<CommitmentDocument[]> {
    return this.#lists.all();
  }

  list(query: CommitmentQuery = {}): Promise<CommitmentDocument[]> {
    return this.#lists.list(query);
  }

  /** One page of the letters and how many match (see listQueries.ts). */
  page(query: CommitmentPageQuery): Promise<CommitmentPage> {
    return this.#lists.page(query);
  }

  /** Open commitments per subject, for the subject list's badge. */
  openCountsBySubject(): Promise<Map<string, number>> {
    return this.#lists.openCountsBySubject();
  }

  today(): string {
    return chinaDateOf(this.#context.clock());
  }

  /** The template's promise text and liability for a type, filled with the subject's and matter's data. */
  templateFor(fields: CommitmentFields, subject: Pick<SubjectDocument, 'name' | 'code' | 'kind'> | null) {
    const matter = findMatter(this.matters, fields.matterCode);
    return templateDefaults(fields.type, {
      subjectName: subject?.name ?? '',
      subjectCode: subject?.code ?? '',
      subjectKind: subject?.kind ?? 'enterprise',
      matter: matter?.name.zh ?? '',
      materialsDeadline: fields.materialsDeadline,
      missingMaterials: fields.missingMaterials,
      year: Number(this.today().slice(0, 4)),
    });
  }

  /** The matter's deadline for missing materials from a signing date, in working days. */
  defaultDeadline(matterCode: string, signingDate: string): string {
    const matter = findMatter(this.matters, matterCode);
    if (!matter || matter.missingMaterialsDays === 0 || signingDate === '') return '';
    return materialsDeadline(signingDate, matter.missingMaterialsDays, this.#reference.calendar()).date;
  }

  /**
   * The subject's credit state now, as the acceptance check of a commitment of `type` saves it: records,
   * earlier commitments, list entries here and on the city-wide list, and the grade.
   */
  async acceptanceCheck(subjectId: string, type: CommitmentType) {
    const [records, commitments] = await Promise.all([
      this.#records.list({ subjectId, limit: 10_000 }),
      this.list({ subjectId }),
    ]);
    const now = this.#context.clock();
    const today = chinaDateOf(now);
    const standing = this.#standing;
    const grade = standing?.gradeOf(subjectId);
    const listings = listMembershipsOf(
      standing?.listingsOf(subjectId) ?? [],
      standing?.cityEntriesOf(subjectId) ?? [],
      today,
    );
    return checkAcceptance(
      {
        records: records.items,
        listings,
        commitments,
        type,
        ...(grade
          ? { grade: { code: grade.grade, toleranceAcceptance: grade.measures.toleranceAcceptance } }
          : {}),
      },
      today,
      now.toISOString(),
    );
  }

  /** Every rule the fields break as a draft, for the form to show as the clerk types. */
  async validate(
    fields: CommitmentFields,
    newSubject: SubjectInput | null = null,
  ): Promise<ValidationIssue[]> {
    const subject = newSubject ? null : await this.#subjects.get(fields.subjectId);
    const input = this.draftInput(fields, subject ?? partyOf(newSubject), '');
    const checked = validateCommitmentInput(
      { ...input, subjectId: newSubject ? uuidv7() : input.subjectId },
      this.validationContext(subject),
    );
    return checked.ok ? [] : checked.issues;
  }

  /**
   * A new draft letter, numbered from this computer's serial block. When the party is not registered
   * yet, `newSubject` registers it: subject and commitment are written together in one journal run.
   */
  async create(
    fields: CommitmentFields,
    newSubject: SubjectInput | null = null,
  ): Promise<Validated<CommitmentDocument>> {
    const acting = actingUser(this.#context, 'commitment.create');
    if (!acting.ok) return acting;
    const steps: JournalStep[] = [];
    let subject: SubjectDocument | null;
    if (newSubject) {
      const prepared = await this.#subjects.prepareNew(newSubject);
      if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'newSubject') };
      subject = prepared.value;
      steps.push(creationOf('subjects', [subject]));
    } else {
      subject = await this.#subjects.get(fields.subjectId);
      if (!subject) return { ok: false, issues: [issue('subjectId', 'required')] };
    }
    const input = this.draftInput({ ...fields, subjectId: subject.id }, subject, '');
    const numbered = await this.#numbers.next(input.signingDate || this.today(), 1);
    if (!numbered.ok) return numbered;
    const checked = validateCommitmentInput(
      { ...input, number: numbered.numbers[0]! },
      this.validationContext(subject),
    );
    if (!checked.ok) return checked;
    const document = this.stamp(acting.session, checked.value);
    steps.push(creationOf('commitments', [document]));
    await this.#journal.run(authorOf(acting.session), steps);
    return { ok: true, value: document };
  }

  /** Changes a draft letter (after acceptance the letter is signed paper: only steps change it). */
  async update(id: string, fields: CommitmentFields): Promise<Validated<CommitmentDocument>> {
    const acting = actingUser(this.#context, 'commitment.update');
    if (!acting.ok) return acting;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    if (current.status !== 'draft') return { ok: false, issues: [issue('status', 'commitment.notDraft')] };
    const subject = await this.#subjects.get(current.subjectId);
    const input: CommitmentInput = {
      ...this.draftInput({ ...fields, subjectId: current.subjectId }, subject, current.number),
      attachments: current.attachments,
      workflow: current.workflow,
    };
    const checked = validateCommitmentInput(input, this.validationContext(subject));
    if (!checked.ok) return checked;
    const next = this.nextVersion(current, checked.value, acting.session.userId);
    await this.#journal.run(authorOf(acting.session), [this.step(current, next)]);
    return { ok: true, value: next };
  }

  /** Attaches the scanned signed letter (all files or none), while the letter is a draft or open. */
  async attach(id: string, files: readonly PickedFile[]): Promise<Validated<CommitmentDocument>> {
    const acting = actingUser(this.#context, 'commitment.update');
    if (!acting.ok) return acting;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const attachments = await this.attachments.addTo(current.attachments, files);
    if (!attachments.ok) return attachments;
    const next = this.nextVersion(
      current,
      { ...current, attachments: attachments.value },
      acting.session.userId,
    );
    await this.#journal.run(authorOf(acting.session), [this.step(current, next)]);
    return { ok: true, value: next };
  }

  /** The steps the signed-in user may take now. */
  availableActions(commitment: CommitmentDocument): CommitmentAction[] {
    const session = this.#context.session();
    return session ? availableCommitmentSteps(commitment, session) : [];
  }

  canCreate(): boolean {
    return mayAct(this.#context, 'commitment.create');
  }

  canEdit(commitment: CommitmentDocument): boolean {
    return commitment.status === 'draft' && mayAct(this.#context, 'commitment.update');
  }

  /**
   * Takes a workflow step, judged once by the workflow table. Acceptance saves the acceptance check
   * (and refuses a subject the rules exclude); a finding writes its credit-file effect in the same
   * journal run: fulfilment files its record, a breach proposes a dishonest record for review, the
   * confirmation approves it, a return sends it back.
   */
  async act(
    id: string,
    action: CommitmentAction,
    options: { note?: string; finding?: FindingFields } = {},
  ): Promise<Validated<CommitmentDocument>> {
    const session = this.#context.session();
    if (!session) return { ok: false, issues: [issue('action', 'permission.denied', { action })] };
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const now = this.#context.clock().toISOString();
    let draft: CommitmentDocument = current;
    if (action === 'accept') {
      const accepted = await this.acceptanceDraft(current);
      if (!accepted.ok) return accepted;
      draft = accepted.value;
    }
    if (action === 'fulfil' || action === 'proposeBreach') {
      const found = options.finding;
      draft = {
        ...current,
        outcome: {
          ...emptyOutcome(),
          facts: found?.facts.trim() ?? '',
          unfulfilledContent: found?.unfulfilledContent.trim() ?? '',
          actionTaken: found?.actionTaken.trim() ?? '',
          evidence: found?.evidence ?? [],
          result: action === 'fulfil' ? 'fulfilled' : (found?.result ?? ''),
          decisionDate: chinaDateOf(new Date(now)),
          decidingUnit: this.#office.officeName,
        },
      };
    }
    const stepped = takeCommitmentStep(draft, action, session, now, options.note ?? '');
    if (!stepped.ok) return stepped;
    const subject = await this.#subjects.get(current.subjectId);
    const checked = validateCommitmentInput(stepped.value, this.validationContext(subject));
    if (!checked.ok) return checked;
    let next = this.nextVersion(current, checked.value, session.userId);
    const files = {
      records: this.#records,
      reference: this.#reference,
      matters: this.matters,
      clock: this.#context.clock,
    };
    const effect = await creditFileSteps(files, current, next, action, session, now, options.note ?? '');
    if (!effect.ok) return effect;
    next = { ...next, creditRecordIds: [...next.creditRecordIds, ...effect.value.newRecordIds] };
    const audit = { action: auditActionOf[action], reason: (options.note ?? '').trim() };
    const steps: JournalStep[] = [...effect.value.steps, this.step(current, next, audit)];
    await this.#journal.run(authorOf(session), steps);
    return { ok: true, value: next };
  }

  /**
   * The yearly self-discipline campaign: a numbered draft for every active enterprise of the industries
   * that has none for this matter and year (see campaigns.ts).
   */
  runCampaign(...args: Parameters<CommitmentCampaigns['run']>): ReturnType<CommitmentCampaigns['run']> {
    return this.#campaigns.run(...args);
  }

  /** Draft letters of a campaign, of one industry's enterprises when `industry` is given. */
  campaignDrafts(campaign: string, industry?: Industry): Promise<CommitmentDocument[]> {
    return this.#campaigns.drafts(campaign, industry);
  }

  /** The keys of the campaigns letters were generated for, newest year first. */
  campaigns(): Promise<string[]> {
    return this.#campaigns.keys();
  }

  /** Marks signed letters as they come back, each accepted on its own (see campaigns.ts). */
  markSigned(
    ...args: Parameters<CommitmentCampaigns['markSigned']>
  ): ReturnType<CommitmentCampaigns['markSigned']> {
    return this.#campaigns.markSigned(...args);
  }

  /**
   * The letter as acceptance saves it: the subject's credit state checked (a deregistered or excluded
   * subject refused) and the accepting unit named.
   */
  private async acceptanceDraft(current: CommitmentDocument): Promise<Validated<CommitmentDocument>> {
    const subject = await this.#subjects.get(current.subjectId);
    if (subject?.status === 'deregistered') {
      return { ok: false, issues: [issue('subjectId', 'commitment.subjectDeregistered')] };
    }
    const check = needsAcceptanceCheck(current.type)
      ? await this.acceptanceCheck(current.subjectId, current.type)
      : null;
    if (check && !check.eligible) {
      return { ok: false, issues: exclusionIssues(check) };
    }
    return {
      ok: true,
      value: {
        ...current,
        acceptanceCheck: check,
        acceptingUnit: current.acceptingUnit || this.#office.officeName,
      },
    };
  }

  /** A draft signed and accepted, judged as `act` judges acceptance; nothing is written here. */
  private async signedAcceptance(
    current: CommitmentDocument,
    signingDate: string,
    session: SignedInSession,
  ): Promise<Validated<CommitmentDocument>> {
    const subject = await this.#subjects.get(current.subjectId);
    const accepted = await this.acceptanceDraft({
      ...current,
      signatory: current.signatory || subject?.legalRepresentative || '',
      signingDate,
    });
    if (!accepted.ok) return accepted;
    const draft = accepted.value;
    const now = this.#context.clock().toISOString();
    const stepped = takeCommitmentStep(draft, 'accept', session, now);
    if (!stepped.ok) return stepped;
    const checked = validateCommitmentInput(stepped.value, this.validationContext(subject));
    if (!checked.ok) return checked;
    return { ok: true, value: this.nextVersion(current, checked.value, session.userId) };
  }

  /**
   * Open commitments whose deadline for missing materials passed since this computer last asked (once
   * each): what the reminder announces. The first call only notes the day.
   */
  async deadlinesPassedSinceLastCheck(): Promise<CommitmentDocument[]> {
    const today = this.today();
    const lastChecked = await this.#local.getSetting<string>(deadlineCheckSetting);
    await this.#local.setSetting(deadlineCheckSetting, today);
    if (lastChecked === undefined || lastChecked >= today) return [];
    return deadlinesPassed(await this.list({ open: true }), lastChecked, today);
  }

  /** Earlier versions, newest first. */
  history(id: string): Promise<HistoryEntry[]> {
    return this.#local.historyOf('commitments', id);
  }

  /** Where this computer numbers from, and how many numbers it has left today. */
  serialBlockState(): Promise<SerialBlockState> {
    return this.#numbers.state();
  }

  /** Asks the platform for one more serial block for this computer (county administrators). */
  requestSerialBlock(): ReturnType<CommitmentNumbers['requestBlock']> {
    return this.#numbers.requestBlock();
  }

  private draftInput(
    fields: CommitmentFields,
    subject: Pick<SubjectDocument, 'id' | 'kind' | 'name' | 'code'> | null,
    number: string,
  ): CommitmentInput {
    return {
      ...emptyCommitmentInput(),
      ...fields,
      reason: fields.reason.trim(),
      signatory: fields.signatory.trim(),
      missingMaterials: fields.missingMaterials.map((m) => m.trim()).filter((m) => m !== ''),
      number,
      subjectId: subject?.id ?? fields.subjectId,
      subjectKind: subject?.kind ?? 'enterprise',
      subjectName: subject?.name ?? '',
      subjectCode: subject?.code ?? '',
      acceptingUnit: this.#office.officeName,
    };
  }

  private validationContext(subject: Pick<SubjectDocument, 'status'> | null) {
    return {
      matterLists: this.#reference.matterLists(),
      today: this.today(),
      ...(subject ? { subject: { status: subject.status } } : {}),
    };
  }

  private stamp(session: SignedInSession, input: CommitmentInput): CommitmentDocument {
    const now = this.#context.clock().toISOString();
    const { userId, county } = session;
    return {
      ...input,
      id: uuidv7(this.#context.clock().getTime()),
      county,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
      updatedBy: userId,
    };
  }

  private nextVersion(previous: CommitmentDocument, input: CommitmentInput, by: string): CommitmentDocument {
    return {
      ...input,
      id: previous.id,
      county: previous.county,
      createdAt: previous.createdAt,
      createdBy: previous.createdBy,
      updatedAt: this.#context.clock().toISOString(),
      updatedBy: by,
    };
  }

  private step(
    before: CommitmentDocument,
    after: CommitmentDocument,
    audit?: UpdateStep['audit'],
  ): UpdateStep {
    return { kind: 'update', collection: 'commitments', before, after, ...(audit ? { audit } : {}) };
  }
}

function partyOf(
  input: SubjectInput | null,
): Pick<SubjectDocument, 'id' | 'kind' | 'name' | 'code' | 'status'> | null {
  return input
    ? { id: '', kind: input.kind, name: input.name, code: input.code, status: input.status }
    : null;
}
