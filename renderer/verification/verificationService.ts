/**
 * Credit verification on this computer: checks a subject (or a party this county holds no file on)
 * for a matter, and records each check as a `verificationQuery` audit entry holding the result as shown,
 * its digest, the measure applied and a note.
 *
 * Why the audit trail and not a collection: a check is evidence of what was shown at that moment, so it
 * must never change; audit entries are append-only, hash-chained and already sync to the platform, and the
 * action existed for this. The checker reads her own checks back without audit-reading rights.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { checkResidentId, checkUscc, normalizeCode } from '../../shared/base/identifiers.ts';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { issue, type ValidationIssue } from '../../shared/base/validation.ts';
import { can } from '../../shared/base/security/permissions.ts';
import {
  type AppliedMeasure,
  type CheckResult,
  checkSubject,
  checkUnregistered,
  checkVerificationRecord,
  type MeasureCase,
  measureCases,
  resultDigest,
  type VerificationMatter,
  type VerificationRecord,
} from '../../shared/verification/check.ts';
import { authorize } from '../kernel/security/permissions.ts';
import type { ReportService, ReportServiceDependencies } from '../reports/reportService.ts';

export type CheckTarget = { subjectId: string } | { partyCode: string; partyName: string };

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; issues: ValidationIssue[] };

export interface SavedCheck {
  entryId: string;
  at: string;
  userId: string;
  record: VerificationRecord;
}

export class VerificationService {
  readonly #deps: ReportServiceDependencies;
  readonly #reports: ReportService;

  constructor(deps: ReportServiceDependencies, reports: ReportService) {
    this.#deps = deps;
    this.#reports = reports;
  }

  /** Runs a check; nothing is saved until `save`. */
  async check(target: CheckTarget, matter: VerificationMatter): Promise<CheckOutcome> {
    const authorized = authorize(this.#deps.context.session(), 'verification.query');
    if (!authorized.ok) return authorized;
    const input = {
      matter,
      today: chinaDateOf(this.#deps.context.clock()),
      dataAsOf: this.#deps.sync.status.lastSyncedAt ?? '',
    };
    if ('subjectId' in target) {
      const file = await this.#reports.subjectFile(target.subjectId);
      if (!file) return { ok: false, issues: [issue('subjectId', 'reports.subjectNotHeld')] };
      return { ok: true, result: checkSubject(file, input) };
    }
    const code = normalizeCode(target.partyCode);
    const isPerson =
      code.length === 18 && /^\d{17}[\dX]$/.test(code) && checkResidentId(code, input.today) === null;
    if (!isPerson && checkUscc(code) !== null) {
      return { ok: false, issues: [issue('partyCode', 'verification.partyCodeInvalid')] };
    }
    const known = await this.#deps.subjects.findByCode(code);
    if (known) return this.check({ subjectId: known.id }, matter);
    const name = target.partyName.trim();
    if (name === '') return { ok: false, issues: [issue('partyName', 'verification.partyNameRequired')] };
    return { ok: true, result: checkUnregistered({ name, code, isPerson }, input) };
  }

  /** Saves the check as shown, with the measure applied for the matter. */
  async save(
    result: CheckResult,
    measureApplied: AppliedMeasure,
    note: string,
  ): Promise<{ ok: true; saved: SavedCheck } | { ok: false; issues: ValidationIssue[] }> {
    const authorized = authorize(this.#deps.context.session(), 'verification.query');
    if (!authorized.ok) return authorized;
    const problems = checkVerificationRecord({ measureApplied, note });
    if (problems.length > 0) return { ok: false, issues: problems.map((code) => issue('measure', code)) };
    const record: VerificationRecord = {
      result,
      measureApplied,
      note: note.trim(),
      digest: await resultDigest(result),
    };
    const entry = await this.#deps.audit.appendEvidence(authorized.session.userId, {
      action: 'verificationQuery',
      collectionName: result.party.subjectId ? 'subjects' : '',
      documentId: result.party.subjectId,
      after: { ...record },
    });
    return { ok: true, saved: savedCheck(entry) };
  }

  /** The signed-in user's own checks, newest first (no audit-reading rights needed). */
  async mine(): Promise<SavedCheck[]> {
    const session = this.#deps.context.session();
    if (!session) return [];
    const entries = await this.#deps.audit.search({ action: 'verificationQuery', userId: session.userId });
    return entries.map(savedCheck);
  }

  /** One check by its entry id: the user's own, or any for those who may read the office's cases. */
  async get(entryId: string): Promise<SavedCheck | null> {
    const found = (await this.#deps.audit.search({ action: 'verificationQuery' })).find(
      (entry) => entry.id === entryId,
    );
    const session = this.#deps.context.session();
    if (!found || !session) return null;
    return found.userId === session.userId || this.maySeeOfficeCases() ? savedCheck(found) : null;
  }

  /** Reviewers and auditors list the office's cases; checkers see their own. */
  maySeeOfficeCases(): boolean {
    const roles = this.#deps.context.session()?.roles ?? [];
    return can(roles, 'audit.read') || can(roles, 'record.approve');
  }

  /** The office's joint reward-and-punishment cases (checks with a measure), newest first. */
  async cases(): Promise<MeasureCase[]> {
    const session = this.#deps.context.session();
    if (!session) return [];
    const entries = await this.#deps.audit.search({
      action: 'verificationQuery',
      ...(this.maySeeOfficeCases() ? {} : { userId: session.userId }),
    });
    return measureCases(entries.map(savedCheck));
  }
}

function savedCheck(entry: AuditEntry): SavedCheck {
  return {
    entryId: entry.id,
    at: entry.at,
    userId: entry.userId,
    record: entry.after as unknown as VerificationRecord,
  };
}
