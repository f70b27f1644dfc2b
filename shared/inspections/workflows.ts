/**
 * The inspection and rectification workflows, as tables for the workflow engine (shared/kit/workflow.ts):
 *
 *   inspection:     draft ──submit──▶ submitted ──close──▶ closed ◀──publish──┐
 *                     ▲                   │                    └──────────────┘
 *                     └─────return────────┘
 *   rectification:  open ──confirm──▶ rectified
 *                     └──escalate──▶ escalated      (re-inspection: rectified or not)
 *
 * Inspectors record and submit; a reviewer returns (with an opinion) or closes, never the inspection's
 * author or submitter (four-eyes). A reviewer records the publication (一公开) of a closed inspection's result
 * with its date and where it was published (the step's text); a later `publish` corrects an earlier one
 * (publicity.ts reads the last). A re-inspection takes a date between the order's issue and today;
 * escalating needs the reason, which the proposed credit record carries.
 *
 * `takeStep` is what the device calls; `replayFlow` is how the platform judges a pushed document: the
 * same table and `judgeStep` for every step the push appends.
 */
import {
  judgeStep,
  replaySteps,
  type StepActor,
  transition,
  type WorkflowDocument,
  type WorkflowTable,
} from '../kit/workflow.ts';
import type { Validated, ValidationIssue } from '../base/validation.ts';
import type { Role } from '../base/security/permissions.ts';

export const inspectionStates = ['draft', 'submitted', 'closed'] as const;
export type InspectionState = (typeof inspectionStates)[number];
export const inspectionSteps = ['submit', 'return', 'close', 'publish'] as const;
export type InspectionStep = (typeof inspectionSteps)[number];

export const inspectionWorkflow: WorkflowTable<InspectionState, InspectionStep> = {
  namespace: 'inspection.workflow.action',
  states: inspectionStates,
  submitStep: 'submit',
  transitions: {
    submit: transition({ from: 'draft', to: 'submitted', permission: 'inspection.record' }),
    return: transition({
      from: 'submitted',
      to: 'draft',
      permission: 'record.approve',
      text: { kind: 'opinion', required: true },
    }),
    close: transition({
      from: 'submitted',
      to: 'closed',
      permission: 'record.approve',
      fourEyes: true,
      text: { kind: 'opinion', required: false },
    }),
    publish: transition({
      from: 'closed',
      to: 'closed',
      permission: 'export.publication',
      date: true,
      text: { kind: 'reason', required: true },
    }),
  },
};

export const rectificationStates = ['open', 'rectified', 'escalated'] as const;
export type RectificationState = (typeof rectificationStates)[number];
export const rectificationSteps = ['confirm', 'escalate'] as const;
export type RectificationStep = (typeof rectificationSteps)[number];

export const rectificationWorkflow: WorkflowTable<RectificationState, RectificationStep> = {
  namespace: 'inspection.rectification.action',
  states: rectificationStates,
  submitStep: null,
  transitions: {
    confirm: transition({
      from: 'open',
      to: 'rectified',
      permission: 'inspection.record',
      date: true,
      text: { kind: 'reason', required: false },
    }),
    escalate: transition({
      from: 'open',
      to: 'escalated',
      permission: 'inspection.record',
      date: true,
      text: { kind: 'reason', required: true },
    }),
  },
};

export interface StepEntry<Step extends string> {
  action: Step;
  by: string;
  at: string;
  note: string;
  /** The step's calendar date, for steps that take one (a re-inspection); '' otherwise. */
  date: string;
}

/** A workflow-carrying document: its state, author, steps, and the bounds of a step's date. */
export interface FlowDocument<State extends string, Step extends string> {
  state: State;
  createdBy: string;
  steps: StepEntry<Step>[];
  dateBounds?: { notBefore?: string; notAfter?: string };
}

function engineView<Step extends string>(doc: FlowDocument<string, Step>): WorkflowDocument<Step> {
  return {
    state: doc.state,
    author: doc.createdBy,
    steps: doc.steps,
    ...(doc.dateBounds ? { dateBounds: doc.dateBounds } : {}),
  };
}

/** Takes a step on the device: the document with its new state and the step appended, or the broken rules. */
export function takeStep<State extends string, Step extends string, D extends FlowDocument<State, Step>>(
  table: WorkflowTable<State, Step>,
  doc: D,
  step: { action: Step; note?: string; date?: string },
  actor: StepActor,
  at: string,
): Validated<D> {
  const note = step.note ?? '';
  const date = step.date ?? '';
  const issues = judgeStep(table, engineView(doc), { action: step.action, text: note, date }, actor);
  if (issues.length > 0) return { ok: false, issues };
  const entry: StepEntry<Step> = { action: step.action, by: actor.userId, at, note: note.trim(), date };
  return {
    ok: true,
    value: { ...doc, state: table.transitions[step.action].to, steps: [...doc.steps, entry] },
  };
}

export type RolesOf = (userId: string) => readonly Role[] | undefined;

/**
 * The platform's judgement of a pushed inspection or rectification: its steps replayed through the
 * table (shared/kit/workflow.ts `replaySteps`) as the users who took them.
 */
export function replayFlow<State extends string, Step extends string>(
  table: WorkflowTable<State, Step>,
  previous: FlowDocument<State, Step>,
  next: FlowDocument<State, Step>,
  rolesOf: RolesOf,
): ValidationIssue[] {
  const flow = (doc: FlowDocument<State, Step>) => ({
    state: doc.state,
    author: doc.createdBy,
    steps: doc.steps,
  });
  return replaySteps(
    {
      table,
      fields: { steps: 'steps', state: 'state' },
      takerOf: (userId) => rolesOf(userId) ?? 'permission.unknownUser',
      judge: (held, step, actor) =>
        judgeStep(
          table,
          engineView({ ...previous, state: held.state, steps: [...held.steps] }),
          { action: step.action, text: step.note, date: step.date },
          actor,
        ),
    },
    flow(previous),
    flow(next),
  ).issues;
}
