/**
 * Publicity (一公开) of inspection results: each closed inspection's result summary is due for publication
 * within a configurable number of working days of its closing (default 20, the usual 双随机 rule; the
 * closing day itself does not count, as for 双公示 reporting; holidays per the working-day calendar).
 * A reviewer records the publication as a `publish` step (workflows.ts) with its date and where it was
 * published; a later `publish` step corrects an earlier one, so the last one counts.
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import { addWorkingDays, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument } from './document.ts';
import { defaultPublicityDays } from './countySetting.ts';

export { checkPublicityDays, defaultPublicityDays, publicityDayLimits } from './countySetting.ts';

/** The publication of an inspection's result as last recorded. */
export interface Publication {
  /** The day it was published (YYYY-MM-DD). */
  date: string;
  /** Where: the website or notice board. */
  where: string;
  by: string;
  /** How many times it was recorded (more than once when corrected). */
  records: number;
}

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
  publication: Publication | null;
}

type Closable = Pick<
  InspectionDocument,
  'id' | 'subjectId' | 'projectId' | 'planId' | 'state' | 'steps' | 'items' | 'findings' | 'conclusion'
>;

/** The China-time day the inspection was closed, or '' while it is not closed. */
export function closedOn(doc: Pick<InspectionDocument, 'state' | 'steps'>): string {
  const closed = doc.steps.findLast((step) => step.action === 'close');
  return doc.state === 'closed' && closed ? chinaDateOf(closed.at) : '';
}

/** The last recorded publication of the inspection's result, or null while none is recorded. */
export function publicationOf(doc: Pick<InspectionDocument, 'steps'>): Publication | null {
  const records = doc.steps.filter((step) => step.action === 'publish');
  const last = records.at(-1);
  return last ? { date: last.date, where: last.note, by: last.by, records: records.length } : null;
}

/** The summary of a closed inspection, or null while it is not closed. */
export function publicitySummary(inspection: Closable): PublicitySummary | null {
  const closed = closedOn(inspection);
  if (closed === '') return null;
  return {
    inspectionId: inspection.id,
    subjectId: inspection.subjectId,
    projectId: inspection.projectId,
    planId: inspection.planId,
    closedOn: closed,
    compliant: inspection.items.filter((item) => item.result === 'compliant').length,
    nonCompliant: inspection.items.filter((item) => item.result === 'nonCompliant').length,
    findings: inspection.findings.length,
    conclusion: inspection.conclusion,
    publication: publicationOf(inspection),
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

/** Whether a closed inspection's result is unpublished on `today`, past its deadline. */
export function isPublicityLate(
  doc: Pick<InspectionDocument, 'state' | 'steps'>,
  today: string,
  calendar: WorkdayCalendar,
  days: number = defaultPublicityDays,
): boolean {
  const closed = closedOn(doc);
  if (closed === '' || publicationOf(doc)) return false;
  return today > publicityDeadline({ closedOn: closed }, calendar, days);
}

/** Closed inspections whose publicity is late on `today`, with their deadline. */
export function latePublicity(
  inspections: readonly Closable[],
  options: { today: string; calendar: WorkdayCalendar; days?: number },
): (PublicitySummary & { deadline: string })[] {
  return inspections.flatMap((inspection) => {
    const summary = publicitySummary(inspection);
    if (!summary || !isPublicityLate(inspection, options.today, options.calendar, options.days)) return [];
    return [{ ...summary, deadline: publicityDeadline(summary, options.calendar, options.days) }];
  });
}

/** The bounds of a publication date: not before the closing day, not after today. */
export function publicationDateBounds(
  doc: Pick<InspectionDocument, 'state' | 'steps'>,
  today: string,
): { notBefore: string; notAfter: string } {
  return { notBefore: closedOn(doc), notAfter: today };
}
