/**
 * A clerk's to-do list: what needs doing now, for the signed-in user's roles.
 *
 * - records awaiting her review (submitted, and she may review them under the four-eyes rule);
 * - her drafts returned by a reviewer;
 * - 双公示 decisions not yet reported whose deadline has passed, or falls within the next 3 working days,
 *   whatever period a list shows;
 * - approved records whose publicity ends within the next 30 days.
 */
import type { CreditRecordDocument } from './model.ts';
import type { DisclosureDocument } from '../disclosures/model.ts';
import { addDays } from '../base/calendar/dates.ts';
import { reportingDeadline } from '../disclosures/deadlines.ts';
import { type WorkdayCalendar, workingDaysBetween } from '../base/calendar/workdays.ts';
import { checkWorkflowAction } from './workflow.ts';

export const todoHorizon = { reportDueWorkingDays: 3, publicityEndingDays: 30 } as const;

export type TodoKind = 'awaitingReview' | 'returnedDraft' | 'reportOverdue' | 'reportDue' | 'publicityEnding';

export interface TodoItem {
  kind: TodoKind;
  collection: 'creditRecords' | 'disclosures';
  id: string;
  /** What the clerk knows the record by: its title or the decision's document number. */
  name: string;
  /** The date that makes it due: the review request, the return, the reporting deadline, publicity's end. */
  date: string;
}

export interface TodoActor {
  userId: string;
  /** May review credit records (approve or return). */
  canReview: boolean;
  /** May enter and submit credit records and report decisions. */
  canEnter: boolean;
}

type RecordFields = Pick<
  CreditRecordDocument,
  'id' | 'title' | 'status' | 'workflow' | 'createdBy' | 'publicityEnd' | 'updatedAt'
>;

/** What the user's credit records ask of her today (YYYY-MM-DD), oldest first within each kind. */
export function creditRecordTodos(
  records: readonly RecordFields[],
  actor: TodoActor,
  today: string,
): TodoItem[] {
  const items: TodoItem[] = [];
  const ending = addDays(today, todoHorizon.publicityEndingDays);
  for (const record of records) {
    const last = record.workflow.at(-1);
    const item = (kind: TodoKind, date: string): TodoItem => ({
      kind,
      collection: 'creditRecords',
      id: record.id,
      name: record.title,
      date,
    });
    if (
      record.status === 'submitted' &&
      actor.canReview &&
      checkWorkflowAction(record, 'approve', { userId: actor.userId, canApprove: true }).length === 0
    )
      items.push(item('awaitingReview', last?.at.slice(0, 10) ?? record.updatedAt.slice(0, 10)));
    if (
      record.status === 'draft' &&
      actor.canEnter &&
      record.createdBy === actor.userId &&
      last?.action === 'return'
    )
      items.push(item('returnedDraft', last.at.slice(0, 10)));
    if (record.status === 'approved' && record.publicityEnd >= today && record.publicityEnd <= ending)
      items.push(item('publicityEnding', record.publicityEnd));
  }
  return items.sort((a, b) => a.kind.localeCompare(b.kind) || a.date.localeCompare(b.date));
}

type DecisionFields = Pick<DisclosureDocument, 'id' | 'documentNumber' | 'decisionDate' | 'reportedAt'>;

/** Unreported decisions overdue or due within the next 3 working days, nearest deadline first. */
export function disclosureTodos(
  decisions: readonly DecisionFields[],
  calendar: WorkdayCalendar,
  today: string,
): TodoItem[] {
  const items: TodoItem[] = [];
  for (const decision of decisions) {
    if (decision.reportedAt !== '' || decision.decisionDate === '') continue;
    const deadline = reportingDeadline(decision.decisionDate, calendar).date;
    const kind: TodoKind | null =
      deadline < today
        ? 'reportOverdue'
        : workingDaysBetween(today, deadline, calendar).days <= todoHorizon.reportDueWorkingDays
          ? 'reportDue'
          : null;
    if (kind)
      items.push({
        kind,
        collection: 'disclosures',
        id: decision.id,
        name: decision.documentNumber,
        date: deadline,
      });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date));
}
