/**
 * Fields of an inspections-collection document derived from its content and kept at its top level, so
 * the rectification list, the dashboard's inspection figures and the lists behind them read through
 * indexes instead of every inspection. The device sets them on every write; the platform refuses a
 * document whose fields disagree with its content. None depends on the workday calendar or the county's
 * settings (they change): "late for publicity" is read as a range of `unpublishedSince` up to the day
 * `latestLateClosing` computes from today.
 */
import { addDays } from '../base/calendar/dates.ts';
import { addWorkingDays, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { type InspectionDocument, indexFieldNames } from './document.ts';
import { closedOn, publicationOf } from './publicity.ts';

export interface InspectionIndexFields {
  /** The earliest deadline of an open rectification order; '' when none is open. */
  openDeadline: string;
  /** The earliest deadline of any of its rectification orders; '' when it has none. */
  firstDeadline: string;
  /** The month (YYYY-MM) a submitted or closed inspection's visit ended; '' for a draft. */
  doneMonth: string;
  /** The day a closed inspection closed while no publication of its result is recorded; '' otherwise. */
  unpublishedSince: string;
}

/** The lower bound of an index range that leaves out '' ("none"): every date is above it. */
export const anyDate = '0';

type Indexed = { kind: string } & Partial<
  Pick<InspectionDocument, 'state' | 'steps' | 'endedAt' | 'rectifications'>
>;

const earliest = (dates: readonly string[]) =>
  dates.reduce((min, date) => (min === '' || date < min ? date : min), '');

/** The derived fields of a document; all '' for the kinds other than `inspection`. */
export function indexFieldsOf(doc: Indexed): InspectionIndexFields {
  if (doc.kind !== 'inspection') {
    return { openDeadline: '', firstDeadline: '', doneMonth: '', unpublishedSince: '' };
  }
  const orders = doc.rectifications ?? [];
  const flow = { state: doc.state ?? 'draft', steps: doc.steps ?? [] };
  const closed = closedOn(flow);
  return {
    openDeadline: earliest(orders.filter((order) => order.state === 'open').map((order) => order.deadline)),
    firstDeadline: earliest(orders.map((order) => order.deadline)),
    doneMonth: flow.state === 'draft' ? '' : (doc.endedAt ?? '').slice(0, 7),
    unpublishedSince: closed !== '' && publicationOf(flow) === null ? closed : '',
  };
}

/** The document with its derived fields set from its content. */
export function withIndexFields<T extends Indexed>(doc: T): T & InspectionIndexFields {
  return { ...doc, ...indexFieldsOf(doc) };
}

/**
 * The derived fields that disagree with the document's content. Issue code `inspection.indexField`
 * (params: the field and the value its content gives).
 */
export function indexFieldIssues(doc: Record<string, unknown>): ValidationIssue[] {
  const expected = indexFieldsOf(doc as Indexed);
  return indexFieldNames
    .filter((field) => doc[field] !== expected[field])
    .map((field) => issue(field, 'inspection.indexField', { field, expected: expected[field] }));
}

/**
 * The latest closing day whose publicity deadline (`days` working days after it) is already past on
 * `today`: an unpublished inspection closed on or before it is late (publicity.ts `isPublicityLate`).
 */
export function latestLateClosing(today: string, calendar: WorkdayCalendar, days: number): string {
  let day = addDays(today, -1);
  while (addWorkingDays(day, days, calendar).date >= today) day = addDays(day, -1);
  return day;
}
