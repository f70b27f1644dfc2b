/**
 * The 双公示 reporting deadline: a licence or penalty decision is reported to the credit platform within
 * 7 working days of the decision (the number is configurable).
 *
 * Reading of "within n working days of the decision": the decision day itself does not count; the first
 * working day after it is day 1, and the deadline is the n-th working day, inclusive. A decision on
 * Friday 2026-03-06 with n = 7 is due by Tuesday 2026-03-17; reporting on that day is on time.
 */
import { addWorkingDays, type CalendarWarning, type WorkdayCalendar } from '../base/calendar/workdays.ts';

export const defaultReportingDays = 7;

/** The last day on which a decision of `decisionDate` can be reported on time. */
export function reportingDeadline(
  decisionDate: string,
  calendar: WorkdayCalendar,
  days: number = defaultReportingDays,
): { date: string; warnings: CalendarWarning[] } {
  return addWorkingDays(decisionDate, days, calendar);
}

/**
 * Whether a report on `reportedDate` misses the deadline. For a decision not yet reported, pass today's
 * date: the answer is then whether it is already overdue.
 */
export function isLate(
  decisionDate: string,
  reportedDate: string,
  calendar: WorkdayCalendar,
  days: number = defaultReportingDays,
): { late: boolean; deadline: string; warnings: CalendarWarning[] } {
  const deadline = reportingDeadline(decisionDate, calendar, days);
  return { late: reportedDate > deadline.date, deadline: deadline.date, warnings: deadline.warnings };
}
