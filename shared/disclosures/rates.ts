/**
 * The three 双公示 performance rates an office is judged on (each should reach 100%). No official
 * definitions were found; CreditDesk uses these, over the decisions made in a period [from, to]
 * (decision dates inclusive, simple-procedure penalties left out as they are never published):
 *
 *   reporting rate (上报率)   = decisions reported / decisions made in the period
 *   compliance rate (合规率)  = reported records passing every field rule / reported records
 *   timeliness rate (及时率)  = reported records reported by their deadline / reported records
 *
 * The deadline is `reportingDeadline` (7 working days by default); a record whose dates cannot be read
 * counts as late. Rates are fractions in [0, 1], null
 * when nothing is in the denominator.
 */
import {
  type DisclosureDocument,
  type DisclosureKind,
  type DisclosureRules,
  defaultDisclosureRules,
  validateDisclosureInput,
} from './model.ts';
import { isRealDate } from '../base/identifiers.ts';
import { defaultReportingDays, isLate } from './deadlines.ts';
import type { CalendarWarning, WorkdayCalendar } from '../base/calendar/workdays.ts';

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when the denominator is 0. */
  rate: number | null;
  /** Ids of the records counted in the numerator. */
  numeratorIds: string[];
  /** Ids of the records counted in the denominator. */
  denominatorIds: string[];
  /** Denominator records missing from the numerator: what keeps the rate below 100%. */
  shortfallIds: string[];
}

export interface DisclosureRates {
  reporting: Rate;
  compliance: Rate;
  timeliness: Rate;
  warnings: CalendarWarning[];
}

export interface RatePeriod {
  from: string;
  to: string;
  /** Only this kind; both when omitted. */
  kind?: DisclosureKind;
  /** YYYY-MM-DD: the validators' "not in the future" bound. */
  today: string;
  calendar: WorkdayCalendar;
  deadlineDays?: number;
  rules?: DisclosureRules;
}

export function computeDisclosureRates(
  records: readonly DisclosureDocument[],
  period: RatePeriod,
): DisclosureRates {
  const decided = records.filter(
    (r) =>
      !r.simpleProcedure &&
      (period.kind === undefined || r.kind === period.kind) &&
      r.decisionDate >= period.from &&
      r.decisionDate <= period.to,
  );
  const reported = decided.filter((r) => r.reportedAt !== '');
  const compliant = reported.filter(
    (r) => validateDisclosureInput(r, period.today, period.rules ?? defaultDisclosureRules).ok,
  );
  const warnings: CalendarWarning[] = [];
  const timely = reported.filter((r) => {
    if (!isRealDate(r.decisionDate) || !isRealDate(r.reportedAt)) return false;
    const check = isLate(
      r.decisionDate,
      r.reportedAt,
      period.calendar,
      period.deadlineDays ?? defaultReportingDays,
    );
    for (const warning of check.warnings) {
      if (!warnings.some((w) => w.params.year === warning.params.year)) warnings.push(warning);
    }
    return !check.late;
  });
  return {
    reporting: rate(reported, decided),
    compliance: rate(compliant, reported),
    timeliness: rate(timely, reported),
    warnings,
  };
}

function rate(numerator: readonly DisclosureDocument[], denominator: readonly DisclosureDocument[]): Rate {
  const numeratorIds = numerator.map((r) => r.id);
  const counted = new Set(numeratorIds);
  return {
    numerator: numerator.length,
    denominator: denominator.length,
    rate: denominator.length === 0 ? null : numerator.length / denominator.length,
    numeratorIds,
    denominatorIds: denominator.map((r) => r.id),
    shortfallIds: denominator.filter((r) => !counted.has(r.id)).map((r) => r.id),
  };
}
