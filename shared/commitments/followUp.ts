/**
 * Following up commitments (践诺跟踪): the deadline for missing materials in working days, with the same
 * holiday calendar as the 双公示 7-working-day rule (domain/credit/workdays.ts), and the due-soon /
 * overdue queue.
 *
 * Reading of "supply within n working days": the signing day does not count; the first working day after
 * it is day 1 and the deadline is the n-th working day, inclusive — the reading deadlines.ts uses.
 */
import {
  addWorkingDays,
  type CalendarWarning,
  type WorkdayCalendar,
  workingDaysBetween,
} from '../base/calendar/workdays.ts';
import type { CommitmentDocument } from './model.ts';
import { openStatuses } from './types.ts';

/** Working days left at which an open deadline counts as due soon. */
export const defaultDueSoonDays = 2;

/** The last day to supply missing materials for a letter signed on `signingDate`. */
export function materialsDeadline(
  signingDate: string,
  workingDays: number,
  calendar: WorkdayCalendar,
): { date: string; warnings: CalendarWarning[] } {
  return addWorkingDays(signingDate, workingDays, calendar);
}

export type FollowUpState =
  | { state: 'closed' | 'noDeadline' }
  | { state: 'pending' | 'dueSoon'; deadline: string; workingDaysLeft: number }
  | { state: 'overdue'; deadline: string; workingDaysOverdue: number };

type Followed = Pick<CommitmentDocument, 'status' | 'materialsDeadline'>;

/** Where an open commitment stands on `today`: the deadline day itself is still on time. */
export function followUpState(
  commitment: Followed,
  today: string,
  calendar: WorkdayCalendar,
  dueSoonDays: number = defaultDueSoonDays,
): FollowUpState & { warnings: CalendarWarning[] } {
  if (!openStatuses.includes(commitment.status)) return { state: 'closed', warnings: [] };
  const deadline = commitment.materialsDeadline;
  if (deadline === '') return { state: 'noDeadline', warnings: [] };
  const { days, warnings } = workingDaysBetween(today, deadline, calendar);
  if (today > deadline) {
    return { state: 'overdue', deadline, workingDaysOverdue: Math.max(1, -days), warnings };
  }
  const state = days <= dueSoonDays ? 'dueSoon' : 'pending';
  return { state, deadline, workingDaysLeft: days, warnings };
}

export interface FollowUpEntry<T> {
  commitment: T;
  state: 'dueSoon' | 'overdue';
  deadline: string;
}

/** The due-soon and overdue commitments, most urgent (earliest deadline) first. */
export function followUpQueue<T extends Followed>(
  commitments: readonly T[],
  today: string,
  calendar: WorkdayCalendar,
  dueSoonDays: number = defaultDueSoonDays,
): { entries: FollowUpEntry<T>[]; warnings: CalendarWarning[] } {
  const entries: FollowUpEntry<T>[] = [];
  const warnings: CalendarWarning[] = [];
  for (const commitment of commitments) {
    const found = followUpState(commitment, today, calendar, dueSoonDays);
    for (const warning of found.warnings) {
      if (!warnings.some((w) => w.params.year === warning.params.year)) warnings.push(warning);
    }
    if (found.state === 'dueSoon' || found.state === 'overdue') {
      entries.push({ commitment, state: found.state, deadline: found.deadline });
    }
  }
  entries.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return { entries, warnings };
}

/**
 * Open commitments whose deadline passed after `lastChecked` and by `today` (the deadline day itself is
 * still on time): what a reminder announces once, when the app next runs after the deadline.
 */
export function deadlinesPassed<T extends Followed>(
  commitments: readonly T[],
  lastChecked: string,
  today: string,
): T[] {
  return commitments.filter(
    (c) =>
      openStatuses.includes(c.status) &&
      c.materialsDeadline !== '' &&
      c.materialsDeadline >= lastChecked &&
      c.materialsDeadline < today,
  );
}
