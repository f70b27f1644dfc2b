/**
 * The workflow engine: a capability's states and steps as data, and ONE function that judges a step.
 * The device asks `judgeStep` once before it takes a step; the platform asks the same function for every
 * step a pushed document carries (shared/sync/writePermissions.ts), so both always decide alike.
 */
import { issue, type ValidationIssue } from '../model/validation.ts';
import { type Action, can, type Role } from '../security/permissions.ts';
import { isRealDate } from '../domain/identifiers.ts';

/** What the free text of a step means: a reason for the step, or the reviewer's opinion (审核意见). */
export type StepTextKind = 'reason' | 'opinion';

export interface TransitionRule<State extends string> {
  from: State;
  to: State;
  /** The permission the actor's roles must grant; null for an automatic step taken by the system. */
  permission: Action | null;
  /** The actor may be neither the document's author nor the user who last submitted it. */
  fourEyes: boolean;
  /** Only the user who last submitted the document may take the step. */
  onlySubmitter: boolean;
  /** The step's free text: what it means and whether it must be given; null when the step takes none. */
  text: { kind: StepTextKind; required: boolean } | null;
  /** The step takes a calendar date (YYYY-MM-DD) inside the bounds the document sets. */
  date: boolean;
  /** The step needs a decision document number on the document. */
  decisionDocument: boolean;
  /** The step needs at least one attachment on the document. */
  attachments: boolean;
}

/** A workflow: its states and its steps (by name), plus which step makes its actor the submitter. */
export interface WorkflowTable<State extends string, Step extends string> {
  /** i18n namespace of the step names: `<namespace>.<step>`. */
  namespace: string;
  states: readonly State[];
  transitions: Readonly<Record<Step, TransitionRule<State>>>;
  /** The step after which its actor counts as the submitter (for four-eyes and `onlySubmitter`). */
  submitStep: Step | null;
}

/** The parts of a document a workflow judges. */
export interface WorkflowDocument<Step extends string> {
  state: string;
  /** Who created the document. */
  author: string;
  /** The steps taken so far, oldest first. */
  steps: readonly { action: Step; by: string }[];
  documentNumber?: string;
  attachmentCount?: number;
  /** Bounds of a step's date, inclusive (YYYY-MM-DD). */
  dateBounds?: { notBefore?: string; notAfter?: string };
}

export interface StepRequest<Step extends string> {
  action: Step;
  text?: string;
  date?: string;
}

/** Who takes a step: automatic steps are taken by the system, without roles. */
export interface StepActor {
  userId: string;
  roles: readonly Role[];
}

const ruleKeys = [
  'from',
  'to',
  'permission',
  'fourEyes',
  'onlySubmitter',
  'text',
  'date',
  'decisionDocument',
  'attachments',
] as const;

/** A transition with defaults: no four-eyes, no text, no date, nothing required. */
export function transition<State extends string>(
  rule: Pick<TransitionRule<State>, 'from' | 'to' | 'permission'> & Partial<TransitionRule<State>>,
): TransitionRule<State> {
  const complete: TransitionRule<State> = {
    fourEyes: false,
    onlySubmitter: false,
    text: null,
    date: false,
    decisionDocument: false,
    attachments: false,
    ...rule,
  };
  return Object.fromEntries(ruleKeys.map((key) => [key, complete[key]])) as unknown as TransitionRule<State>;
}

/** The users who may not review the document: its author and whoever submitted it last. */
export function authorsOf<Step extends string>(
  table: WorkflowTable<string, Step>,
  document: WorkflowDocument<Step>,
): string[] {
  const submitter = lastSubmitter(table, document);
  return submitter ? [document.author, submitter] : [document.author];
}

function lastSubmitter<Step extends string>(
  table: WorkflowTable<string, Step>,
  document: WorkflowDocument<Step>,
): string | undefined {
  return document.steps.findLast((step) => step.action === table.submitStep)?.by;
}

/**
 * Every rule the step breaks, in a fixed order; empty when the actor may take it. Issue codes:
 * `oneOf` (no such step), `workflow.actorRequired`, `workflow.illegalTransition`, `workflow.notPermitted`,
 * `workflow.fourEyes`, `workflow.onlySubmitter`, `workflow.noteRequired`, `workflow.dateRequired`,
 * `dateFormat`, `dateInFuture`, `workflow.dateBeforeDecision`, `workflow.documentNumberRequired`,
 * `workflow.attachmentRequired`.
 */
export function judgeStep<State extends string, Step extends string>(
  table: WorkflowTable<State, Step>,
  document: WorkflowDocument<Step>,
  request: StepRequest<Step>,
  actor: StepActor,
): ValidationIssue[] {
  const rule: TransitionRule<State> | undefined = Object.hasOwn(table.transitions, request.action)
    ? table.transitions[request.action]
    : undefined;
  if (!rule) return [issue('action', 'oneOf')];
  const { action } = request;
  const issues: ValidationIssue[] = [];
  if (actor.userId === '') issues.push(issue('actor', 'workflow.actorRequired'));
  if (document.state !== rule.from) {
    issues.push(issue('status', 'workflow.illegalTransition', { from: document.state, action }));
  }
  if (rule.permission && !can(actor.roles, rule.permission)) {
    issues.push(issue('actor', 'workflow.notPermitted', { action }));
  }
  if (rule.fourEyes && actor.userId !== '' && authorsOf(table, document).includes(actor.userId)) {
    issues.push(issue('actor', 'workflow.fourEyes'));
  }
  if (rule.onlySubmitter && actor.userId !== '' && lastSubmitter(table, document) !== actor.userId) {
    issues.push(issue('actor', 'workflow.onlySubmitter', { action }));
  }
  if (rule.text?.required && (request.text ?? '').trim() === '') {
    issues.push(issue('note', 'workflow.noteRequired', { action }));
  }
  if (rule.date) issues.push(...checkStepDate(request.date ?? '', document.dateBounds ?? {}));
  if (rule.decisionDocument && (document.documentNumber ?? '').trim() === '') {
    issues.push(issue('documentNumber', 'workflow.documentNumberRequired', { action }));
  }
  if (rule.attachments && (document.attachmentCount ?? 0) === 0) {
    issues.push(issue('attachments', 'workflow.attachmentRequired', { action }));
  }
  return issues;
}

function checkStepDate(date: string, bounds: { notBefore?: string; notAfter?: string }): ValidationIssue[] {
  if (date === '') return [issue('date', 'workflow.dateRequired')];
  if (!isRealDate(date)) return [issue('date', 'dateFormat')];
  if (bounds.notAfter && date > bounds.notAfter) return [issue('date', 'dateInFuture')];
  if (bounds.notBefore && date < bounds.notBefore) {
    return [issue('date', 'workflow.dateBeforeDecision', { date: bounds.notBefore })];
  }
  return [];
}

/** The steps the actor may take now (automatic ones left out), in table order: for the buttons a form shows. */
export function availableSteps<State extends string, Step extends string>(
  table: WorkflowTable<State, Step>,
  document: WorkflowDocument<Step>,
  actor: StepActor,
): Step[] {
  return (Object.keys(table.transitions) as Step[]).filter((action) => {
    const rule = table.transitions[action];
    if (rule.permission === null) return false;
    // Text and date are the actor's to give when she takes the step; they do not hide it.
    return judgeStep(table, document, { action }, actor).every(
      (found) => found.field === 'note' || found.field === 'date',
    );
  });
}

/**
 * The engine's refusals of the actor, in the permission vocabulary of shared/security/permissions.ts
 * (the codes the device shows and the platform answers with); null for every other rule.
 */
export function permissionCodeOf(code: string): 'permission.denied' | 'permission.ownWork' | null {
  if (code === 'workflow.notPermitted') return 'permission.denied';
  if (code === 'workflow.fourEyes') return 'permission.ownWork';
  return null;
}
