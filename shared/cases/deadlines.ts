/**
 * Working-day deadlines of cases, all configurable, counted on the holiday calendar
 * (shared/base/calendar/workdays.ts): the day a state's clock starts does not count, the n-th working day
 * after it is the last day. Defaults: a repair application is accepted within 3 working days and decided
 * within 10 working days of its acceptance (Order No. 58's 10 days, kept by Order No. 36's offices); an
 * objection is taken up within 3 working days and decided within 10 working days of being raised; a
 * published penalty an objection revoked is withdrawn from publication within 3 working days
 * (Administrative Penalty Law Art. 48; its Art. 85 counts its days as working days). A corrected one stays
 * published, amended (penaltyCorrection.ts).
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import { addWorkingDays, type CalendarWarning, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import { type CaseDocument, type CaseKind, type CaseStatus, initialCaseStatus } from './model.ts';
import { caseTransition, isCaseOpen } from './workflow.ts';

/** The step out of a state is due `days` working days after the case entered `from`. */
export interface CaseDeadlineRule {
  days: number;
  from: CaseStatus;
}

export interface CaseDeadlineConfig {
  repair: Partial<Record<CaseStatus, CaseDeadlineRule>>;
  objection: Partial<Record<CaseStatus, CaseDeadlineRule>>;
  /** Working days to withdraw a published penalty an objection revoked. */
  withdrawPublication: number;
}

export const defaultCaseDeadlines: CaseDeadlineConfig = {
  repair: {
    applied: { days: 3, from: 'applied' },
    accepted: { days: 10, from: 'accepted' },
    reviewed: { days: 10, from: 'accepted' },
  },
  objection: {
    raised: { days: 3, from: 'raised' },
    reviewed: { days: 10, from: 'raised' },
  },
  withdrawPublication: 3,
};

type Dated = Pick<CaseDocument, 'kind' | 'status' | 'applicationDate' | 'workflow'>;

/** The day the case entered `state` (its application date for the first state); '' when it never did. */
export function enteredOn(doc: Dated, state: CaseStatus): string {
  const first = doc.kind === 'repair' ? 'applied' : 'raised';
  if (state === first) return doc.applicationDate;
  const step = doc.workflow.findLast((entry) => caseTransition(doc.kind, entry.action)?.to === state);
  return step ? chinaDateOf(step.at) : '';
}

/** The last day for the next step of an open case; null for a closed case or a state without a deadline. */
export function caseDeadline(
  doc: Dated,
  calendar: WorkdayCalendar,
  config: CaseDeadlineConfig = defaultCaseDeadlines,
): { date: string; warnings: CalendarWarning[] } | null {
  if (!isCaseOpen(doc.status)) return null;
  const rule = config[doc.kind as CaseKind][doc.status];
  const start = rule ? enteredOn(doc, rule.from) : '';
  return rule && start ? addWorkingDays(start, rule.days, calendar) : null;
}

/**
 * What the open queue reads a state's cases in application order by: the deadline the case would have if
 * the state's clock started on its application day. When the clock does start then (`exact`), that is the
 * case's deadline; otherwise the clock starts at a later step, taken after the application, so this is the
 * earliest the deadline can be. Null when the state has no deadline.
 */
export function deadlineFromApplication(
  kind: CaseKind,
  status: CaseStatus,
  applicationDate: string,
  calendar: WorkdayCalendar,
  config: CaseDeadlineConfig = defaultCaseDeadlines,
): { date: string; exact: boolean } | null {
  const rule = config[kind][status];
  if (!rule || !isCaseOpen(status) || applicationDate === '') return null;
  const date = addWorkingDays(applicationDate, rule.days, calendar).date;
  return { date, exact: rule.from === initialCaseStatus(kind) };
}

/** The outcome that revokes a published record, so its publication must be withdrawn. */
export function revokesPublication(doc: Pick<CaseDocument, 'kind' | 'status'>): boolean {
  return doc.kind === 'objection' && doc.status === 'revoked';
}

/** The last day to withdraw the publication of a penalty the case revoked; null when none is due. */
export function withdrawalDeadline(
  doc: Dated,
  calendar: WorkdayCalendar,
  config: CaseDeadlineConfig = defaultCaseDeadlines,
): { date: string; warnings: CalendarWarning[] } | null {
  if (!revokesPublication(doc)) return null;
  const decided = enteredOn(doc, doc.status);
  return decided ? addWorkingDays(decided, config.withdrawPublication, calendar) : null;
}
