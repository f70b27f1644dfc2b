/**
 * The workflow engine: a capability's states and steps as data, and ONE function that judges a step.
 * The device asks `judgeStep` once before it takes a step; the platform replays every step a pushed
 * document carries through the same function (`replaySteps`), so both always decide alike.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { type Action, can, type Role } from '../base/security/permissions.ts';
import { isRealDate } from '../base/identifiers.ts';

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
  const permitted = rule.permission === null || can(actor.roles, rule.permission);
  if (!permitted) issues.push(issue('actor', 'workflow.notPermitted', { action }));
  // Four-eyes matters once the roles allow the step at all.
  if (
    permitted &&
    rule.fourEyes &&
    actor.userId !== '' &&
    authorsOf(table, document).includes(actor.userId)
  ) {
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
 * The engine's refusals of the actor, in the permission vocabulary of shared/base/security/permissions.ts
 * (the codes the device shows and the platform answers with); null for every other rule.
 */
export function permissionCodeOf(code: string): 'permission.denied' | 'permission.ownWork' | null {
  if (code === 'workflow.notPermitted') return 'permission.denied';
  if (code === 'workflow.fourEyes') return 'permission.ownWork';
  return null;
}

/** A step as a document records it. */
export interface RecordedStep<Step extends string = string> {
  action: Step;
  by: string;
  note?: string;
  date?: string;
}

/** A document's workflow as the replay reads it: where it stands, who created it, the steps taken. */
export interface Flow<State extends string, Taken extends RecordedStep> {
  state: State;
  author: string;
  steps: readonly Taken[];
}

/** Who took a step, as the platform knows her: her roles, or why she may not act. */
export type StepTaker = readonly Role[] | 'permission.unknownUser' | 'permission.userDisabled';

/** A lookup of county users as the platform holds them, read as step takers. */
export function stepTakers(
  users: (userId: string) => { roles: readonly Role[]; status: string } | undefined,
): (userId: string) => StepTaker {
  return (userId) => {
    const user = users(userId);
    if (!user) return 'permission.unknownUser';
    return user.status === 'active' ? user.roles : 'permission.userDisabled';
  };
}

/** What a capability gives the replay: its table and how to read its documents. */
export interface StepReplay<State extends string, Step extends string, Taken extends RecordedStep<Step>> {
  table: WorkflowTable<State, Step>;
  /** The document fields that hold the steps and the state, for the issues' paths. */
  fields: { steps: string; state: string };
  takerOf: (userId: string) => StepTaker;
  /** The capability's judgement of a step on the flow so far; by default `judgeStep` over the table. */
  judge?: (flow: Flow<State, Taken>, step: Taken, actor: StepActor) => ValidationIssue[];
}

export interface Replayed<State extends string, Taken extends RecordedStep> {
  issues: ValidationIssue[];
  /** Where the pushed steps lead. */
  flow: Flow<State, Taken>;
  /** The steps the push added, oldest first, and the state after each. */
  added: readonly { step: Taken; to: State }[];
}

function defaultJudge<State extends string, Step extends string, Taken extends RecordedStep<Step>>(
  table: WorkflowTable<State, Step>,
): (flow: Flow<State, Taken>, step: Taken, actor: StepActor) => ValidationIssue[] {
  return (flow, step, actor) =>
    judgeStep(
      table,
      { state: flow.state, author: flow.author, steps: flow.steps },
      { action: step.action, text: step.note, date: step.date },
      actor,
    );
}

/**
 * The platform's judgement of a pushed document's workflow, for every capability: the steps it holds
 * stay as they were (and so does the author), each new step is judged as the user who took it (an
 * automatic step as the system), and the state must be where the steps lead. Issue codes:
 * `permission.historyRewritten`, `permission.unknownUser`, `permission.userDisabled`,
 * `permission.denied`, `permission.ownWork`, `permission.statusMismatch`, and the judge's own.
 */
export function replaySteps<State extends string, Step extends string, Taken extends RecordedStep<Step>>(
  replay: StepReplay<State, Step, Taken>,
  held: Flow<State, Taken>,
  pushed: Flow<State, Taken>,
): Replayed<State, Taken> {
  const { table, fields } = replay;
  const kept = pushed.steps.slice(0, held.steps.length);
  if (
    pushed.author !== held.author ||
    pushed.steps.length < held.steps.length ||
    canonicalJson(kept) !== canonicalJson(held.steps)
  ) {
    return { issues: [issue(fields.steps, 'permission.historyRewritten')], flow: held, added: [] };
  }
  const judge = replay.judge ?? defaultJudge<State, Step, Taken>(table);
  const issues: ValidationIssue[] = [];
  const added: { step: Taken; to: State }[] = [];
  let flow = held;
  pushed.steps.slice(held.steps.length).forEach((step, offset) => {
    const field = `${fields.steps}.${held.steps.length + offset}`;
    const rule = Object.hasOwn(table.transitions, step.action) ? table.transitions[step.action] : undefined;
    // Automatic steps (expiry) are taken by the system, not by a county user.
    const taker = rule?.permission === null ? [] : replay.takerOf(step.by);
    if (typeof taker === 'string') {
      issues.push(issue(`${field}.by`, taker, { userId: step.by }));
    } else {
      for (const found of judge(flow, step, { userId: step.by, roles: taker })) {
        const code = permissionCodeOf(found.code);
        if (code)
          issues.push(issue(`${field}.by`, code, { action: rule?.permission ?? '', userId: step.by }));
        else if (found.code === 'workflow.actorRequired')
          issues.push(issue(`${field}.by`, 'permission.unknownUser'));
        else issues.push({ ...found, field: `${field}.${found.field}` });
      }
    }
    const to = rule?.to ?? flow.state;
    added.push({ step, to });
    flow = { ...flow, state: to, steps: [...flow.steps, step] };
  });
  if (pushed.state !== flow.state) {
    issues.push(issue(fields.state, 'permission.statusMismatch', { expected: flow.state }));
  }
  return { issues, flow, added };
}
