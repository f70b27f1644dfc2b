import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  checkAcceptance,
  listMembershipsOf,
  needsAcceptanceCheck,
} from '../../shared/commitments/acceptance.ts';
import { type CampaignOptions, type CampaignPlan, planCampaign } from '../../shared/commitments/campaign.ts';
import { creditFileEffect, republishReason, republishRepaired } from '../../shared/commitments/creditFile.ts';
import { deadlinesPassed, followUpQueue, materialsDeadline } from '../../shared/commitments/followUp.ts';
import { type CommitmentMatter, findMatter } from '../../shared/commitments/matters.ts';
import { everyMatter, matterListInForce, matterStanding } from '../../shared/commitments/matterList.ts';
import {
  type CommitmentDocument,
  type CommitmentInput,
  type CommitmentOutcome,
  emptyCommitmentInput,
  emptyOutcome,
  validateCommitmentInput,
} from '../../shared/commitments/model.ts';
import {
  lowSerialThreshold,
  type Numbering,
  nextCommitmentNumbers,
  type SerialBlock,
  serialBlock,
  serialsLeft,
} from '../../shared/commitments/numbering.ts';
import { templateDefaults } from '../../shared/commitments/templates.ts';
import { type CommitmentStatus, type CommitmentType, openStatuses } from '../../shared/commitments/types.ts';
import {
  availableCommitmentSteps,
  type CommitmentAction,
  commitmentWorkflow,
  takeCommitmentStep,
} from '../../shared/commitments/workflow.ts';
import { takeCreditRecordStep } from '../../shared/creditRecords/workflow.ts';
import type { GradeResult } from '../../shared/grading/grade.ts';
import type { CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import type { ListingDocument } from '../../shared/lists/listing.ts';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { AuditAction } from '../../shared/base/auditEntry.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
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
import type {
  DeviceProvisions,
  SerialBlockHolding,
  SerialBlockRefusal,
} from '../provisions/deviceProvisions.ts';
import type { AttachmentStore, PickedFile } from '../kernel/attachments.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import { localDate } from '../kernel/session/session.ts';

/** What the clerk enters on the form; number, party details, status and workflow are the repository's. */
const commitmentFieldNames = [
  'subjectId',
  'type',
  'matterCode',
  'reason',
  'content',
  'missingMaterials',
  'materialsDeadline',
  'liability',
  'signatory',
  'signingDate',
  'publicity',
  'repairedRecordId',
] as const satisfies readonly (keyof CommitmentInput)[];

export type CommitmentFields = Pick<CommitmentInput, (typeof commitmentFieldNames)[number]>;

export function emptyCommitmentFields(subjectId = ''): CommitmentFields {
  return fieldsOf({ ...emptyCommitmentInput(), subjectId });
}

/** The form's fields of a commitment. */
export function fieldsOf(commitment: CommitmentInput): CommitmentFields {
  return Object.fromEntries(
    commitmentFieldNames.map((field) => [field, commitment[field]]),
  ) as CommitmentFields;
}

/** A finding as the clerk enters it: the step sets result, unit and date. */
export type FindingFields = Pick<CommitmentOutcome, 'facts' | 'unfulfilledContent' | 'actionTaken'> & {
  result: CommitmentOutcome['result'];
  evidence?: Attachment[];
};

export interface CommitmentQuery {
  subjectId?: string;
  type?: CommitmentType;
  status?: CommitmentStatus;
  /** Open commitments only (accepted or with a breach awaiting confirmation). */
  open?: boolean;
  /** Due soon or overdue on the follow-up queue. */
  followUp?: 'dueSoon' | 'overdue';
  /** Only these ids (the list behind a dashboard figure). */
  ids?: readonly string[];
  text?: string;
}

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

/** This computer's serial blocks (shared/commitments/numbering.ts) and today's numbers left in them. */
export interface SerialBlockState {
  holding: SerialBlockHolding;
  blocks: SerialBlock[];
  leftToday: number;
}

/** The serials a holding numbers from: block 0 on a computer not enrolled, none while awaiting the first. */
function blocksOf(holding: SerialBlockHolding): SerialBlock[] {
  if (holding.mode === 'standalone') return [serialBlock(0)];
  return holding.mode === 'platform' ? holding.indexes.map((index) => serialBlock(index)) : [];
}

/** The local setting holding the day deadlines were last checked for the reminder. */
const deadlineCheckSetting = 'commitments.deadlinesCheckedOn';

/**
 * The only way UI code reads and writes commitments. Every write goes through the write journal; a step
 * that touches the credit file (fulfilment, breach, its confirmation) writes the commitment and its
 * credit record in the same journal run, linked both ways.
 */
export class CommitmentRepository {
  readonly #collection: CommitmentCollection;
  readonly #local: LocalStore;
  readonly #context: RepositoryContext;
  readonly #subjects: SubjectRepository;
  readonly #records: CreditRecordRepository;
  readonly #reference: ReferenceRepository;
  readonly #journal: WriteJournal;
  readonly attachments: AttachmentStore;
  readonly #office: CommitmentOffice;
  readonly #standing: SubjectStanding | undefined;
  readonly #provisions: DeviceProvisions;

  constructor(
    collection: CommitmentCollection,
    local: LocalStore,
    context: RepositoryContext,
    dependencies: CommitmentRepositoryOptions,
  ) {
    this.#collection = collection;
    this.#local = local;
    this.#context = context;
    this.#subjects = dependencies.subjects;
    this.#records = dependencies.records;
    this.#reference = dependencies.reference;
    this.#journal = dependencies.journal;
    this.attachments = dependencies.attachments;
    this.#office = dependencies.office;
    this.#standing = dependencies.standing;
    this.#provisions = dependencies.provisions;
  }

  /** Every matter the city's lists ever held (then the defaults), to name and file any commitment. */
  get matters(): readonly CommitmentMatter[] {
    return everyMatter(this.#reference.matterLists());
  }

  /** The matters a new commitment may be accepted for today: the list version in force. */
  mattersInForce(): readonly CommitmentMatter[] {
    return matterListInForce(this.#reference.matterLists(), this.today()).matters;
  }

  get changes$(): Observable<void> {
    return this.#collection.$.pipe(map(() => undefined));
  }

  watch(id: string): Observable<CommitmentDocument | null> {
    return this.#collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc) : null)));
  }

  async get(id: string): Promise<CommitmentDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  async all(): Promise<CommitmentDocument[]> {
    const docs = await this.#collection.find({ sort: [{ updatedAt: 'desc' }] }).exec();
    return docs.map(plain);
  }

  async list(query: CommitmentQuery = {}): Promise<CommitmentDocument[]> {
    const selector: MangoQuerySelector<CommitmentDocument> = {};
    if (query.subjectId) selector.subjectId = query.subjectId;
    if (query.type) selector.type = query.type;
    if (query.status) selector.status = query.status;
    if (query.open) selector.status = { $in: [...openStatuses] };
    const found = (await this.#collection.find({ selector, sort: [{ updatedAt: 'desc' }] }).exec()).map(
      plain,
    );
    const ids = query.ids ? new Set(query.ids) : null;
    const text = query.text?.trim().toLowerCase() ?? '';
    const due = query.followUp
      ? new Set(
          followUpQueue(found, this.today(), this.#reference.calendar())
            .entries.filter((entry) => entry.state === query.followUp)
            .map((entry) => entry.commitment.id),
        )
      : null;
    return found.filter(
      (c) =>
        (!ids || ids.has(c.id)) &&
        (!due || due.has(c.id)) &&
        (!text || c.number.includes(text) || c.subjectName.toLowerCase().includes(text)),
    );
  }

  /** Open commitments per subject, for the subject list's badge. */
  async openCountsBySubject(): Promise<Map<string, number>> {
    const open = await this.#collection.find({ selector: { status: { $in: [...openStatuses] } } }).exec();
    const counts = new Map<string, number>();
    for (const doc of open) counts.set(doc.subjectId, (counts.get(doc.subjectId) ?? 0) + 1);
    return counts;
  }

  today(): string {
    return localDate(this.#context.clock());
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
    const today = localDate(now);
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
    const numbered = await this.numbers(input.signingDate || this.today(), 1);
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
          decisionDate: localDate(new Date(now)),
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
    const effect = await this.creditFileSteps(current, next, action, session, now, options.note ?? '');
    if (!effect.ok) return effect;
    next = { ...next, creditRecordIds: [...next.creditRecordIds, ...effect.value.newRecordIds] };
    const audit = { action: auditActionOf[action], reason: (options.note ?? '').trim() };
    const steps: JournalStep[] = [...effect.value.steps, this.step(current, next, audit)];
    await this.#journal.run(authorOf(session), steps);
    return { ok: true, value: next };
  }

  /**
   * The yearly self-discipline campaign: a numbered draft for every active enterprise of the industries
   * that has none for this matter and year, written in chunks (progress, cancel between chunks).
   */
  async runCampaign(
    options: { matterCode: string; year: number; industries: Industry[] },
    progress?: (done: number, total: number) => boolean | undefined,
  ): Promise<Validated<{ created: CommitmentDocument[]; alreadyCommitted: number; cancelled: boolean }>> {
    const acting = actingUser(this.#context, 'commitment.create');
    if (!acting.ok) return acting;
    const standing = matterStanding(this.#reference.matterLists(), options.matterCode, this.today());
    if (standing.state !== 'inForce') {
      const refusal =
        standing.state === 'unknown'
          ? issue('matterCode', 'commitment.unknownMatter', { code: options.matterCode })
          : issue('matterCode', 'commitment.matterWithdrawn', { matter: standing.matter.name.zh });
      return { ok: false, issues: [refusal] };
    }
    const { matter } = standing;
    if (options.industries.length === 0) return { ok: false, issues: [issue('industries', 'required')] };
    const subjects = (
      await this.#subjects.list({ kind: 'enterprise', status: 'active', limit: Number.MAX_SAFE_INTEGER })
    ).items;
    const existing = await this.all();
    const date = this.today();
    const planOptions: Omit<CampaignOptions, 'blocks'> = {
      matter,
      year: options.year,
      industries: options.industries,
      division: this.#office.county,
      date,
      knownNumbers: existing.map((c) => c.number),
      acceptingUnit: this.#office.officeName,
      acceptingUnitCode: '',
    };
    const plan = await this.withSerialBlocks((blocks) =>
      planCampaign(subjects, existing, { ...planOptions, blocks }),
    );
    if (!plan.ok) return plan;
    const created: CommitmentDocument[] = [];
    const chunk = 500;
    for (let start = 0; start < plan.inputs.length; start += chunk) {
      const docs = plan.inputs.slice(start, start + chunk).map((input) => this.stamp(acting.session, input));
      await this.#journal.run(authorOf(acting.session), [creationOf('commitments', docs)]);
      created.push(...docs);
      if (progress?.(created.length, plan.inputs.length) === false) {
        return { ok: true, value: { created, alreadyCommitted: plan.alreadyCommitted, cancelled: true } };
      }
    }
    return { ok: true, value: { created, alreadyCommitted: plan.alreadyCommitted, cancelled: false } };
  }

  /** Draft letters of a campaign, of one industry's enterprises when `industry` is given. */
  async campaignDrafts(campaign: string, industry?: Industry): Promise<CommitmentDocument[]> {
    const drafts = await this.#collection.find({ selector: { campaign, status: 'draft' } }).exec();
    const letters = drafts.map(plain);
    if (!industry) return letters;
    const subjects = await Promise.all(letters.map((letter) => this.#subjects.get(letter.subjectId)));
    return letters.filter((_, index) => subjects[index]?.industry === industry);
  }

  /** The keys of the campaigns letters were generated for, newest year first. */
  async campaigns(): Promise<string[]> {
    const docs = await this.#collection.find({ selector: { campaign: { $ne: '' } } }).exec();
    return [...new Set(docs.map((doc) => doc.campaign))].sort().reverse();
  }

  /**
   * Marks signed letters as they come back (a campaign's scans): each draft gets its own acceptance step,
   * signed on `signingDate` by its signatory or the enterprise's legal representative, written in chunked
   * journal runs (progress, cancel between chunks). A letter no longer a draft is left as it is (nothing
   * twice); one the rules refuse is reported with its reasons and left a draft.
   */
  async markSigned(
    ids: readonly string[],
    signingDate: string,
    progress?: (done: number, total: number) => boolean | undefined,
  ): Promise<
    Validated<{
      signed: string[];
      alreadySigned: string[];
      refused: { id: string; number: string; issues: ValidationIssue[] }[];
      cancelled: boolean;
    }>
  > {
    const acting = actingUser(this.#context, 'commitment.create');
    if (!acting.ok) return acting;
    const { session } = acting;
    const result = {
      signed: [] as string[],
      alreadySigned: [] as string[],
      refused: [] as { id: string; number: string; issues: ValidationIssue[] }[],
      cancelled: false,
    };
    const chunk = 200;
    for (let start = 0; start < ids.length; start += chunk) {
      const steps: UpdateStep[] = [];
      for (const id of ids.slice(start, start + chunk)) {
        const current = await this.get(id);
        if (!current) continue;
        if (current.status !== 'draft') {
          result.alreadySigned.push(id);
          continue;
        }
        const signed = await this.signedAcceptance(current, signingDate, session);
        if (!signed.ok) result.refused.push({ id, number: current.number, issues: signed.issues });
        else {
          steps.push(this.step(current, signed.value, { action: auditActionOf.accept, reason: '' }));
          result.signed.push(id);
        }
      }
      if (steps.length > 0) await this.#journal.run(authorOf(session), steps);
      if (progress?.(Math.min(start + chunk, ids.length), ids.length) === false) {
        return { ok: true, value: { ...result, cancelled: true } };
      }
    }
    return { ok: true, value: result };
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
      return { ok: false, issues: [issue('acceptanceCheck', 'commitment.notEligible')] };
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
  async serialBlockState(): Promise<SerialBlockState> {
    const holding = await this.#provisions.serialBlocks();
    const blocks = blocksOf(holding);
    const known = (await this.#collection.find().exec()).map((doc) => doc.number);
    return { holding, blocks, leftToday: serialsLeft(known, this.#office.county, this.today(), blocks) };
  }

  /** Asks the platform for one more serial block for this computer (county administrators). */
  async requestSerialBlock(): Promise<
    Validated<SerialBlockState> | { ok: false; issues: ValidationIssue[]; refusal: SerialBlockRefusal }
  > {
    const acting = actingUser(this.#context, 'settings.manage');
    if (!acting.ok) return acting;
    const requested = await this.#provisions.requestSerialBlock();
    if (!requested.ok) return { ok: false, issues: [], refusal: requested };
    return { ok: true, value: await this.serialBlockState() };
  }

  /**
   * `attempt` numbered from this computer's blocks. When they do not suffice it asks the platform for
   * another block and tries again; offline it refuses (saying what to do) rather than take a number it
   * does not own. A computer not enrolled numbers from block 0 alone.
   */
  private async withSerialBlocks<T extends Numbering | CampaignPlan>(
    attempt: (blocks: SerialBlock[]) => T,
  ): Promise<T | { ok: false; issues: ValidationIssue[] }> {
    let holding = await this.#provisions.serialBlocks();
    for (;;) {
      const result = attempt(blocksOf(holding));
      const exhausted =
        !result.ok && result.issues.some((found) => found.code === 'commitment.serialBlockExhausted');
      if (!exhausted || holding.mode === 'standalone') return result;
      const more = await this.#provisions.requestSerialBlock();
      if (!more.ok) {
        return holding.mode === 'awaiting'
          ? { ok: false, issues: [issue('number', 'commitment.serialBlockAwaited')] }
          : result;
      }
      holding = await this.#provisions.serialBlocks();
    }
  }

  /** The next numbers for `date`; asks for a further block in the background once a fifth of one is left. */
  private async numbers(date: string, count: number): Promise<Numbering> {
    const known = (await this.#collection.find().exec()).map((doc) => doc.number);
    let left = 0;
    const numbered = await this.withSerialBlocks((blocks) => {
      left = serialsLeft(known, this.#office.county, date, blocks) - count;
      return nextCommitmentNumbers(known, this.#office.county, date, blocks, count);
    });
    const holding = await this.#provisions.serialBlocks();
    if (numbered.ok && holding.mode === 'platform' && left < lowSerialThreshold) {
      void this.#provisions.requestSerialBlock();
    }
    return numbered;
  }

  /** The credit-file writes of a step, and the ids of records it creates. */
  private async creditFileSteps(
    current: CommitmentDocument,
    next: CommitmentDocument,
    action: CommitmentAction,
    session: SignedInSession,
    now: string,
    note: string,
  ): Promise<Validated<{ steps: JournalStep[]; newRecordIds: string[] }>> {
    const none = { ok: true as const, value: { steps: [], newRecordIds: [] } };
    if (action === 'fulfil' || action === 'proposeBreach') {
      const repaired = next.repairedRecordId ? await this.#records.get(next.repairedRecordId) : null;
      const effect = creditFileEffect(next, this.matters, this.#reference.catalog(), {
        ...(repaired ? { repairedRecord: repaired } : {}),
      });
      if (effect.outcome === 'noCatalogItem') {
        return {
          ok: false,
          issues: [issue('outcome', 'creditRecord.unknownCatalogItem', { code: effect.code })],
        };
      }
      if (effect.outcome !== 'record') return none;
      const id = uuidv7(this.#context.clock().getTime());
      const prepared = this.#records.prepareDerived(session, id, { ...effect.record, sourceId: current.id });
      if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'creditRecord') };
      // Submitted for review at once: a dishonest record is a proposal a reviewer approves (four-eyes).
      const submitted = takeCreditRecordStep(prepared.value, 'submit', session, now);
      if (!submitted.ok) return { ok: false, issues: prefixIssues(submitted.issues, 'creditRecord') };
      return {
        ok: true,
        value: { steps: [creationOf('creditRecords', [submitted.value])], newRecordIds: [id] },
      };
    }
    const confirms = commitmentWorkflow.transitions[action].from === 'breachProposed';
    if (!confirms) return none;
    const recordStep = action === 'rejectBreach' ? 'return' : 'approve';
    const steps: JournalStep[] = [];
    for (const recordId of current.creditRecordIds) {
      const record = await this.#records.get(recordId);
      if (record?.status !== 'submitted') continue;
      const stepped = takeCreditRecordStep(record, recordStep, session, now, note);
      if (!stepped.ok) return { ok: false, issues: prefixIssues(stepped.issues, 'creditRecord') };
      const after: CreditRecordDocument = { ...stepped.value, updatedAt: now, updatedBy: session.userId };
      steps.push({
        kind: 'update',
        collection: 'creditRecords',
        before: record,
        after,
        audit: { action: recordStep === 'approve' ? 'approve' : 'reject', reason: note.trim() },
      });
    }
    if (recordStep === 'approve') {
      const republished = await this.republishSteps(current);
      if (!republished.ok) return republished;
      steps.push(...republished.value);
    }
    return { ok: true, value: { steps, newRecordIds: [] } };
  }

  /**
   * A confirmed breach of a credit-repair commitment puts the repaired record back into publicity for
   * its maximum period (「违背信用修复承诺的，按最长公示期限公示」): the record's own republish step,
   * judged by its workflow (a reviewer, four-eyes), written in the confirmation's run.
   */
  private async republishSteps(commitment: CommitmentDocument): Promise<Validated<JournalStep[]>> {
    if (commitment.type !== 'creditRepair') return { ok: true, value: [] };
    const repaired = await this.#records.get(commitment.repairedRecordId);
    // A repair not decided (or since revoked) left nothing to republish: the record is as it was.
    if (repaired?.status !== 'repaired') return { ok: true, value: [] };
    const republish = republishRepaired(repaired, this.#reference.catalog());
    if (!republish) {
      return {
        ok: false,
        issues: [
          issue('repairedRecordId', 'creditRecord.unknownCatalogItem', { code: repaired.catalogCode }),
        ],
      };
    }
    const prepared = await this.#records.prepareRepublish(
      repaired.id,
      republish.publicityEnd,
      republishReason(commitment.number),
    );
    if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'repairedRecord') };
    return { ok: true, value: [prepared.value.step] };
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

function plain(doc: { toJSON(): unknown }): CommitmentDocument {
  return doc.toJSON() as CommitmentDocument;
}

function partyOf(
  input: SubjectInput | null,
): Pick<SubjectDocument, 'id' | 'kind' | 'name' | 'code' | 'status'> | null {
  return input
    ? { id: '', kind: input.kind, name: input.name, code: input.code, status: input.status }
    : null;
}
