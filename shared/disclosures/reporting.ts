/**
 * Reporting a 双公示 decision to the credit platform (上报), as a table for the workflow engine:
 *
 *   unreported ──report(date)──▶ reported ──correctReport(date, reason)──▶ reported
 *        ▲                           │
 *        └──withdrawReport(reason)───┘
 *
 * The state is the decision's `reportedAt` ('' while unreported). Every step takes the clerk's right to
 * report (`disclosure.submit`); the reporting date is the actual one, neither after today nor before the
 * decision date. Correcting and withdrawing need a reason, kept with the audit entry of the change; the
 * replaced version is kept in the edit history.
 */
import type { DisclosureDocument } from './model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { judgeStep, type StepActor, transition, type WorkflowTable } from '../kit/workflow.ts';

export const reportingStates = ['unreported', 'reported'] as const;
export type ReportingState = (typeof reportingStates)[number];

export const reportingSteps = ['report', 'correctReport', 'withdrawReport'] as const;
export type ReportingStep = (typeof reportingSteps)[number];

export const disclosureReportingWorkflow: WorkflowTable<ReportingState, ReportingStep> = {
  namespace: 'credit.workflow.action',
  states: reportingStates,
  submitStep: null,
  transitions: {
    report: transition({ from: 'unreported', to: 'reported', permission: 'disclosure.submit', date: true }),
    correctReport: transition({
      from: 'reported',
      to: 'reported',
      permission: 'disclosure.submit',
      date: true,
      text: { kind: 'reason', required: true },
    }),
    withdrawReport: transition({
      from: 'reported',
      to: 'unreported',
      permission: 'disclosure.submit',
      text: { kind: 'reason', required: true },
    }),
  },
};

export function reportingStateOf(disclosure: Pick<DisclosureDocument, 'reportedAt'>): ReportingState {
  return disclosure.reportedAt === '' ? 'unreported' : 'reported';
}

export interface ReportingRequest {
  step: ReportingStep;
  /** The actual reporting date (YYYY-MM-DD); not taken by `withdrawReport`. */
  date?: string;
  reason?: string;
}

type Reportable = Pick<DisclosureDocument, 'reportedAt' | 'decisionDate' | 'createdBy'>;

/**
 * Every rule the reporting step breaks; empty when the actor may take it. `today` bounds the date;
 * null leaves the bound to the document validators (the platform does not know the device's day).
 */
export function judgeReportingStep(
  disclosure: Reportable,
  request: ReportingRequest,
  actor: StepActor,
  today: string | null,
): ValidationIssue[] {
  const document = {
    state: reportingStateOf(disclosure),
    author: disclosure.createdBy,
    steps: [],
    dateBounds: { notBefore: disclosure.decisionDate, ...(today ? { notAfter: today } : {}) },
  };
  const step = { action: request.step, text: request.reason ?? '', date: request.date ?? '' };
  // Dates are the decision's `reportedAt`, checked with the codes the decision's own validation uses.
  return judgeStep(disclosureReportingWorkflow, document, step, actor).map((found) => {
    if (found.code === 'workflow.dateBeforeDecision')
      return issue('reportedAt', 'disclosure.reportedBeforeDecision');
    return found.field === 'date' ? { ...found, field: 'reportedAt' } : found;
  });
}

/** The disclosure after the step: its new `reportedAt`. */
export function reportedAtAfter(request: ReportingRequest): string {
  return request.step === 'withdrawReport' ? '' : (request.date ?? '');
}

/** The reporting step that turns one `reportedAt` into another; null when it did not change. */
export function reportingStepBetween(before: string, after: string): ReportingStep | null {
  if (before === after) return null;
  if (before === '') return 'report';
  return after === '' ? 'withdrawReport' : 'correctReport';
}
