/**
 * Publicity (一公开) of inspection results: each closed inspection's result summary is due for publication
 * within a configurable number of working days of its closing (default 20, the usual 双随机 rule; the
 * closing day itself does not count, as for 双公示 reporting). `latePublicity` is what a dashboard counts.
 * Not yet recorded here: the publication itself (a published date on the inspection) and its export.
 */
import { addWorkingDays, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument } from './document.ts';

export const defaultPublicityDays = 20;

/** What is published of a closed inspection: who, when, how the checklist came out, the conclusion. */
export interface PublicitySummary {
  inspectionId: string;
  subjectId: string;
  projectId: string;
  planId: string;
  /** The day it closed (YYYY-MM-DD, the close step's day in UTC+8). */
  closedOn: string;
  compliant: number;
  nonCompliant: number;
  findings: number;
  conclusion: string;
}

type Closable = Pick<
  InspectionDocument,
  'id' | 'subjectId' | 'projectId' | 'planId' | 'state' | 'steps' | 'items' | 'findings' | 'conclusion'
>;

/** The China-time calendar day of an instant. */
function chinaDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The summary of a closed inspection, or null while it is not closed. */
export function publicitySummary(inspection: Closable): PublicitySummary | null {
  const closed = inspection.steps.findLast((step) => step.action === 'close');
  if (inspection.state !== 'closed' || !closed) return null;
  return {
    inspectionId: inspection.id,
    subjectId: inspection.subjectId,
    projectId: inspection.projectId,
    planId: inspection.planId,
    closedOn: chinaDay(closed.at),
    compliant: inspection.items.filter((item) => item.result === 'compliant').length,
    nonCompliant: inspection.items.filter((item) => item.result === 'nonCompliant').length,
    findings: inspection.findings.length,
    conclusion: inspection.conclusion,
  };
}

/** The last day a closed inspection's result can be published on time. */
export function publicityDeadline(
  summary: Pick<PublicitySummary, 'closedOn'>,
  calendar: WorkdayCalendar,
  days: number = defaultPublicityDays,
): string {
  return addWorkingDays(summary.closedOn, days, calendar).date;
}

/**
 * Closed inspections whose publicity is late on `today`: not among `published` and past their deadline.
 */
export function latePublicity(
  inspections: readonly Closable[],
  options: { today: string; calendar: WorkdayCalendar; published: ReadonlySet<string>; days?: number },
): (PublicitySummary & { deadline: string })[] {
  return inspections.flatMap((inspection) => {
    const summary = publicitySummary(inspection);
    if (!summary || options.published.has(summary.inspectionId)) return [];
    const deadline = publicityDeadline(summary, options.calendar, options.days);
    return options.today > deadline ? [{ ...summary, deadline }] : [];
  });
}
