/**
 * The inspection figures of the dashboard: plans drawn this month and how many of their assigned
 * inspections are done, inspections done this month, open and overdue rectification orders, and closed
 * inspections whose result is late for publication (一公开, publicity.ts).
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import type { WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument, PlanDocument } from './document.ts';
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
