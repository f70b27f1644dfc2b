/**
 * The inspection figures of the dashboard: plans drawn this month and how many of their assigned
 * inspections are done, inspections done this month, open and overdue rectification orders, and closed
 * inspections whose result is late for publication (一公开, publicity.ts).
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import type { WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument, PlanDocument } from './document.ts';
import { anyDate, latestLateClosing } from './indexFields.ts';
import { openOrders } from './orders.ts';
import { defaultPublicityDays, isPublicityLate } from './publicity.ts';

type Counted = Pick<InspectionDocument, 'state' | 'endedAt' | 'steps' | 'rectifications'>;

/** Submitted or closed inspections whose visit ended in the month of `today`. */
export function isDoneThisMonth(doc: Pick<InspectionDocument, 'state' | 'endedAt'>, today: string): boolean {
  return doc.state !== 'draft' && doc.endedAt.slice(0, 7) === today.slice(0, 7);
}

/** A plan drawn in the month of `today` (China time). */
export function isDrawnThisMonth(plan: Pick<PlanDocument, 'state' | 'steps'>, today: string): boolean {
  const drawn = plan.steps.findLast((step) => step.action === 'draw');
  return (
    plan.state === 'drawn' && drawn !== undefined && chinaDateOf(drawn.at).slice(0, 7) === today.slice(0, 7)
  );
}

type Assigned = Pick<PlanDocument, 'id' | 'plan'>;
type Inspected = Pick<InspectionDocument, 'planId' | 'subjectId' | 'state'>;

/** The assignments of these plans, and how many of them have an inspection submitted or closed. */
export function planAssignments(
  plans: readonly Assigned[],
  inspections: readonly Inspected[],
): { assigned: number; done: number } {
  const done = new Set(
    inspections.filter((doc) => doc.state !== 'draft').map((doc) => `${doc.planId}:${doc.subjectId}`),
  );
  const assignments = plans.flatMap((plan) =>
    (plan.plan.draw?.assignments ?? []).map((assignment) => `${plan.id}:${assignment.subjectId}`),
  );
  return { assigned: assignments.length, done: assignments.filter((key) => done.has(key)).length };
}

/** The figures that open a filtered inspection list (`/inspections?figure=…`). */
export const figureLists = ['doneThisMonth', 'latePublicity'] as const;
export type FigureList = (typeof figureLists)[number];

/** The range of a derived field's index (indexFields.ts) that holds the inspections a figure counts. */
export interface FigureScan {
  field: 'doneMonth' | 'unpublishedSince';
  from: string;
  to: string;
}

/**
 * Where the inspections behind a figure lie: done this month, by the month they were done; late for
 * publicity, closed unpublished on or before the latest day whose deadline has passed.
 */
export function figureScan(
  figure: FigureList,
  today: string,
  calendar: WorkdayCalendar,
  publicityDays: number = defaultPublicityDays,
): FigureScan {
  if (figure === 'doneThisMonth') {
    const month = today.slice(0, 7);
    return { field: 'doneMonth', from: month, to: month };
  }
  return { field: 'unpublishedSince', from: anyDate, to: latestLateClosing(today, calendar, publicityDays) };
}

export interface InspectionFigures {
  plansDrawn: number;
  assigned: number;
  assignedDone: number;
  doneThisMonth: number;
  openRectifications: number;
  overdueRectifications: number;
  latePublicity: number;
}

export function inspectionFigures(
  docs: readonly (Counted & Inspected)[],
  plans: readonly (Assigned & Pick<PlanDocument, 'state' | 'steps'>)[],
  today: string,
  calendar: WorkdayCalendar,
  publicityDays: number = defaultPublicityDays,
): InspectionFigures {
  const orders = docs.map((doc) => openOrders(doc, today));
  const drawn = plans.filter((plan) => isDrawnThisMonth(plan, today));
  const { assigned, done } = planAssignments(drawn, docs);
  return {
    plansDrawn: drawn.length,
    assigned,
    assignedDone: done,
    doneThisMonth: docs.filter((doc) => isDoneThisMonth(doc, today)).length,
    openRectifications: orders.reduce((sum, found) => sum + found.open.length, 0),
    overdueRectifications: orders.reduce((sum, found) => sum + found.overdue.length, 0),
    latePublicity: docs.filter((doc) => isPublicityLate(doc, today, calendar, publicityDays)).length,
  };
}
