/**
 * The working-day calendar: weekends are days off, official holidays are days off even on weekdays, and
 * make-up working days (调休上班) are working days even on weekends. A year the calendar does not hold is
 * treated as weekends-only, and every answer that touched such a year carries a `calendarMissingYear`
 * warning so the UI can ask for the newer calendar.
 */
import { baseDocumentProperties, type BaseDocument, type StampFields, stampFields } from '../document.ts';
import { issue, type Validated, type ValidationIssue } from '../validation.ts';
import { isRealDate } from '../identifiers.ts';
import { fromDayNumber, isWeekend, toDayNumber, yearOf } from './dates.ts';
import { type HolidayYear, shippedHolidayYears } from './holidays.ts';

export interface CalendarYear {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

export interface WorkdayCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
}

export interface CalendarWarning {
  code: 'calendarMissingYear';
  params: { year: number };
}

/** A `reference` collection document of kind `holidayCalendar`: one year of the official calendar. */
export interface HolidayCalendarDocument extends BaseDocument, HolidayYear {
  kind: 'holidayCalendar';
}

export type HolidayCalendarInput = Omit<HolidayCalendarDocument, StampFields>;

export const holidayCalendarLimits = { minYear: 2000, maxYear: 2100, maxDates: 120, source: 200 } as const;

/** Checks a calendar document: real dates inside its year, workdays on weekends, no date listed twice. */
export function validateHolidayCalendar(input: HolidayCalendarInput): Validated<HolidayCalendarInput> {
  const issues: ValidationIssue[] = [];
  if (input.kind !== 'holidayCalendar') issues.push(issue('kind', 'oneOf'));
  const { minYear, maxYear } = holidayCalendarLimits;
  if (!Number.isInteger(input.year) || input.year < minYear || input.year > maxYear) {
    issues.push(issue('year', 'holidayCalendar.year', { min: minYear, max: maxYear }));
  }
  if (input.source.length > holidayCalendarLimits.source) {
    issues.push(issue('source', 'tooLong', { max: holidayCalendarLimits.source }));
  }
  const seen = new Set<string>();
  for (const list of ['holidays', 'workdays'] as const) {
    if (input[list].length > holidayCalendarLimits.maxDates) {
      issues.push(issue(list, 'holidayCalendar.tooManyDates', { max: holidayCalendarLimits.maxDates }));
    }
    input[list].forEach((date, index) => {
      const field = `${list}.${index}`;
      if (!isRealDate(date)) {
        issues.push(issue(field, 'dateFormat'));
        return;
      }
      if (yearOf(date) !== input.year) issues.push(issue(field, 'holidayCalendar.outsideYear', { date }));
      if (seen.has(date)) issues.push(issue(field, 'holidayCalendar.duplicate', { date }));
      seen.add(date);
      if (list === 'workdays' && !isWeekend(date)) {
        issues.push(issue(field, 'holidayCalendar.workdayNotWeekend', { date }));
      }
    });
  }
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

export interface BuiltCalendar {
  calendar: WorkdayCalendar;
  /** Loaded documents that failed validation and were left out. */
  rejected: { id: string; issues: ValidationIssue[] }[];
}

/**
 * Builds the calendar from the shipped years plus calendars loaded from the `reference` collection.
 * A valid loaded document replaces the shipped data for its year; among several for one year the most
 * recently updated wins.
 */
export function buildWorkdayCalendar(
  loaded: readonly HolidayCalendarDocument[] = [],
  shipped: readonly HolidayYear[] = shippedHolidayYears,
): BuiltCalendar {
  const years = new Map<number, CalendarYear>();
  for (const year of shipped) years.set(year.year, toCalendarYear(year));
  const rejected: BuiltCalendar['rejected'] = [];
  const newestFirst = [...loaded].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const replaced = new Set<number>();
  for (const doc of newestFirst) {
    const result = validateHolidayCalendar(doc);
    if (!result.ok) {
      rejected.push({ id: doc.id, issues: result.issues });
    } else if (!replaced.has(doc.year)) {
      replaced.add(doc.year);
      years.set(doc.year, toCalendarYear(doc));
    }
  }
  return { calendar: { years }, rejected };
}

function toCalendarYear(year: HolidayYear): CalendarYear {
  return { holidays: new Set(year.holidays), workdays: new Set(year.workdays) };
}

/** Collects at most one warning per missing year. */
class WarningLog {
  readonly warnings: CalendarWarning[] = [];
  missing(year: number): void {
    if (!this.warnings.some((w) => w.params.year === year)) {
      this.warnings.push({ code: 'calendarMissingYear', params: { year } });
    }
  }
}

/** Whether a day, given by its day number, is a working day. */
function working(day: number, calendar: WorkdayCalendar, log: WarningLog): boolean {
  const date = fromDayNumber(day);
  const weekday = (((day + 4) % 7) + 7) % 7;
  const weekend = weekday === 0 || weekday === 6;
  const year = calendar.years.get(yearOf(date));
  if (!year) {
    log.missing(yearOf(date));
    return !weekend;
  }
  if (year.workdays.has(date)) return true;
  if (year.holidays.has(date)) return false;
  return !weekend;
}

export function isWorkingDay(
  date: string,
  calendar: WorkdayCalendar,
): { working: boolean; warnings: CalendarWarning[] } {
  const log = new WarningLog();
  return { working: working(toDayNumber(date), calendar, log), warnings: log.warnings };
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). `date` itself never counts:
 * the first working day after it is day 1. With `n = 0` the date is returned unchanged.
 */
export function addWorkingDays(
  date: string,
  n: number,
  calendar: WorkdayCalendar,
): { date: string; warnings: CalendarWarning[] } {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer: ${n}`);
  const log = new WarningLog();
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (working(day, calendar, log)) left--;
  }
  return { date: fromDayNumber(day), warnings: log.warnings };
}

/**
 * The number of working-day steps from `from` to `to`, the inverse of `addWorkingDays`: forwards it counts
 * the working days in (from, to], backwards those in [to, from), negated. So `workingDaysBetween(d, t)` is
 * `n` exactly when `addWorkingDays(d, n)` is `t`, for `t` a working day.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkdayCalendar,
): { days: number; warnings: CalendarWarning[] } {
  const log = new WarningLog();
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [first, last, sign] = end >= start ? [start + 1, end, 1] : [end, start - 1, -1];
  let days = 0;
  for (let day = first; day <= last; day++) {
    if (working(day, calendar, log)) days++;
  }
  return { days: sign * days, warnings: log.warnings };
}

/** The JSON schema of a `holidayCalendar` document in the `reference` collection (RxDB format, plain data). */
export const holidayCalendarJsonSchema = {
  title: 'holidayCalendar',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: ['holidayCalendar'], maxLength: 20 },
    year: {
      type: 'integer',
      minimum: holidayCalendarLimits.minYear,
      maximum: holidayCalendarLimits.maxYear,
      multipleOf: 1,
    },
    holidays: {
      type: 'array',
      maxItems: holidayCalendarLimits.maxDates,
      items: { type: 'string', maxLength: 10 },
    },
    workdays: {
      type: 'array',
      maxItems: holidayCalendarLimits.maxDates,
      items: { type: 'string', maxLength: 10 },
    },
    source: { type: 'string', maxLength: holidayCalendarLimits.source },
  },
  required: [...stampFields, 'kind', 'year', 'holidays', 'workdays', 'source'],
  indexes: ['updatedAt', ['kind', 'year']],
  additionalProperties: false,
} as const;
