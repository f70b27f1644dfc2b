import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { RxDocument } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { isLate } from '../../shared/disclosures/deadlines.ts';
import {
  judgeReportingStep,
  type ReportingRequest,
  reportedAtAfter,
} from '../../shared/disclosures/reporting.ts';
import { derivePenaltyRecord } from '../../shared/disclosures/derivation.ts';
import { computeDisclosureRates, type DisclosureRates } from '../../shared/disclosures/rates.ts';
import type { CalendarWarning } from '../../shared/base/calendar/workdays.ts';
import { isRealDate } from '../../shared/base/identifiers.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import {
  type DisclosureDocument,
  type DisclosureInput,
  type DisclosureKind,
  disclosureKinds,
  emptyDisclosureInput,
  partyCodeField,
  standardFieldCode,
  validateDisclosureInput,
} from '../../shared/disclosures/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import type { ReportingPeriod } from '../../shared/disclosures/file.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CreditDeskDatabase, DisclosureCollection } from '../kernel/db/database.ts';
import type { HistoryEntry, LocalStore } from '../kernel/db/localStore.ts';
import { authorOf, creationOf, type JournalStep, WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import { CreditRecordRepository, keepExpiring } from '../creditRecords/repository.ts';
import { AttachmentStore } from '../kernel/attachments.ts';
import { DisclosureFiles } from './disclosureFiles.ts';
import { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import { afterFirstScreen } from '../kernel/idle.ts';
import type { CountCaps } from '../kernel/db/listCounts.ts';
import { type DisclosurePageQuery, disclosurePage } from './disclosurePages.ts';

/** The reporting deadline of a decision and whether it is (or was) missed. */
export interface DisclosureTiming {
  deadline: string;
  /** Reported after the deadline, or not reported and the deadline has passed. */
  late: boolean;
  warnings: CalendarWarning[];
}

export interface DisclosureRow {
  disclosure: DisclosureDocument;
  timing: DisclosureTiming;
}

export interface DisclosureQuery {
  kind?: DisclosureKind;
  /** Decision dates, inclusive. */
  from?: string;
  to?: string;
  timing?: 'late' | 'onTime';
  reported?: boolean;
  subjectId?: string;
  /** Only these records (the list behind a rate). */
  ids?: readonly string[];
}

/** An i18n key with its parameters: why a penalty yielded no credit record, or what happened to it. */
export interface DerivationNote {
  key: string;
  params?: Record<string, string>;
}

export interface DisclosureSaved {
  disclosure: DisclosureDocument;
  /** The credit record derived from the penalty, when there is one. */
  record: CreditRecordDocument | null;
  note: DerivationNote | null;
}

/** The deciding authority and source unit the clerk entered last, offered again on the next form. */
const authoritySetting = 'disclosureAuthority';
const authorityFields = ['authority', 'authorityCode', 'sourceUnit', 'sourceUnitCode'] as const;
type AuthorityDefaults = Pick<DisclosureInput, (typeof authorityFields)[number]>;

/** The only way UI code reads and writes 双公示 licences and penalties. */
export class DisclosureRepository {
  private readonly collection: DisclosureCollection;
  private readonly local: LocalStore;
  private readonly subjects: SubjectRepository;
  private readonly reference: ReferenceRepository;
  private readonly records: CreditRecordRepository;
  private readonly journal: WriteJournal;
  private readonly context: RepositoryContext;
  /** The standard reporting files: export and import. */
  readonly files: DisclosureFiles;

  constructor(
    collection: DisclosureCollection,
    local: LocalStore,
    dependencies: {
      subjects: SubjectRepository;
      reference: ReferenceRepository;
      records: CreditRecordRepository;
      journal: WriteJournal;
    },
    context: RepositoryContext,
  ) {
    this.collection = collection;
    this.local = local;
    this.subjects = dependencies.subjects;
    this.reference = dependencies.reference;
    this.records = dependencies.records;
    this.journal = dependencies.journal;
    this.files = new DisclosureFiles(this, dependencies, context);
    this.context = context;
  }

  get changes$(): Observable<void> {
    return this.collection.$.pipe(map(() => undefined));
  }

  watch(id: string): Observable<DisclosureDocument | null> {
    return this.collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc) : null)));
  }

  async get(id: string): Promise<DisclosureDocument | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  /** A blank form of the kind, the party taken from the subject and the authority from the last entry. */
  async draftFor(kind: DisclosureKind, subjectId = ''): Promise<DisclosureInput> {
    const draft = { ...emptyDisclosureInput(kind), decisionDate: this.today() };
    const authority = await this.local.getSetting<AuthorityDefaults>(authoritySetting);
    if (authority) for (const field of authorityFields) draft[field] = authority[field] ?? '';
    const subject = subjectId ? await this.subjects.get(subjectId) : null;
    return subject ? withParty(draft, subject) : draft;
  }

  /** The deadline of a decision and whether it is late, today. */
  timing(disclosure: Pick<DisclosureInput, 'decisionDate' | 'reportedAt'>): DisclosureTiming {
    if (!isRealDate(disclosure.decisionDate)) return { deadline: '', late: false, warnings: [] };
    const reported = disclosure.reportedAt || this.today();
    const check = isLate(disclosure.decisionDate, reported, this.reference.calendar());
    return { deadline: check.deadline, late: check.late, warnings: check.warnings };
  }

  /** Licences and penalties matching the query, newest decision first, each with its deadline. */
  async list(query: DisclosureQuery = {}): Promise<DisclosureRow[]> {
    const docs = query.ids ? await this.byIds(query.ids) : await this.inPeriod(query);
    return docs
      .filter(
        (doc) =>
          (query.kind === undefined || doc.kind === query.kind) &&
          (query.subjectId === undefined || doc.subjectId === query.subjectId) &&
          (query.reported === undefined || (doc.reportedAt !== '') === query.reported),
      )
      .map((disclosure) => ({ disclosure, timing: this.timing(disclosure) }))
      .filter((row) => query.timing === undefined || row.timing.late === (query.timing === 'late'))
      .sort(
        (a, b) =>
          b.disclosure.decisionDate.localeCompare(a.disclosure.decisionDate) ||
          b.disclosure.createdAt.localeCompare(a.disclosure.createdAt),
      );
  }

  /** One page of the 双公示 list through the collection's indexes (disclosurePages.ts), each with its deadline. */
  async page(
    query: DisclosurePageQuery,
    caps?: CountCaps,
  ): Promise<{ total: number; more: boolean; rows: DisclosureRow[] }> {
    const found = await disclosurePage(this.collection, (doc) => this.timing(doc).late, query, caps);
    const rows = found.items.map((disclosure) => ({ disclosure, timing: this.timing(disclosure) }));
    return { total: found.total, more: found.more, rows };
  }

  /** 上报率, 合规率 and 及时率 over the decisions of a period, with the ids behind every number. */
  async rates(period: ReportingPeriod & { kind?: DisclosureKind }): Promise<DisclosureRates> {
    const docs = await this.inPeriod(period);
    return computeDisclosureRates(docs, {
      ...period,
      today: this.today(),
      calendar: this.reference.calendar(),
    });
  }

  /** Field rules as the repository applies them on save, for forms to show as the clerk types. */
  async validate(input: DisclosureInput): Promise<ValidationIssue[]> {
    const checked = await this.check(input);
    return checked.ok ? [] : checked.issues;
  }

  /**
   * Records a licence or penalty for a registered subject. A penalty also files the dishonest credit
   * record it calls for (a draft, linked both ways), unless the rules exclude it from publicity.
   */
  async create(input: DisclosureInput): Promise<Validated<DisclosureSaved>> {
    const acting = actingUser(this.context, 'disclosure.create');
    if (!acting.ok) return acting;
    const checked = await this.check({ ...input, reportedAt: '', derivedRecordId: '' });
    if (!checked.ok) return checked;
    const disclosure = this.stamp(acting.session, checked.value);
    const derived = this.derive(acting.session, disclosure, checked.subject);
    if (derived.record) disclosure.derivedRecordId = derived.record.id;
    await this.journal.run(authorOf(acting.session), [
      { kind: 'create', collection: 'disclosures', docs: [disclosure] },
      ...(derived.record ? [creationOf('creditRecords', [derived.record])] : []),
    ]);
    await this.rememberAuthority(disclosure);
    return { ok: true, value: { disclosure, record: derived.record, note: derived.note } };
  }

  /**
   * Changes a decision not yet reported. A penalty's derived record follows while it is still a draft;
   * one already under review or approved keeps its content (the note says so).
   */
  async update(id: string, input: DisclosureInput): Promise<Validated<DisclosureSaved>> {
    const acting = actingUser(this.context, 'disclosure.editDraft');
    if (!acting.ok) return acting;
    const current = await this.collection.findOne(id).exec();
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const previous = plain(current);
    if (previous.reportedAt !== '') {
      return { ok: false, issues: [issue('reportedAt', 'disclosure.alreadyReported')] };
    }
    const checked = await this.check({
      ...input,
      kind: previous.kind,
      reportedAt: '',
      derivedRecordId: previous.derivedRecordId,
    });
    if (!checked.ok) return checked;
    const next: DisclosureDocument = {
      ...previous,
      ...checked.value,
      updatedAt: this.clock().toISOString(),
      updatedBy: acting.session.userId,
    };

    let record: CreditRecordDocument | null = null;
    let note: DerivationNote | null = null;
    const steps: JournalStep[] = [
      { kind: 'update', collection: 'disclosures', before: previous, after: next },
    ];
    const linked = previous.derivedRecordId ? await this.records.get(previous.derivedRecordId) : null;
    if (linked && linked.status !== 'draft') {
      record = linked;
      note = { key: 'creditUi.derivation.kept', params: { status: linked.status } };
    } else if (linked) {
      const derivation = derivePenaltyRecord(next, this.reference.catalog(), {
        industry: checked.subject.industry,
      });
      if (derivation.outcome !== 'derived') {
        return { ok: false, issues: [issue('severity', 'disclosure.derivedRecordExists')] };
      }
      const refreshed = await this.records.prepareDerivedRefresh(linked.id, derivation.record);
      if (!refreshed.ok) return refreshed;
      record = refreshed.value.after;
      steps.push({ kind: 'update', collection: 'creditRecords', ...refreshed.value });
    } else {
      const derived = this.derive(acting.session, next, checked.subject);
      if (derived.record) {
        next.derivedRecordId = derived.record.id;
        steps.push(creationOf('creditRecords', [derived.record]));
      }
      record = derived.record;
      note = derived.note;
    }
    await this.journal.run(authorOf(acting.session), steps);
    return { ok: true, value: { disclosure: next, record, note } };
  }

  /** Records that the decision was reported to the credit platform on `date` (today by default). */
  markReported(id: string, date = this.today()): Promise<Validated<DisclosureDocument>> {
    return this.takeReportingStep(id, { step: 'report', date });
  }

  /** Changes the recorded reporting date of a reported decision; the reason goes to the audit trail. */
  correctReport(id: string, date: string, reason: string): Promise<Validated<DisclosureDocument>> {
    return this.takeReportingStep(id, { step: 'correctReport', date, reason });
  }

  /** Makes a reported decision unreported again; the reason goes to the audit trail. */
  withdrawReport(id: string, reason: string): Promise<Validated<DisclosureDocument>> {
    return this.takeReportingStep(id, { step: 'withdrawReport', reason });
  }

  /** One reporting step, judged by the reporting workflow (shared/disclosures/reporting.ts). */
  private async takeReportingStep(
    id: string,
    request: ReportingRequest,
  ): Promise<Validated<DisclosureDocument>> {
    const session = this.context.session();
    if (!session)
      return { ok: false, issues: [issue('action', 'permission.denied', { action: 'disclosure.submit' })] };
    const current = await this.collection.findOne(id).exec();
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const previous = plain(current);
    const refused = judgeReportingStep(previous, request, session, this.today());
    if (refused.some((found) => found.code === 'workflow.notPermitted')) {
      return { ok: false, issues: [issue('action', 'permission.denied', { action: 'disclosure.submit' })] };
    }
    if (request.step === 'report' && refused.some((found) => found.code === 'workflow.illegalTransition')) {
      return { ok: false, issues: [issue('reportedAt', 'disclosure.alreadyReported')] };
    }
    if (refused.length > 0) return { ok: false, issues: refused };
    const reportedAt = reportedAtAfter(request);
    const checked = validateDisclosureInput({ ...previous, reportedAt }, this.today());
    if (!checked.ok) return checked;
    const next: DisclosureDocument = {
      ...previous,
      reportedAt,
      updatedAt: this.clock().toISOString(),
      updatedBy: session.userId,
    };
    const reason = request.reason?.trim() ?? '';
    await this.journal.run(authorOf(session), [
      {
        kind: 'update',
        collection: 'disclosures',
        before: previous,
        after: next,
        ...(request.step === 'report' ? {} : { audit: { action: 'statusChange' as const, reason } }),
      },
    ]);
    return { ok: true, value: next };
  }

  /** Earlier versions, newest first. */
  async history(id: string): Promise<HistoryEntry[]> {
    const entries = await this.local.historyOf('disclosures', id);
    return Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        snapshot: await this.context.personalData.open('disclosures', entry.snapshot),
      })),
    );
  }

  canCreate(): boolean {
    return mayAct(this.context, 'disclosure.create');
  }

  /** Whether the signed-in user may change the decision (not reported yet, role allows). */
  canEdit(disclosure: DisclosureDocument): boolean {
    return disclosure.reportedAt === '' && mayAct(this.context, 'disclosure.editDraft');
  }

  canReport(disclosure: DisclosureDocument): boolean {
    return disclosure.reportedAt === '' && mayAct(this.context, 'disclosure.submit');
  }

  /** Whether the signed-in user may correct or withdraw the decision's reporting. */
  canChangeReport(disclosure: DisclosureDocument): boolean {
    return disclosure.reportedAt !== '' && mayAct(this.context, 'disclosure.submit');
  }

  /** Exporting the reporting file is part of reporting (上报), the clerk's step `disclosure.submit`. */
  canExport(): boolean {
    return mayAct(this.context, 'disclosure.submit');
  }

  private clock(): Date {
    return this.context.clock();
  }

  private today(): string {
    return chinaDateOf(this.clock());
  }

  /** Field rules, plus the subject: it must exist and hold the party's code. */
  private async check(
    input: DisclosureInput,
  ): Promise<
    { ok: true; value: DisclosureInput; subject: SubjectDocument } | { ok: false; issues: ValidationIssue[] }
  > {
    const checked = validateDisclosureInput(input, this.today());
    const issues = checked.ok ? [] : [...checked.issues];
    let subject: SubjectDocument | null = null;
    if (input.subjectId === '') issues.push(issue('subjectId', 'required'));
    else {
      subject = await this.subjects.get(input.subjectId);
      if (!subject) issues.push(issue('subjectId', 'notFound'));
    }
    if (subject && checked.ok) {
      const field = partyCodeField(checked.value);
      if (checked.value[field] !== subject.code) {
        const code = standardFieldCode(input.kind, field) ?? field;
        issues.push(issue(code, 'disclosure.partyCodeMismatch', { name: subject.name }));
      }
    }
    if (issues.length > 0 || !checked.ok || !subject) return { ok: false, issues };
    return { ok: true, value: checked.value, subject };
  }

  /** The draft credit record a penalty calls for, stamped and validated, or a note why there is none. */
  derive(
    session: SignedInSession,
    penalty: DisclosureDocument,
    subject: SubjectDocument,
  ): { record: CreditRecordDocument | null; note: DerivationNote | null } {
    if (penalty.kind !== 'penalty') return { record: null, note: null };
    const derivation = derivePenaltyRecord(penalty, this.reference.catalog(), { industry: subject.industry });
    if (derivation.outcome === 'excluded') {
      return { record: null, note: { key: `credit.derivation.${derivation.reason}` } };
    }
    if (derivation.outcome === 'noCatalogItem') {
      const params = { severity: derivation.severity, subjectType: derivation.subjectType };
      return { record: null, note: { key: 'credit.derivation.noCatalogItem', params } };
    }
    const id = uuidv7(this.clock().getTime());
    const prepared = this.records.prepareDerived(session, id, derivation.record);
    if (!prepared.ok) {
      const params = { field: prepared.issues[0]!.field };
      return { record: null, note: { key: 'creditUi.derivation.refused', params } };
    }
    return { record: prepared.value, note: null };
  }

  /** A new decision document of the signed-in user (nothing is written). */
  stamp(session: SignedInSession, input: DisclosureInput): DisclosureDocument {
    const now = this.clock();
    const stamp = now.toISOString();
    const { userId, county } = session;
    return {
      ...input,
      id: uuidv7(now.getTime()),
      county,
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: userId,
      updatedBy: userId,
    };
  }

  private async rememberAuthority(input: DisclosureInput): Promise<void> {
    const defaults = Object.fromEntries(authorityFields.map((field) => [field, input[field]]));
    await this.local.setSetting(authoritySetting, defaults);
  }

  /** Which of these document numbers already name a decision of the kind. */
  async documentNumbersTaken(kind: DisclosureKind, numbers: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(numbers)];
    if (unique.length === 0) return new Set();
    const found = await this.collection.find({ selector: { documentNumber: { $in: unique } } }).exec();
    return new Set(found.filter((doc) => doc.kind === kind).map((doc) => doc.documentNumber));
  }

  private async byIds(ids: readonly string[]): Promise<DisclosureDocument[]> {
    const found = await this.collection.findByIds([...ids]).exec();
    return [...found.values()].map(plain);
  }

  /**
   * The decisions of a kind (or all) decided in a period, inclusive; one subject's through the subject's
   * index.
   */
  async inPeriod(query: {
    kind?: DisclosureKind;
    from?: string;
    to?: string;
    subjectId?: string;
  }): Promise<DisclosureDocument[]> {
    const decisionDate: Record<string, string> = {};
    if (query.from) decisionDate.$gte = query.from;
    if (query.to) decisionDate.$lte = query.to;
    const dated = Object.keys(decisionDate).length > 0 ? { decisionDate } : {};
    if (query.subjectId !== undefined) {
      const found = await this.collection.find({ selector: { subjectId: query.subjectId, ...dated } }).exec();
      return found.map(plain);
    }
    const kinds = query.kind ? [query.kind] : disclosureKinds;
    const found = await Promise.all(
      kinds.map((kind) => this.collection.find({ selector: { kind, ...dated } }).exec()),
    );
    return found.flat().map(plain);
  }
}

function withParty(draft: DisclosureInput, subject: SubjectDocument): DisclosureInput {
  const party: Partial<DisclosureInput> =
    subject.kind === 'enterprise'
      ? { partyCategory: '01', partyUscc: subject.code, legalRepresentative: subject.legalRepresentative }
      : { partyCategory: '02', partyIdType: '01', partyIdNumber: subject.code };
  return { ...draft, ...party, subjectId: subject.id, partyName: subject.name };
}

function plain(doc: RxDocument<DisclosureDocument>): DisclosureDocument {
  return doc.toJSON() as DisclosureDocument;
}

export interface CreditRepositories {
  reference: ReferenceRepository;
  /** Groups of writes across collections; unfinished ones are finished when the workspace opens. */
  journal: WriteJournal;
  attachments: AttachmentStore;
  creditRecords: CreditRecordRepository;
  disclosures: DisclosureRepository;
}

/**
 * Opens the credit-file repositories of a profile: seeds the default catalog when the profile holds none
 * yet, and keeps moving records whose publicity ended out of public view.
 */
export async function openCreditRepositories(options: {
  db: CreditDeskDatabase;
  local: LocalStore;
  context: RepositoryContext;
  subjects: SubjectRepository;
  county: string;
}): Promise<CreditRepositories> {
  const { db, local, context, subjects } = options;
  const reference = await ReferenceRepository.open(db.reference);
  const journal = new WriteJournal(db, local, context);
  await reference.seedDefaultCatalog(options.county, journal);
  const attachments = new AttachmentStore(local, context.personalData, context.clock);
  await journal.replay();
  const creditRecords = new CreditRecordRepository(db.creditRecords, local, reference, context, {
    attachments,
    journal,
  });
  const disclosures = new DisclosureRepository(
    db.disclosures,
    local,
    { subjects, reference, records: creditRecords, journal },
    context,
  );
  void creditRecords.loadCounts();
  afterFirstScreen(() => void creditRecords.words.build());
  keepExpiring(creditRecords, context.clock);
  return { reference, journal, attachments, creditRecords, disclosures };
}
