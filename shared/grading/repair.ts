/**
 * Credit repair eligibility (信用修复) under NDRC Order No. 36 (2025) 《信用修复管理办法》, in force
 * 2026-04-01: a subject may apply for one dishonest record once the minimum publicity period of its tier
 * has passed (general 3 months, serious 1 year, by the record's effective publicity rule), the violation
 * is corrected and obligations performed, with a credit repair commitment (信用修复承诺). Information a
 * law, regulation or central policy document declares non-repairable never is. Review deadlines are
 * working days (defaults from Order No. 58: 10 to decide, 3 to share the result), all configurable.
 */
import { addWorkingDays, type CalendarWarning, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import {
  defaultPublicityConfig,
  earliestRepairDate,
  effectivePublicityRule,
  type PublicityConfig,
} from '../creditRecords/publicity.ts';
import { isRealDate } from '../base/identifiers.ts';
import type { CatalogItem, CreditCategory } from '../creditRecords/catalog.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';

/** Information excluded from repair, with the text that excludes it. */
export interface NonRepairableRule {
  code: string;
  /** The law, regulation or policy document that excludes it. */
  basis: string;
  catalogCodes: string[];
}

export interface RepairConfig {
  nonRepairable: readonly NonRepairableRule[];
  /** Working days from acceptance to decision. */
  decideWorkingDays: number;
  /** Working days from decision to sharing the result with the credit platforms. */
  shareWorkingDays: number;
  publicity: PublicityConfig;
}

export const defaultRepairConfig: RepairConfig = {
  nonRepairable: [],
  decideWorkingDays: 10,
  shareWorkingDays: 3,
  publicity: defaultPublicityConfig,
};

export interface RepairApplication {
  /** YYYY-MM-DD. */
  applicationDate: string;
  /** The applicant's commitment (from the commitments capability); null when none is attached. */
  commitment: { type: string } | null;
  /** The violation is corrected and every obligation (fines etc.) performed, as the proof shows. */
  obligationsPerformed: boolean;
}

export const creditRepairCommitmentType = 'creditRepair';

type RepairableRecord = Pick<CreditRecordDocument, 'catalogCode' | 'category' | 'status' | 'publicityStart'>;

/**
 * Whether the record may be repaired on the application's date. On success the value is the first day
 * repair was possible; otherwise each broken rule (`validation.repair.*`): `applicationDate`,
 * `notInPublicity`, `notDishonest`, `notRepairable` {rule, basis}, `tooEarly` {date},
 * `obligationsOutstanding`, `commitmentRequired`.
 */
export function checkRepairEligibility(
  record: RepairableRecord,
  item: Pick<CatalogItem, 'category' | 'industries' | 'publicity'>,
  categories: readonly CreditCategory[],
  application: RepairApplication,
  config: RepairConfig = defaultRepairConfig,
): Validated<{ earliest: string }> {
  if (!isRealDate(application.applicationDate)) {
    return { ok: false, issues: [issue('applicationDate', 'repair.applicationDate')] };
  }
  const issues: ValidationIssue[] = [];
  if (record.status !== 'approved') issues.push(issue('status', 'repair.notInPublicity'));
  if (!categories.find((category) => category.code === record.category)?.dishonest) {
    issues.push(issue('category', 'repair.notDishonest'));
  }
  const excluded = config.nonRepairable.find((rule) => rule.catalogCodes.includes(record.catalogCode));
  if (excluded)
    issues.push(issue('catalogCode', 'repair.notRepairable', { rule: excluded.code, basis: excluded.basis }));

  const { rule } = effectivePublicityRule(item, config.publicity);
  const earliest = earliestRepairDate(record.publicityStart, rule);
  if (application.applicationDate < earliest)
    issues.push(issue('applicationDate', 'repair.tooEarly', { date: earliest }));
  if (!application.obligationsPerformed)
    issues.push(issue('obligationsPerformed', 'repair.obligationsOutstanding'));
  if (application.commitment?.type !== creditRepairCommitmentType) {
    issues.push(issue('commitment', 'repair.commitmentRequired'));
  }
  return issues.length === 0 ? { ok: true, value: { earliest } } : { ok: false, issues };
}

/** The last day to decide an application accepted on `acceptedOn`. */
export function repairDecisionDeadline(
  acceptedOn: string,
  calendar: WorkdayCalendar,
  config: RepairConfig = defaultRepairConfig,
): { date: string; warnings: CalendarWarning[] } {
  return addWorkingDays(acceptedOn, config.decideWorkingDays, calendar);
}

/** The last day to share a repair decided on `decidedOn` with the credit platforms. */
export function repairShareDeadline(
  decidedOn: string,
  calendar: WorkdayCalendar,
  config: RepairConfig = defaultRepairConfig,
): { date: string; warnings: CalendarWarning[] } {
  return addWorkingDays(decidedOn, config.shareWorkingDays, calendar);
}
