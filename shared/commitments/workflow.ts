/**
 * The commitment workflow as data: states, and transitions each with its permission, four-eyes rule and
 * required fields, ready to be handed to the shared workflow engine (issue 9) once it lands. Until then
 * `checkCommitmentTransition` interprets the table, so device and platform can already judge alike.
 *
 *   draft ──accept──▶ accepted ──fulfil──▶ fulfilled
 *     │                  │ ▲
 *     │                  │ └──rejectBreach──┐
 *     │                  └──proposeBreach──▶ breachProposed ──confirmBreach──▶ partlyFulfilled
 *     │                  │                                                   ├▶ notFulfilled
 *     └──withdraw──▶ withdrawn ◀──withdraw──┘                                └▶ falseCommitment
 *
 * A breach decision takes two people: a clerk or inspector proposes it with its facts (and, for partly
 * and not fulfilled, the unfulfilled content and action taken) together with the proposed dishonest
 * record; a reviewer who did not propose it confirms it, approving that record in the same write. The
 * confirmed outcome is the one proposed (`when`). No step leads from a finding back to pending: a wrong
 * finding is corrected through the credit record's own revoke, never by reopening the commitment.
 */
import { type Action, can, checkFourEyes, type Role } from '../security/permissions.ts';
import { issue, type Validated, type ValidationIssue } from '../model/validation.ts';
import { needsAcceptanceCheck } from './acceptance.ts';
import type { CommitmentDocument, CommitmentInput } from './model.ts';
import { emptyOutcome, validateOutcome } from './model.ts';
import type { BreachOutcome, CommitmentStatus } from './types.ts';

export const commitmentActions = [
  'accept',
  'withdraw',
  'fulfil',
  'proposeBreach',
  'confirmBreach',
  'rejectBreach',
] as const;
export type CommitmentAction = (typeof commitmentActions)[number];

/** Fields a transition requires, named by their path in the document. */
export type RequiredField =
  | 'number'
  | 'signatory'
  | 'signingDate'
  | 'acceptingUnit'
  | 'acceptanceCheck'
  | 'note'
  | 'outcome';

export interface CommitmentTransition {
  action: CommitmentAction;
  from: CommitmentStatus;
  to: CommitmentStatus;
  permission: Action;
  /** The actor may not be whoever last took this action on the document. */
  fourEyesAgainst: CommitmentAction | null;
  requires: readonly RequiredField[];
  /** The row applies only when the proposed finding is this one. */
  when: BreachOutcome | null;
  /** The step discards the proposed finding (kept in the document's history). */
  clearsOutcome: boolean;
}

function row(
  action: CommitmentAction,
  from: CommitmentStatus,
  to: CommitmentStatus,
  permission: Action,
  requires: readonly RequiredField[],
  extra: Partial<Pick<CommitmentTransition, 'fourEyesAgainst' | 'when' | 'clearsOutcome'>> = {},
): CommitmentTransition {
  return {
    action,
    from,
    to,
    permission,
    requires,
    fourEyesAgainst: null,
    when: null,
    clearsOutcome: false,
    ...extra,
  };
}

const breach = (to: BreachOutcome) =>
  row('confirmBreach', 'breachProposed', to, 'record.approve', ['outcome'], {
    fourEyesAgainst: 'proposeBreach',
    when: to,
  });

export const commitmentTransitions: readonly CommitmentTransition[] = [
  row('accept', 'draft', 'accepted', 'commitment.create', [
    'number',
    'signatory',
    'signingDate',
    'acceptingUnit',
    'acceptanceCheck',
  ]),
  row('withdraw', 'draft', 'withdrawn', 'commitment.update', ['note'], { clearsOutcome: true }),
  row('withdraw', 'accepted', 'withdrawn', 'commitment.update', ['note'], { clearsOutcome: true }),
  row('fulfil', 'accepted', 'fulfilled', 'commitment.recordFulfilment', ['outcome']),
  row('proposeBreach', 'accepted', 'breachProposed', 'commitment.recordFulfilment', ['outcome']),
  breach('partlyFulfilled'),
  breach('notFulfilled'),
  breach('falseCommitment'),
  row('rejectBreach', 'breachProposed', 'accepted', 'record.approve', ['note'], {
    fourEyesAgainst: 'proposeBreach',
    clearsOutcome: true,
  }),
];

export interface CommitmentActor {
  userId: string;
  roles: readonly Role[];
}

type Subject = Pick<
  CommitmentInput,
  | 'status'
  | 'type'
  | 'number'
  | 'signatory'
  | 'signingDate'
  | 'acceptingUnit'
  | 'acceptanceCheck'
  | 'outcome'
  | 'workflow'
>;

/** The row a step would take, or null when the table has none from the document's state. */
export function findTransition(
  doc: Pick<Subject, 'status' | 'outcome'>,
  action: CommitmentAction,
): CommitmentTransition | null {
  return (
    commitmentTransitions.find(
      (t) =>
        t.action === action && t.from === doc.status && (t.when === null || t.when === doc.outcome.result),
    ) ?? null
  );
}

/**
 * Every rule the step breaks; empty when it may be taken. `doc` is the document as it will be written,
 * apart from status and workflow (a fulfilment step carries its finding in `doc.outcome`).
 */
export function checkCommitmentTransition(
  doc: Subject,
  action: CommitmentAction,
  actor: CommitmentActor,
  today: string,
  note = '',
): ValidationIssue[] {
  if (!commitmentActions.includes(action)) return [issue('action', 'oneOf')];
  const transition = findTransition(doc, action);
  if (!transition) {
    return [issue('status', 'commitment.illegalTransition', { from: doc.status, action })];
  }
  const issues: ValidationIssue[] = [];
  if (actor.userId === '') issues.push(issue('actor', 'workflow.actorRequired'));
  if (!can(actor.roles, transition.permission)) {
    issues.push(issue('actor', 'permission.denied', { action: transition.permission }));
  }
  if (transition.fourEyesAgainst) {
    const refused = checkFourEyes(lastActor(doc, transition.fourEyesAgainst), actor.userId);
    if (refused) issues.push({ ...refused, field: 'actor' });
  }
  for (const field of transition.requires) issues.push(...requirement(doc, field, transition, today, note));
  return issues;
}

function requirement(
  doc: Subject,
  field: RequiredField,
  transition: CommitmentTransition,
  today: string,
  note: string,
): ValidationIssue[] {
  switch (field) {
    case 'note':
      return note.trim() === ''
        ? [issue('note', 'commitment.noteRequired', { action: transition.action })]
        : [];
    case 'signatory':
      return doc.signatory.trim() === '' ? [issue('signatory', 'commitment.signatoryMissing')] : [];
    case 'acceptanceCheck':
      return needsAcceptanceCheck(doc.type) && doc.acceptanceCheck === null
        ? [issue('acceptanceCheck', 'commitment.acceptanceCheckRequired')]
        : [];
    case 'outcome':
      return validateOutcome(doc.outcome, transition.to, today);
    default:
      return doc[field].trim() === '' ? [issue(field, 'required')] : [];
  }
}

/** Takes a step: the document with its new status and the step appended, or the broken rules. */
export function applyCommitmentTransition<T extends Subject>(
  doc: T,
  action: CommitmentAction,
  actor: CommitmentActor,
  at: string,
  note = '',
): Validated<T> {
  const issues = checkCommitmentTransition(doc, action, actor, at.slice(0, 10), note);
  if (issues.length > 0) return { ok: false, issues };
  const { to, clearsOutcome } = findTransition(doc, action)!;
  const step = { action, by: actor.userId, at, note: note.trim() };
  return {
    ok: true,
    value: {
      ...doc,
      status: to,
      outcome: clearsOutcome ? emptyOutcome() : doc.outcome,
      workflow: [...doc.workflow, step],
    },
  };
}

/** Who last took `action` on the document ('' when nobody has). */
function lastActor(doc: Pick<Subject, 'workflow'>, action: CommitmentAction): string {
  return doc.workflow.findLast((entry) => entry.action === action)?.by ?? '';
}

/** The steps this actor may take now, for the buttons a form shows (finding fields not yet judged). */
export function availableCommitmentActions(
  doc: Pick<CommitmentDocument, 'status' | 'outcome' | 'workflow'>,
  actor: CommitmentActor,
): CommitmentAction[] {
  return commitmentActions.filter((action) => {
    const transition = findTransition(doc, action);
    return (
      transition !== null &&
      can(actor.roles, transition.permission) &&
      (transition.fourEyesAgainst === null || lastActor(doc, transition.fourEyesAgainst) !== actor.userId)
    );
  });
}
