/**
 * Issuing credit reports on this computer: reads the subject's file, assembles and prints the report,
 * records it in the audit trail (`printReport`, with its code and the PDF's SHA-256: this device's report
 * registry) and registers it on the platform, now or on a later connection ("pending registration").
 *
 * Why the audit trail and not a collection: an issued report is never edited, the entry is hash-chained
 * and already syncs to the platform, and the action existed for exactly this.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { CaseDocument } from '../../shared/cases/model.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import type { SubjectCreditFile } from '../../shared/reports/file.ts';
import { newVerificationCode, reportNumber } from '../../shared/reports/code.ts';
import {
  assembleReport,
  checkReportRequest,
  type ReportPurpose,
  type ReportVariant,
} from '../../shared/reports/report.ts';
import type { ReportRegistrationResponse } from '../../shared/reports/protocol.ts';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { issue, type ValidationIssue } from '../../shared/base/validation.ts';
import { toHex } from '../../shared/base/security/encoding.ts';
import { randomBytes, sha256 } from '../../shared/base/security/webCrypto.ts';
import type { AppServices } from '../app/services.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import { loadPrintFont } from '../kernel/pdf/font.ts';
import { authorize } from '../kernel/security/permissions.ts';
import { PlatformError } from '../kernel/sync/platformClient.ts';
import { printCreditReport } from './printReport.ts';

export type ReportServiceDependencies = Pick<
  AppServices,
  | 'db'
  | 'listings'
  | 'subjects'
  | 'creditRecords'
  | 'disclosures'
  | 'reference'
  | 'audit'
  | 'context'
  | 'sync'
  | 'local'
  | 'office'
>;

export interface ReportOrder {
  variant: ReportVariant;
  purpose?: ReportPurpose;
  period: { from: string; to: string };
}

/** Where a report's registration on the platform stands. */
export type RegistrationState =
  | { state: 'registered'; registeredAt: string }
  | { state: 'pending' }
  /** The platform refused it for good (e.g. a subject of another county). */
  | { state: 'refused'; reason: string };

export interface IssuedReport {
  entryId: string;
  code: string;
  reportNumber: string;
  subjectId: string;
  subjectName: string;
  variant: ReportVariant;
  purpose: ReportPurpose | '';
  period: { from: string; to: string };
  issuedAt: string;
  issuedBy: string;
  contentHash: string;
  registration: RegistrationState;
}

/** A page of issued reports; `more`: reports go on past `total`, which was not counted further. */
export interface ReportPage {
  total: number;
  more: boolean;
  items: IssuedReport[];
}

export type IssueOutcome =
  | { ok: true; report: IssuedReport; bytes: Uint8Array; pages: number; missingCharacters: string[] }
  | { ok: false; issues: ValidationIssue[] };

const registrationsSetting = 'reportRegistrations';
/** The instant of the oldest report left pending at the last registration (every older one is settled). */
const pendingSinceSetting = 'reportsPendingSince';
/** Reports read at a time while registering. */
const registrationBatch = 100;
type Receipts = Record<string, { registeredAt: string } | { refused: string }>;

/** The `after` of a printReport entry. */
interface PrintedReportFacts {
  code: string;
  reportNumber: string;
  contentHash: string;
  subjectName: string;
  variant: ReportVariant;
  purpose: ReportPurpose | '';
  from: string;
  to: string;
  issuedAt: string;
}

export class ReportService {
  readonly #deps: ReportServiceDependencies;
  readonly #font: () => Promise<Uint8Array>;
  #fontBytes: Promise<Uint8Array> | null = null;

  constructor(deps: ReportServiceDependencies, font: () => Promise<Uint8Array> = () => loadPrintFont()) {
    this.#deps = deps;
    this.#font = font;
  }

  /** The shipped print font, loaded once. */
  font(): Promise<Uint8Array> {
    this.#fontBytes ??= this.#font();
    return this.#fontBytes;
  }

  /** The subject's file as this office holds it, or null for a subject this computer does not hold. */
  async subjectFile(subjectId: string): Promise<SubjectCreditFile | null> {
    const { subjects, creditRecords, disclosures, reference, db, listings } = this.#deps;
    const subject = await subjects.get(subjectId);
    if (!subject) return null;
    const bySubject = { selector: { subjectId } };
    const [records, decisions, commitments, inspections, cases] = await Promise.all([
      creditRecords.list({ subjectId, limit: Number.MAX_SAFE_INTEGER }),
      disclosures.list({ subjectId }),
      db.commitments.find(bySubject).exec(),
      db.inspections.find(bySubject).exec(),
      db.cases.find(bySubject).exec(),
    ]);
    const grades = listings.grades;
    const today = chinaDateOf(this.#deps.context.clock());
    const result = grades.gradeOf(subjectId);
    const model = grades.modelFor(subject.industry);
    const definition = result && model.grades.find((grade) => grade.code === result.grade);
    return {
      subject,
      creditRecords: records.items,
      disclosures: decisions.map((row) => row.disclosure),
      catalog: reference.catalog(),
      commitments: commitments.map((doc) => doc.toJSON() as CommitmentDocument),
      listings: grades.listingsOf(subjectId),
      cityListEntries: grades.cityEntriesOf(subjectId, today),
      grade: result && definition ? { result, gradeName: definition.name, modelName: model.name } : null,
      inspections: inspections.map((doc) => doc.toJSON() as InspectionDocument),
      cases: cases.map((doc) => doc.toJSON() as CaseDocument),
    };
  }

  /** Issues a report: prints it, records it, and registers it on the platform when reachable. */
  async issue(subjectId: string, order: ReportOrder): Promise<IssueOutcome> {
    const authorized = authorize(this.#deps.context.session(), 'report.print');
    if (!authorized.ok) return authorized;
    const problems = checkReportRequest(order);
    if (problems.length > 0) return { ok: false, issues: problems.map((code) => issue('report', code)) };
    const file = await this.subjectFile(subjectId);
    if (!file) return { ok: false, issues: [issue('subjectId', 'reports.subjectNotHeld')] };
    const now = this.#deps.context.clock();
    const today = chinaDateOf(now);
    const code = newVerificationCode(randomBytes);
    const number = reportNumber(this.#deps.office.county, today, code);
    const report = assembleReport(file, {
      ...order,
      issuedAt: now.toISOString(),
      today,
      officeName: this.#deps.office.officeName,
      reportNumber: number,
      verificationCode: code,
    });
    const printed = await printCreditReport(report, {
      fontBytes: await this.font(),
      platformUrl: this.#deps.sync.status.enrollment?.platformUrl ?? null,
    });
    const contentHash = toHex(await sha256(printed.bytes));
    const facts: PrintedReportFacts = {
      code,
      reportNumber: number,
      contentHash,
      subjectName: file.subject.name,
      variant: order.variant,
      purpose: order.purpose ?? '',
      from: order.period.from,
      to: order.period.to,
      issuedAt: report.issuedAt,
    };
    const entry = await this.#deps.audit.append(authorized.session.userId, {
      action: 'printReport',
      collectionName: 'subjects',
      documentId: subjectId,
      after: { ...facts },
    });
    const issued = issuedReport(entry, { state: 'pending' });
    return {
      ok: true,
      report: { ...issued, registration: await this.#register(issued) },
      bytes: printed.bytes,
      pages: printed.pages,
      missingCharacters: printed.missingCharacters,
    };
  }

  /** The reports of one subject issued on this computer, newest first, with their registration state. */
  async list(subjectId: string): Promise<IssuedReport[]> {
    const entries = await this.#deps.audit.search({ action: 'printReport', documentId: subjectId });
    const receipts = await this.#receipts();
    return entries.map((entry) => issuedReport(entry, receiptState(receipts[String(entry.after?.code)])));
  }

  /**
   * One page of the reports issued on this computer, newest first, with their registration state, and how
   * many there are, counted up to a cap (`more`: the count stopped there).
   */
  async page(
    query: { offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<ReportPage> {
    const found = await this.#deps.audit.actionPage('printReport', { ...query, countUpTo: caps.matches });
    const receipts = await this.#receipts();
    return {
      total: found.total,
      more: found.more,
      items: found.entries.map((entry) =>
        issuedReport(entry, receiptState(receipts[String(entry.after?.code)])),
      ),
    };
  }

  /**
   * Registers the reports still pending (after a sync, or when the list is opened): those issued since
   * the oldest report left pending last time, oldest first, a batch at a time.
   */
  async registerPending(): Promise<number> {
    if (!this.#deps.sync.status.enrollment) return 0;
    const local = this.#deps.local;
    const from = (await local.getSetting<string>(pendingSinceSetting)) ?? '';
    let registered = 0;
    let oldestPending: string | null = null;
    let lastSeen = from;
    for (let offset = 0; ; offset += registrationBatch) {
      const batch = await this.#deps.audit.actionPage('printReport', {
        from,
        oldestFirst: true,
        offset,
        limit: registrationBatch,
        countUpTo: 0,
      });
      const receipts = await this.#receipts();
      for (const entry of batch.entries) {
        lastSeen = entry.at;
        const report = issuedReport(entry, receiptState(receipts[String(entry.after?.code)]));
        if (report.registration.state !== 'pending') continue;
        const state = (await this.#register(report)).state;
        if (state === 'registered') registered++;
        if (state === 'pending') oldestPending ??= entry.at;
      }
      if (batch.entries.length < registrationBatch) break;
    }
    await local.setSetting(pendingSinceSetting, oldestPending ?? lastSeen);
    return registered;
  }

  async #register(report: IssuedReport): Promise<RegistrationState> {
    if (!this.#deps.sync.status.enrollment) return { state: 'pending' };
    let receipt: ReportRegistrationResponse;
    try {
      receipt = await this.#deps.sync.registerReport({
        code: report.code,
        contentHash: report.contentHash,
        subjectId: report.subjectId,
        reportNumber: report.reportNumber,
        officeName: this.#deps.office.officeName,
        issuedAt: report.issuedAt,
      });
    } catch (error) {
      const refused =
        error instanceof PlatformError &&
        (error.errorName === 'reportSubjectOutsideCounty' || error.errorName === 'reportCodeTaken');
      if (!refused) return { state: 'pending' };
      await this.#saveReceipt(report.code, { refused: error.errorName! });
      return { state: 'refused', reason: error.errorName! };
    }
    await this.#saveReceipt(report.code, { registeredAt: receipt.registeredAt });
    return { state: 'registered', registeredAt: receipt.registeredAt };
  }

  async #receipts(): Promise<Receipts> {
    return (await this.#deps.local.getSetting<Receipts>(registrationsSetting)) ?? {};
  }

  async #saveReceipt(code: string, receipt: Receipts[string]): Promise<void> {
    const local = this.#deps.local;
    await local.transaction('rw', local.settings, async () => {
      await local.setSetting(registrationsSetting, { ...(await this.#receipts()), [code]: receipt });
    });
  }
}

function receiptState(receipt: Receipts[string] | undefined): RegistrationState {
  if (!receipt) return { state: 'pending' };
  return 'refused' in receipt
    ? { state: 'refused', reason: receipt.refused }
    : { state: 'registered', registeredAt: receipt.registeredAt };
}

function issuedReport(entry: AuditEntry, registration: RegistrationState): IssuedReport {
  const facts = (entry.after ?? {}) as unknown as PrintedReportFacts;
  return {
    entryId: entry.id,
    code: facts.code,
    reportNumber: facts.reportNumber,
    subjectId: entry.documentId,
    subjectName: facts.subjectName,
    variant: facts.variant,
    purpose: facts.purpose,
    period: { from: facts.from, to: facts.to },
    issuedAt: facts.issuedAt,
    issuedBy: entry.userId,
    contentHash: facts.contentHash,
    registration,
  };
}
