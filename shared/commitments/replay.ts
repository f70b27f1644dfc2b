/**
 * How the platform will judge a pushed commitment (groundwork until the commitments collection syncs):
 * the steps it already holds stay as they were, each new step is replayed through the same table the
 * device judged it with (workflow.ts), the status must be where the steps lead, and the document as
 * pushed must pass the commitment rules (model.ts) — which hold the finding each status needs, so a
 * breach without facts is refused here as on the device.
 */
import { canonicalJson } from '../security/canonicalJson.ts';
import type { Role } from '../security/permissions.ts';
import { issue, type ValidationIssue } from '../model/validation.ts';
import { type CommitmentContext, type CommitmentDocument, validateCommitmentInput } from './model.ts';
import type { CommitmentStatus } from './types.ts';
import { type CommitmentAction, commitmentWorkflow, judgeCommitmentTransition } from './workflow.ts';

/** A county user's roles, or null for a user the platform does not know. */
export type RolesOf = (userId: string) => readonly Role[] | null;

/**
 * The steps a pushed commitment adds, each replayed through the workflow table as the user who took it;
 * the steps already held must stay as they were and the status must be where the steps lead.
 */
export function replayCommitmentSteps(
  previous: Pick<CommitmentDocument, 'status' | 'workflow'> | null,
  next: Pick<CommitmentDocument, 'status' | 'createdBy' | 'workflow'>,
  rolesOf: RolesOf,
): ValidationIssue[] {
  const before = previous?.workflow ?? [];
  const kept = next.workflow.slice(0, before.length);
  if (next.workflow.length < before.length || canonicalJson(kept) !== canonicalJson(before)) {
    return [issue('workflow', 'permission.historyRewritten')];
  }
  const issues: ValidationIssue[] = [];
  let state = {
    status: (previous?.status ?? 'draft') as CommitmentStatus,
    createdBy: next.createdBy,
    workflow: before,
  };
  next.workflow.slice(before.length).forEach((step, offset) => {
    const field = `workflow.${before.length + offset}`;
    const roles = rolesOf(step.by);
    if (!roles) {
      issues.push(issue(`${field}.by`, 'permission.unknownUser', { userId: step.by }));
      return;
    }
    const action = step.action as CommitmentAction;
    const found = judgeCommitmentTransition(state, action, { userId: step.by, roles }, step.note);
    issues.push(...found.map((problem) => ({ ...problem, field: `${field}.${problem.field}` })));
    const to = Object.hasOwn(commitmentWorkflow.transitions, action)
      ? commitmentWorkflow.transitions[action].to
      : state.status;
    state = { ...state, status: to, workflow: [...state.workflow, step] };
  });
  if (next.status !== state.status)
    issues.push(issue('status', 'permission.statusMismatch', { expected: state.status }));
  return issues;
}

/** The steps replayed, then the document as pushed against the commitment rules. */
export function replayCommitment(
  previous: CommitmentDocument | null,
  next: CommitmentDocument,
  rolesOf: RolesOf,
  context: CommitmentContext,
): ValidationIssue[] {
  const issues = replayCommitmentSteps(previous, next, rolesOf);
  if (issues.some((found) => found.code === 'permission.historyRewritten')) return issues;
  const content = validateCommitmentInput(next, context);
  if (!content.ok) issues.push(...content.issues);
  return issues;
}
