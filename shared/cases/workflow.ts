/**
 * The workflows of cases, as tables for the workflow engine (shared/kit/workflow.ts):
 *
 *   repair:    applied ──accept──▶ accepted ──review──▶ reviewed ──approve──▶ approved
 *                 │  └──recordNational (信用中国 reference)─────────────────▶ approved
 *                 └──notAccept──▶ refused                  └──refuse──▶ refused
 *
 *   objection: raised ──review──▶ reviewed ──correct / uphold / revoke──▶ corrected / upheld / revoked
 *
 * Every step is the reviewer's (`case.decide`) under four-eyes: the actor is neither the clerk who
 * entered the case nor anyone who entered or submitted the record it concerns. Every decision carries its
 * reason; the reviewer's opinion (审核意见) is required at review.
 */
import {
  availableSteps,
  judgeStep,
  type StepActor,
  transition,
  type WorkflowDocument,
  type WorkflowTable,
} from '../kit/workflow.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import type {
  CaseDocument,
  CaseKind,
  CaseStatus,
  CaseStep,
  ObjectionState,
  ObjectionStep,
  RepairState,
  RepairStep,
} from './model.ts';

const decide = 'case.decide' as const;
const reason = { kind: 'reason', required: true } as const;

export const repairWorkflow: WorkflowTable<RepairState, RepairStep> = {
  namespace: 'cases.step',
  states: ['applied', 'accepted', 'reviewed', 'approved', 'refused'],
  submitStep: null,
  transitions: {
    accept: transition({ from: 'applied', to: 'accepted', permission: decide, fourEyes: true }),
    notAccept: transition({
      from: 'applied',
      to: 'refused',
      permission: decide,
      fourEyes: true,
      text: reason,
    }),
    review: transition({
      from: 'accepted',
      to: 'reviewed',
      permission: decide,
      fourEyes: true,
      text: { kind: 'opinion', required: true },
    }),
    approve: transition({
      from: 'reviewed',
      to: 'approved',
      permission: decide,
      fourEyes: true,
      text: reason,
    }),
    refuse: transition({ from: 'reviewed', to: 'refused', permission: decide, fourEyes: true, text: reason }),
    recordNational: transition({
      from: 'applied',
      to: 'approved',
      permission: decide,
      fourEyes: true,
      text: reason,
      decisionDocument: true,
    }),
  },
};

export const objectionWorkflow: WorkflowTable<ObjectionState, ObjectionStep> = {
  namespace: 'cases.step',
  states: ['raised', 'reviewed', 'corrected', 'upheld', 'revoked'],
  submitStep: null,
  transitions: {
    review: transition({
      from: 'raised',
      to: 'reviewed',
      permission: decide,
      fourEyes: true,
      text: { kind: 'opinion', required: true },
    }),
    correct: transition({
      from: 'reviewed',
      to: 'corrected',
      permission: decide,
      fourEyes: true,
      text: reason,
    }),
    uphold: transition({ from: 'reviewed', to: 'upheld', permission: decide, fourEyes: true, text: reason }),
    revoke: transition({ from: 'reviewed', to: 'revoked', permission: decide, fourEyes: true, text: reason }),
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the two tables share the engine, not their step types
export function caseWorkflowOf(kind: CaseKind): WorkflowTable<any, any> {
  return kind === 'repair' ? repairWorkflow : objectionWorkflow;
}

/** The transition of a step in the case's table, or undefined when its kind has no such step. */
export function caseTransition(kind: CaseKind, action: string) {
  const table = caseWorkflowOf(kind);
  return Object.hasOwn(table.transitions, action) ? table.transitions[action] : undefined;
}

/** The states in which a case is still open. */
export function isCaseOpen(status: CaseStatus): boolean {
  return ['applied', 'accepted', 'reviewed', 'raised'].includes(status);
}

type CaseSubject = Pick<
  CaseDocument,
  'kind' | 'status' | 'createdBy' | 'workflow' | 'recordEnteredBy' | 'nationalReference'
>;

function workflowDocument(doc: CaseSubject): WorkflowDocument<CaseStep> {
  return {
    state: doc.status,
    author: doc.createdBy,
    steps: doc.workflow,
    documentNumber: doc.nationalReference,
  };
}

/**
 * Every rule the step breaks for this actor; empty when she may take it. Besides the engine's rules, a
 * user who entered or submitted the record may not decide a case about it (`workflow.fourEyes`).
 */
export function judgeCaseStep(
  doc: CaseSubject,
  action: CaseStep,
  actor: StepActor,
  note = '',
): ValidationIssue[] {
  const table = caseWorkflowOf(doc.kind);
  const issues = judgeStep(table, workflowDocument(doc), { action, text: note }, actor);
  const rule = caseTransition(doc.kind, action);
  const ownRecord =
    rule?.fourEyes === true &&
    actor.userId !== '' &&
    (doc.recordEnteredBy ?? []).includes(actor.userId) &&
    !issues.some((found) => found.code === 'workflow.fourEyes' || found.code === 'workflow.notPermitted');
  return ownRecord ? [...issues, issue('actor', 'workflow.fourEyes')] : issues;
}

/** Takes a step: the case with its new status and the step appended, or the broken rules. */
export function takeCaseStep<T extends CaseSubject>(
  doc: T,
  action: CaseStep,
  actor: StepActor,
  at: string,
  note = '',
): Validated<T> {
  const issues = judgeCaseStep(doc, action, actor, note);
  if (issues.length > 0) return { ok: false, issues };
  const to = caseTransition(doc.kind, action)!.to as CaseStatus;
  return {
    ok: true,
    value: {
      ...doc,
      status: to,
      workflow: [...doc.workflow, { action, by: actor.userId, at, note: note.trim() }],
    },
  };
}

/** The steps this actor may take now, for the buttons a page shows (own record's cases left out too). */
export function availableCaseSteps(doc: CaseSubject, actor: StepActor): CaseStep[] {
  if ((doc.recordEnteredBy ?? []).includes(actor.userId)) return [];
  return availableSteps(caseWorkflowOf(doc.kind), workflowDocument(doc), actor);
}
