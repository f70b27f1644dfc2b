/**
 * The commitment workflow, as a table for the workflow engine (shared/kit/workflow.ts), plus what only a
 * commitment requires of a step (its signature, its acceptance check, its finding):
 *
 *   draft ──accept──▶ accepted ──fulfil──▶ fulfilled
 *     │                  │ ▲
 *     │                  │ └──────rejectBreach──────┐
 *     │                  └──proposeBreach──▶ breachProposed ──confirmPartlyFulfilled──▶ partlyFulfilled
 *     │                  │                                  ├─confirmNotFulfilled────▶ notFulfilled
 *     └─withdrawDraft─▶ withdrawn ◀─withdraw─┘              └─confirmFalseCommitment─▶ falseCommitment
 *
 * A breach decision takes two people (four-eyes): a clerk or inspector proposes it with its facts (and,
 * for partly and not fulfilled, the unfulfilled content and the action taken) together with the proposed
 * dishonest record; a reviewer who neither registered the commitment nor proposed the breach confirms the
 * finding proposed — approving that record in the same write — or returns it. No step leads from a finding
 * back to pending: a wrong finding is corrected through the credit record's own revoke, never by
 * reopening the commitment.
 */
import {
  availableSteps,
  judgeStep,
  permissionCodeOf,
  type StepActor,
  transition,
  type WorkflowDocument,
  type WorkflowTable,
} from '../kit/workflow.ts';
import { chinaDateOf } from '../base/calendar/dates.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { needsAcceptanceCheck } from './acceptance.ts';
import { type CommitmentDocument, emptyOutcome, validateOutcome } from './model.ts';
import { type BreachOutcome, type CommitmentStatus, commitmentStatuses } from './types.ts';

export const commitmentActions = [
  'accept',
  'withdrawDraft',
  'withdraw',
  'fulfil',
  'proposeBreach',
  'confirmPartlyFulfilled',
  'confirmNotFulfilled',
  'confirmFalseCommitment',
  'rejectBreach',
] as const;
export type CommitmentAction = (typeof commitmentActions)[number];

const reason = { kind: 'reason', required: true } as const;
const confirm = (to: BreachOutcome) =>
  transition<CommitmentStatus>({
    from: 'breachProposed',
    to,
    permission: 'record.approve',
    fourEyes: true,
    text: { kind: 'opinion', required: false },
  });

export const commitmentWorkflow: WorkflowTable<CommitmentStatus, CommitmentAction> = {
  namespace: 'commitment.action',
  states: commitmentStatuses,
  submitStep: 'proposeBreach',
  transitions: {
    accept: transition({ from: 'draft', to: 'accepted', permission: 'commitment.create' }),
    withdrawDraft: transition({
      from: 'draft',
      to: 'withdrawn',
      permission: 'commitment.update',
      text: reason,
    }),
    withdraw: transition({
      from: 'accepted',
      to: 'withdrawn',
      permission: 'commitment.update',
      text: reason,
    }),
    fulfil: transition({ from: 'accepted', to: 'fulfilled', permission: 'commitment.recordFulfilment' }),
    proposeBreach: transition({
      from: 'accepted',
      to: 'breachProposed',
      permission: 'commitment.recordFulfilment',
    }),
    confirmPartlyFulfilled: confirm('partlyFulfilled'),
    confirmNotFulfilled: confirm('notFulfilled'),
    confirmFalseCommitment: confirm('falseCommitment'),
    rejectBreach: transition({
      from: 'breachProposed',
      to: 'accepted',
      permission: 'record.approve',
      fourEyes: true,
      text: { kind: 'opinion', required: true },
    }),
  },
};

/** Fields of the commitment itself a step requires (the engine judges actor, state and text). */
export type RequiredField =
  | 'number'
  | 'signatory'
  | 'signingDate'
  | 'acceptingUnit'
  | 'acceptanceCheck'
  | 'outcome';

export interface CommitmentStepRule {
  requires: readonly RequiredField[];
  /** The step discards the finding entered on the form (the history keeps it). */
  clearsOutcome: boolean;
}

const finding: CommitmentStepRule = { requires: ['outcome'], clearsOutcome: false };
const discards: CommitmentStepRule = { requires: [], clearsOutcome: true };

export const commitmentStepRules: Readonly<Record<CommitmentAction, CommitmentStepRule>> = {
  accept: {
    requires: ['number', 'signatory', 'signingDate', 'acceptingUnit', 'acceptanceCheck'],
    clearsOutcome: false,
  },
  withdrawDraft: discards,
  withdraw: discards,
  fulfil: finding,
  proposeBreach: finding,
  confirmPartlyFulfilled: finding,
  confirmNotFulfilled: finding,
  confirmFalseCommitment: finding,
  rejectBreach: discards,
};

type Subject = Pick<
  CommitmentDocument,
  | 'status'
  | 'createdBy'
  | 'type'
  | 'number'
  | 'signatory'
  | 'signingDate'
  | 'acceptingUnit'
  | 'acceptanceCheck'
  | 'acceptedBy'
  | 'outcome'
  | 'workflow'
>;

function engineDocument(
  doc: Pick<Subject, 'status' | 'createdBy' | 'workflow'>,
): WorkflowDocument<CommitmentAction> {
  return {
    state: doc.status,
    author: doc.createdBy,
    steps: doc.workflow.filter((step): step is typeof step & { action: CommitmentAction } =>
      (commitmentActions as readonly string[]).includes(step.action),
    ),
  };
}

/** The engine's workflow codes in the words of commitments and permissions. */
function inCommitmentTerms(found: ValidationIssue, action: CommitmentAction): ValidationIssue {
  const permissionCode = permissionCodeOf(found.code);
  if (permissionCode === 'permission.denied') {
    return issue(found.field, permissionCode, { action: commitmentWorkflow.transitions[action].permission! });
  }
  if (permissionCode) return issue(found.field, permissionCode);
  if (found.code === 'workflow.illegalTransition' || found.code === 'workflow.noteRequired') {
    return { ...found, code: found.code.replace('workflow.', 'commitment.') };
  }
  return found;
}

/**
 * The rules of the table alone — state, permission, four-eyes, the step's text — as the engine judges
 * them, in the words of commitments and permissions. The platform's replay (replay.ts) asks this for
 * each step a pushed commitment carries.
 */
export function judgeCommitmentTransition(
  doc: Pick<Subject, 'status' | 'createdBy' | 'workflow'>,
  action: CommitmentAction,
  actor: StepActor,
  note = '',
): ValidationIssue[] {
  if (!(commitmentActions as readonly string[]).includes(action)) return [issue('action', 'oneOf')];
  return judgeStep(commitmentWorkflow, engineDocument(doc), { action, text: note }, actor).map((found) =>
    inCommitmentTerms(found, action),
  );
}

/**
 * Every rule the step breaks; empty when it may be taken. `doc` is the document as it will be written,
 * apart from status and workflow (a fulfilment step carries its finding in `doc.outcome`). The device
 * asks this before it takes a step.
 */
export function judgeCommitmentStep(
  doc: Subject,
  action: CommitmentAction,
  actor: StepActor,
  today: string,
  note = '',
): ValidationIssue[] {
  const issues = judgeCommitmentTransition(doc, action, actor, note);
  if (issues.some((found) => found.code === 'commitment.illegalTransition' || found.code === 'oneOf')) {
    return issues;
  }
  const rule = commitmentWorkflow.transitions[action];
  for (const field of commitmentStepRules[action].requires)
    issues.push(...requirement(doc, field, rule.to, today));
  return issues;
}

function requirement(
  doc: Subject,
  field: RequiredField,
  to: CommitmentStatus,
  today: string,
): ValidationIssue[] {
  switch (field) {
    case 'signatory':
      return doc.signatory.trim() === '' ? [issue('signatory', 'commitment.signatoryMissing')] : [];
    case 'acceptanceCheck':
      return needsAcceptanceCheck(doc.type) && doc.acceptanceCheck === null
        ? [issue('acceptanceCheck', 'commitment.acceptanceCheckRequired')]
        : [];
    case 'outcome':
      // A confirmation confirms the finding proposed: the outcome must already say so.
      if (doc.status === 'breachProposed' && doc.outcome.result !== to) {
        return [
          issue('outcome.result', 'commitment.findingMismatch', { proposed: doc.outcome.result || 'draft' }),
        ];
      }
      return validateOutcome(doc.outcome, to, today);
    default:
      return doc[field].trim() === '' ? [issue(field, 'required')] : [];
  }
}

/** Takes a step: the document with its new status and the step appended, or the broken rules. */
export function takeCommitmentStep<T extends Subject>(
  doc: T,
  action: CommitmentAction,
  actor: StepActor,
  at: string,
  note = '',
): Validated<T> {
  // The day of the step in China, where the outcome's decision date is written: not the instant's UTC day.
  const issues = judgeCommitmentStep(doc, action, actor, chinaDateOf(at), note);
  if (issues.length > 0) return { ok: false, issues };
  const step = { action, by: actor.userId, at, note: note.trim() };
  return {
    ok: true,
    value: {
      ...doc,
      status: commitmentWorkflow.transitions[action].to,
      // The official who accepts the letter is the one the record names.
      acceptedBy: action === 'accept' ? actor.userId : doc.acceptedBy,
      outcome: commitmentStepRules[action].clearsOutcome ? emptyOutcome() : doc.outcome,
      workflow: [...doc.workflow, step],
    },
  };
}

/** The steps this actor may take now, for the buttons a form shows (a confirmation only of the finding proposed). */
export function availableCommitmentSteps(
  doc: Pick<Subject, 'status' | 'createdBy' | 'outcome' | 'workflow'>,
  actor: StepActor,
): CommitmentAction[] {
  return availableSteps(commitmentWorkflow, engineDocument(doc), actor).filter((action) => {
    const { from, to } = commitmentWorkflow.transitions[action];
    return from !== 'breachProposed' || to === 'accepted' || doc.outcome.result === to;
  });
}
