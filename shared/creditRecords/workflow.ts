/**
 * The review workflow of credit records, as a table for the workflow engine (shared/kit/workflow.ts):
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──expire──▶ expired
 *     ▲                  │                    ↻amend ├──repair──▶ repaired ──republish──▶ approved
 *     └──return/withdraw─┘                       └──revoke──▶ revoked
 *
 * Every step appends who did it, when, and its text (`note`): the reviewer's opinion (审核意见) on
 * approve (optional) and return (required: the return reason), the reason on repair and revoke
 * (required) and on withdraw (optional). Approving, repairing and revoking follow the four-eyes rule: the
 * reviewer is neither the record's author nor the user who submitted it. Only the submitter withdraws a
 * submission, before a reviewer has acted on it. Expiry is the automatic step run by `expireRecords`
 * below. Republishing puts a repaired record back into publicity when the subject breaks its
 * credit-repair commitment (「违背信用修复承诺的，按最长公示期限公示」); it is the only step that changes
 * the record's content after approval (its publicity end), taken with the confirmed breach.
 */
import type { CreditRecordDocument, CreditRecordStatus, WorkflowAction } from './model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import {
  availableSteps,
  judgeStep,
  type StepActor,
  transition,
  type TransitionRule,
  type WorkflowDocument,
  type WorkflowTable,
} from '../kit/workflow.ts';
import type { Role } from '../base/security/permissions.ts';

export const creditRecordWorkflow: WorkflowTable<CreditRecordStatus, WorkflowAction> = {
  namespace: 'credit.workflow.action',
  states: ['draft', 'submitted', 'approved', 'expired', 'repaired', 'revoked'],
  submitStep: 'submit',
  transitions: {
    submit: transition({ from: 'draft', to: 'submitted', permission: 'record.submit' }),
    withdraw: transition({
      from: 'submitted',
      to: 'draft',
      permission: 'record.submit',
      onlySubmitter: true,
      text: { kind: 'reason', required: false },
    }),
    return: transition({
      from: 'submitted',
      to: 'draft',
      permission: 'record.approve',
      text: { kind: 'opinion', required: true },
    }),
    approve: transition({
      from: 'submitted',
      to: 'approved',
      permission: 'record.approve',
      fourEyes: true,
      text: { kind: 'opinion', required: false },
    }),
    expire: transition({ from: 'approved', to: 'expired', permission: null }),
    // Repair decides a repair application (信用修复): the authority that recorded the information
    // decides it, the reviewer's `case.decide`. `record.revoke` is the withdrawal of a published record.
    repair: transition({
      from: 'approved',
      to: 'repaired',
      permission: 'case.decide',
      fourEyes: true,
      text: { kind: 'reason', required: true },
    }),
    republish: transition({
      from: 'repaired',
      to: 'approved',
      permission: 'record.approve',
      fourEyes: true,
      text: { kind: 'reason', required: true },
    }),
    revoke: transition({
      from: 'approved',
      to: 'revoked',
      permission: 'record.revoke',
      fourEyes: true,
      text: { kind: 'reason', required: true },
    }),
    // Amend corrects an approved record's inaccurate fields on an objection's "corrected" outcome: the
    // reviewer who decides the objection, with the objection as the reason; the record stays approved.
    amend: transition({
      from: 'approved',
      to: 'approved',
      permission: 'case.decide',
      fourEyes: true,
      text: { kind: 'reason', required: true },
    }),
  },
};

type WorkflowSubject = Pick<CreditRecordDocument, 'status' | 'workflow' | 'createdBy'>;

/** The parts of a record the engine judges. */
export function creditRecordWorkflowDocument(record: WorkflowSubject): WorkflowDocument<WorkflowAction> {
  return { state: record.status, author: record.createdBy, steps: record.workflow };
}

/** Every rule the step breaks for this actor; empty when she may take it. The device and the platform ask this. */
export function judgeCreditRecordStep(
  record: WorkflowSubject,
  action: WorkflowAction,
  actor: StepActor,
  note = '',
): ValidationIssue[] {
  return judgeStep(creditRecordWorkflow, creditRecordWorkflowDocument(record), { action, text: note }, actor);
}

/**
 * Takes a workflow step: returns the record with its new status and the step appended (a new object;
 * stamps are left to the repository layer), or the broken rules.
 */
export function takeCreditRecordStep<T extends WorkflowSubject>(
  record: T,
  action: WorkflowAction,
  actor: StepActor,
  at: string,
  note = '',
): Validated<T> {
  const issues = judgeCreditRecordStep(record, action, actor, note);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      ...record,
      status: creditRecordWorkflow.transitions[action].to,
      workflow: [...record.workflow, { action, by: actor.userId, at, note: note.trim() }],
    },
  };
}

/** The steps this actor may take on the record now, for the buttons a page shows. */
export function availableCreditRecordSteps(record: WorkflowSubject, actor: StepActor): WorkflowAction[] {
  return availableSteps(creditRecordWorkflow, creditRecordWorkflowDocument(record), actor);
}

// The earlier interface, kept for its callers: an actor with one flag for the reviewer's steps.

export interface WorkflowActor {
  userId: string;
  /** The acting user's role allows reviewing credit records. */
  canApprove: boolean;
}

export interface WorkflowTransition {
  from: CreditRecordStatus;
  to: CreditRecordStatus;
  needsApprover: boolean;
  /** The reviewer may not be the record's author or submitter. */
  fourEyes: boolean;
  /** A reason or opinion must be recorded with the step. */
  needsNote: boolean;
}

function summary(rule: TransitionRule<CreditRecordStatus>): WorkflowTransition {
  return {
    from: rule.from,
    to: rule.to,
    needsApprover: rule.permission !== null && rule.permission !== 'record.submit',
    fourEyes: rule.fourEyes,
    needsNote: rule.text?.required === true,
  };
}

export const workflowTransitions: Readonly<Record<WorkflowAction, WorkflowTransition>> = Object.fromEntries(
  Object.entries(creditRecordWorkflow.transitions).map(([action, rule]) => [action, summary(rule)]),
) as Record<WorkflowAction, WorkflowTransition>;

/** The roles a flag actor stands for: the clerk's steps are the caller's to check, `canApprove` adds the reviewer's. */
function stepActor(actor: WorkflowActor): StepActor {
  const roles: Role[] = actor.canApprove ? ['clerk', 'reviewer'] : ['clerk'];
  return { userId: actor.userId, roles };
}

/** Every rule a step breaks; empty when the actor may take it. */
export function checkWorkflowAction(
  record: WorkflowSubject,
  action: WorkflowAction,
  actor: WorkflowActor,
  note = '',
): ValidationIssue[] {
  if (!Object.hasOwn(creditRecordWorkflow.transitions, action)) return [issue('action', 'oneOf')];
  return judgeCreditRecordStep(record, action, stepActor(actor), note);
}

export function applyWorkflowAction<T extends WorkflowSubject>(
  record: T,
  action: WorkflowAction,
  actor: WorkflowActor,
  at: string,
  note = '',
): Validated<T> {
  return takeCreditRecordStep(record, action, stepActor(actor), at, note);
}

export function availableWorkflowActions(record: WorkflowSubject, actor: WorkflowActor): WorkflowAction[] {
  return availableCreditRecordSteps(record, stepActor(actor));
}

/**
 * Approved records whose publicity period ended before `today`, moved to `expired` with a workflow entry
 * by `by` at instant `at`. Returns only the changed records (new objects); nothing is ever deleted.
 */
export function expireRecords<T extends CreditRecordDocument>(
  records: readonly T[],
  today: string,
  at: string,
  by = 'system',
): T[] {
  const expired: T[] = [];
  for (const record of records) {
    if (record.status !== 'approved' || record.publicityEnd === '' || record.publicityEnd >= today) continue;
    const result = applyWorkflowAction(record, 'expire', { userId: by, canApprove: false }, at);
    if (result.ok) expired.push(result.value);
  }
  return expired;
}
