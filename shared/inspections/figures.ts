/**
 * The inspection figures of the dashboard: inspections done this month, open and overdue rectification
 * orders, and closed inspections whose result is late for publication (一公开). Results are due for
 * publication within 20 working days of the inspection's closing (the 双随机、一公开 rule); the
 * publication date comes from the publicity capability, '' while an inspection has none.
 */
import { addWorkingDays, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument } from './document.ts';
import { openOrders } from './orders.ts';

export const publicityWorkingDays = 20;

type Counted = Pick<InspectionDocument, 'state' | 'endedAt' | 'steps' | 'rectifications'>;

/** The day the inspection was closed (YYYY-MM-DD, from its close step), or '' while it is not. */
export function closedOn(doc: Pick<InspectionDocument, 'state' | 'steps'>): string {
  if (doc.state !== 'closed') return '';
  return doc.steps.findLast((step) => step.action === 'close')?.at.slice(0, 10) ?? '';
}

/** A closed inspection not published by its deadline (20 working days after closing). */
export function isPublicityLate(
  doc: Pick<InspectionDocument, 'state' | 'steps'>,
  publishedOn: string,
  today: string,
  calendar: WorkdayCalendar,
): boolean {
  const closed = closedOn(doc);
  if (closed === '' || publishedOn !== '') return false;
  return today > addWorkingDays(closed, publicityWorkingDays, calendar).date;
}

/** Submitted or closed inspections whose visit ended in the month of `today`. */
export function isDoneThisMonth(doc: Pick<InspectionDocument, 'state' | 'endedAt'>, today: string): boolean {
  return doc.state !== 'draft' && doc.endedAt.slice(0, 7) === today.slice(0, 7);
}

export interface InspectionFigures {
  doneThisMonth: number;
  openRectifications: number;
  overdueRectifications: number;
  latePublicity: number;
}

export function inspectionFigures<Doc extends Counted>(
  docs: readonly Doc[],
  today: string,
  calendar: WorkdayCalendar,
  publishedOn: (doc: Doc) => string = () => '',
): InspectionFigures {
  const orders = docs.map((doc) => openOrders(doc, today));
  return {
    doneThisMonth: docs.filter((doc) => isDoneThisMonth(doc, today)).length,
    openRectifications: orders.reduce((sum, found) => sum + found.open.length, 0),
    overdueRectifications: orders.reduce((sum, found) => sum + found.overdue.length, 0),
    latePublicity: docs.filter((doc) => isPublicityLate(doc, publishedOn(doc), today, calendar)).length,
  };
}
