/**
 * How the platform will judge a pushed commitment (groundwork until the commitments collection syncs):
 * the steps it already holds stay as they were, each new step is replayed through the same table the
 * device judged it with (workflow.ts), the status must be where the steps lead, and the document as
 * pushed must pass the commitment rules (model.ts) — which hold the finding each status needs, so a
 * breach without facts is refused here as on the device.
 */
import { replaySteps } from '../kit/workflow.ts';
import type { Role } from '../base/security/permissions.ts';
import type { ValidationIssue } from '../base/validation.ts';
import { type CommitmentContext, type CommitmentDocument, validateCommitmentInput } from './model.ts';
import type { CommitmentStatus } from './types.ts';
import { type CommitmentAction, commitmentWorkflow, judgeCommitmentTransition } from './workflow.ts';

/** A county user's roles, or null for a user the platform does not know. */
export type RolesOf = (userId: string) => readonly Role[] | null;

/**
 * The steps a pushed commitment adds, replayed through its workflow table (shared/kit/workflow.ts
 * `replaySteps`) as the users who took them.
 */
export function replayCommitmentSteps(
  previous: Pick<CommitmentDocument, 'status' | 'workflow'> | null,
  next: Pick<CommitmentDocument, 'status' | 'createdBy' | 'workflow'>,
  rolesOf: RolesOf,
): ValidationIssue[] {
  type Taken = CommitmentDocument['workflow'][number] & { action: CommitmentAction };
  const flow = (status: CommitmentStatus, steps: CommitmentDocument['workflow']) => ({
    state: status,
    author: next.createdBy,
    steps: steps as Taken[],
  });
  return replaySteps(
    {
      table: commitmentWorkflow,
      fields: { steps: 'workflow', state: 'status' },
      takerOf: (userId) => rolesOf(userId) ?? 'permission.unknownUser',
      judge: (held, step, actor) =>
        judgeCommitmentTransition(
          { status: held.state, createdBy: held.author, workflow: [...held.steps] },
          step.action,
          actor,
          step.note,
        ),
    },
    flow(previous?.status ?? 'draft', previous?.workflow ?? []),
    flow(next.status, next.workflow),
  ).issues;
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
