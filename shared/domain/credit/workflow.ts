/**
 * The review workflow of credit records, as a pure state machine:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──expire──▶ expired
 *     ▲                  │                       ├──repair──▶ repaired
 *     └──────return──────┘                       └──revoke──▶ revoked
 *
 * Every step appends who did it and when. Approving, returning, repairing and revoking need the approver
 * right (`canApprove`, from the role permissions); submitting needs only the right to edit drafts, which
 * the caller checks. Approving, repairing and revoking follow the four-eyes rule: the reviewer is neither
 * the record's author nor the user who submitted it. Expiry is the automatic step run by `expireRecords`
 * in publicity.ts.
 */
import type { CreditRecordDocument, CreditRecordStatus, WorkflowAction } from '../../model/creditRecord.ts';
import { issue, type Validated, type ValidationIssue } from '../../model/validation.ts';

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
  /** A reason must be recorded with the step. */
  needsNote: boolean;
}

export const workflowTransitions: Readonly<Record<WorkflowAction, WorkflowTransition>> = {
  submit: { from: 'draft', to: 'submitted', needsApprover: false, fourEyes: false, needsNote: false },
  return: { from: 'submitted', to: 'draft', needsApprover: true, fourEyes: false, needsNote: true },
  approve: { from: 'submitted', to: 'approved', needsApprover: true, fourEyes: true, needsNote: false },
  expire: { from: 'approved', to: 'expired', needsApprover: false, fourEyes: false, needsNote: false },
  repair: { from: 'approved', to: 'repaired', needsApprover: true, fourEyes: true, needsNote: true },
  revoke: { from: 'approved', to: 'revoked', needsApprover: true, fourEyes: true, needsNote: true },
};

type WorkflowSubject = Pick<CreditRecordDocument, 'status' | 'workflow' | 'createdBy'>;

/** Every rule a step breaks; empty when the actor may take it. */
export function checkWorkflowAction(
  record: WorkflowSubject,
  action: WorkflowAction,
  actor: WorkflowActor,
  note = '',
): ValidationIssue[] {
  const transition = workflowTransitions[action];
  if (!transition) return [issue('action', 'oneOf')];
  const issues: ValidationIssue[] = [];
  if (actor.userId === '') issues.push(issue('actor', 'workflow.actorRequired'));
  if (record.status !== transition.from) {
    issues.push(issue('status', 'workflow.illegalTransition', { from: record.status, action }));
  }
  if (transition.needsApprover && !actor.canApprove)
    issues.push(issue('actor', 'workflow.notPermitted', { action }));
  if (transition.fourEyes && actor.userId !== '' && authorsOf(record).includes(actor.userId)) {
    issues.push(issue('actor', 'workflow.fourEyes'));
  }
  if (transition.needsNote && note.trim() === '')
    issues.push(issue('note', 'workflow.noteRequired', { action }));
  return issues;
}

/**
 * Takes a workflow step: returns the record with its new status and the step appended (a new object;
 * stamps are left to the repository layer), or the broken rules.
 */
export function applyWorkflowAction<T extends WorkflowSubject>(
  record: T,
  action: WorkflowAction,
  actor: WorkflowActor,
  at: string,
  note = '',
): Validated<T> {
  const issues = checkWorkflowAction(record, action, actor, note);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      ...record,
      status: workflowTransitions[action].to,
      workflow: [...record.workflow, { action, by: actor.userId, at, note: note.trim() }],
    },
  };
}

/** The steps this actor may take on the record now, for the buttons a form shows. */
export function availableWorkflowActions(record: WorkflowSubject, actor: WorkflowActor): WorkflowAction[] {
  return (Object.keys(workflowTransitions) as WorkflowAction[]).filter(
    (action) => action !== 'expire' && checkWorkflowAction(record, action, actor, 'note').length === 0,
  );
}

/** The record's author and whoever submitted it last. */
function authorsOf(record: WorkflowSubject): string[] {
  const submitter = record.workflow.findLast((entry) => entry.action === 'submit')?.by;
  return submitter ? [record.createdBy, submitter] : [record.createdBy];
}
