/**
 * The workflow of listings, as a table for the workflow engine (shared/kit/workflow.ts):
 *
 *   draft ──propose──▶ proposed ──approve──▶ listed ──exit──▶ exited
 *     │                   └──────reject────▶ rejected
 *     └──record (provincial evaluations only)──▶ listed
 *
 * A clerk proposes (usually a suggestion of the list rules); a reviewer who did not propose it decides
 * (four-eyes) with the decision document's number and an opinion; the exit (period ended, record repaired
 * or revoked) is decided the same way with the exit decision's number and its reason. The device judges a
 * step once in the repository; the platform replays every pushed step through the same function.
 */
import { canonicalJson } from '../base/security/canonicalJson.ts';
import {
  availableSteps,
  judgeStep,
  replaySteps,
  type StepActor,
  transition,
  type WorkflowDocument,
  type WorkflowTable,
} from '../kit/workflow.ts';
import type { Role } from '../base/security/permissions.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { type ListingAction, type ListingDocument, type ListingStatus, listingStatuses } from './listing.ts';

export const listingWorkflow: WorkflowTable<ListingStatus, ListingAction> = {
  namespace: 'lists.action',
  states: listingStatuses,
  submitStep: 'propose',
  transitions: {
    propose: transition({ from: 'draft', to: 'proposed', permission: 'list.propose' }),
    approve: transition({
      from: 'proposed',
      to: 'listed',
      permission: 'list.approve',
      fourEyes: true,
      text: { kind: 'opinion', required: true },
      decisionDocument: true,
    }),
    reject: transition({
      from: 'proposed',
      to: 'rejected',
      permission: 'list.approve',
      fourEyes: true,
      text: { kind: 'opinion', required: true },
    }),
    // A provincial evaluation, recorded as the province published it: a fact, not a decision here.
    record: transition({ from: 'draft', to: 'listed', permission: 'list.propose' }),
    exit: transition({
      from: 'listed',
      to: 'exited',
      permission: 'list.approve',
      fourEyes: true,
      text: { kind: 'reason', required: true },
      decisionDocument: true,
    }),
  },
};

type WorkflowSubject = Pick<
  ListingDocument,
  'status' | 'workflow' | 'createdBy' | 'decisionNumber' | 'exitDecisionNumber'
>;

/** The parts of a listing the engine judges; the decision document is the one the step decides by. */
function workflowDocument(listing: WorkflowSubject, action: ListingAction): WorkflowDocument<ListingAction> {
  return {
    state: listing.status,
    author: listing.createdBy,
    steps: listing.workflow,
    documentNumber: action === 'exit' ? listing.exitDecisionNumber : listing.decisionNumber,
  };
}

/** Every rule the step breaks for this actor; empty when she may take it. The device and the platform ask this. */
export function judgeListingStep(
  listing: WorkflowSubject,
  action: ListingAction,
  actor: StepActor,
  note = '',
): ValidationIssue[] {
  return judgeStep(listingWorkflow, workflowDocument(listing, action), { action, text: note }, actor);
}

/** Takes a step: the listing with its new status and the step appended, or the broken rules. */
export function takeListingStep<T extends WorkflowSubject>(
  listing: T,
  action: ListingAction,
  actor: StepActor,
  at: string,
  note = '',
): Validated<T> {
  const issues = judgeListingStep(listing, action, actor, note);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      ...listing,
      status: listingWorkflow.transitions[action].to,
      workflow: [...listing.workflow, { action, by: actor.userId, at, note: note.trim() }],
    },
  };
}

/** The steps this actor may take now, for the buttons a page shows. */
export function availableListingSteps(listing: WorkflowSubject, actor: StepActor): ListingAction[] {
  return (['approve', 'reject', 'exit'] as const).filter((action) =>
    availableSteps(listingWorkflow, workflowDocument(listing, action), actor).includes(action),
  );
}

/** Fields a step may set besides status and workflow; anything else is fixed once proposed. */
const fieldsSetBy: Readonly<Record<ListingAction, readonly string[]>> = {
  propose: [],
  approve: ['decisionNumber'],
  reject: [],
  exit: ['exitDecisionNumber', 'exitReason', 'exitedOn'],
  record: [],
};

const alwaysChanging = new Set(['updatedAt', 'updatedBy', 'status', 'workflow']);

/** A county user's roles, or null for a user the platform does not know. */
export type RolesOf = (userId: string) => readonly Role[] | null;

/**
 * How the platform judges a pushed listing: the steps it holds stay as they were, each new step is
 * replayed through `judgeListingStep` as its actor, the status must be where the steps lead, and only
 * the fields the new steps set may change. A new listing arrives proposed: its first step is `propose`.
 */
export function replayListing(
  previous: ListingDocument | null,
  next: ListingDocument,
  rolesOf: RolesOf,
): ValidationIssue[] {
  const flow = (status: ListingStatus, author: string, steps: ListingDocument['workflow']) => ({
    state: status,
    author,
    steps,
  });
  const replayed = replaySteps(
    {
      table: listingWorkflow,
      fields: { steps: 'workflow', state: 'status' },
      takerOf: (userId) => rolesOf(userId) ?? 'permission.unknownUser',
      judge: (held, step, actor) =>
        judgeListingStep(
          { ...next, status: held.state, createdBy: held.author, workflow: [...held.steps] },
          step.action,
          actor,
          step.note,
        ),
    },
    flow(previous?.status ?? 'draft', previous?.createdBy ?? next.createdBy, previous?.workflow ?? []),
    flow(next.status, next.createdBy, Array.isArray(next.workflow) ? next.workflow : []),
  );
  const { issues } = replayed;
  if (issues.some((found) => found.code === 'permission.historyRewritten')) return issues;
  const allowed = new Set(replayed.added.flatMap(({ step }) => fieldsSetBy[step.action] ?? []));
  if (previous) {
    const keys = new Set([...Object.keys(next), ...Object.keys(previous)]);
    for (const key of keys) {
      if (alwaysChanging.has(key) || allowed.has(key)) continue;
      const a = (next as unknown as Record<string, unknown>)[key] ?? null;
      const b = (previous as unknown as Record<string, unknown>)[key] ?? null;
      if (canonicalJson(a) !== canonicalJson(b)) issues.push(issue(key, 'lists.fixedOnceProposed'));
    }
  }
  return issues;
}
