/**
 * Declared conflicts of interest (利害关系回避申报): an inspector, or an administrator for him, declares
 * that the inspector has a conflict with a subject, giving the reason. Stored in the `inspections`
 * collection as kind `conflict` (document.ts), its subject in `subjectId`, declared at `startedAt`.
 * A declaration never changes; it is withdrawn by a recorded step with its reason.
 *
 *   declared ──withdraw──▶ withdrawn
 *
 * The 双随机 draw keeps a declared inspector away from the subject (draw.ts `conflictsOf`), and the
 * platform refuses a drawn plan whose candidates leave out a declaration in force when it was drawn,
 * and an inspection by a declared inspector.
 */
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { transition, type WorkflowTable } from '../kit/workflow.ts';

export const declarationStates = ['declared', 'withdrawn'] as const;
export type DeclarationState = (typeof declarationStates)[number];
export const declarationSteps = ['withdraw'] as const;
export type DeclarationStep = (typeof declarationSteps)[number];

export const declarationWorkflow: WorkflowTable<DeclarationState, DeclarationStep> = {
  namespace: 'inspection.conflict.action',
  states: declarationStates,
  submitStep: null,
  transitions: {
    withdraw: transition({
      from: 'declared',
      to: 'withdrawn',
      permission: 'inspection.conflict',
      text: { kind: 'reason', required: true },
    }),
  },
};

export interface DeclarationContent {
  /** The user id of the inspector in conflict. */
  inspectorId: string;
  reason: string;
}

export const declarationLimits = { reason: 500 } as const;

/** What the form sends: the subject, the inspector, the reason. */
export interface DeclarationInput extends DeclarationContent {
  subjectId: string;
}

/**
 * Checks a declaration: a subject, an inspector, a reason within bounds, not a pair already declared.
 * Issue codes: `required`, `tooLong`, `inspection.conflict.alreadyDeclared`.
 */
export function validateDeclaration(
  input: DeclarationInput,
  declaredPairs: readonly { subjectId: string; inspectorId: string }[] = [],
): Validated<DeclarationInput> {
  const value = { ...input, reason: input.reason.trim() };
  const issues: ValidationIssue[] = [];
  if (value.subjectId === '') issues.push(issue('subjectId', 'required'));
  if (value.inspectorId === '') issues.push(issue('inspectorId', 'required'));
  if (value.reason === '') issues.push(issue('reason', 'required'));
  if (value.reason.length > declarationLimits.reason) {
    issues.push(issue('reason', 'tooLong', { max: declarationLimits.reason }));
  }
  if (
    declaredPairs.some((pair) => pair.subjectId === value.subjectId && pair.inspectorId === value.inspectorId)
  ) {
    issues.push(issue('inspectorId', 'inspection.conflict.alreadyDeclared'));
  }
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

/**
 * Who may declare for whom: an inspector for himself, an administrator for anyone. Issue code
 * `inspection.conflict.forOthers`.
 */
export function declarerIssues(
  inspectorId: string,
  declarer: { userId: string; roles: readonly string[] },
): ValidationIssue[] {
  return inspectorId === declarer.userId || declarer.roles.includes('countyAdmin')
    ? []
    : [issue('inspectorId', 'inspection.conflict.forOthers')];
}

/** A stored declaration as the rules below read it. */
export interface DeclarationFacts {
  subjectId: string;
  state: string;
  /** When it was declared (ISO time). */
  startedAt: string;
  conflict: DeclarationContent;
  steps: readonly { action: string; at: string }[];
}

/** Whether the declaration was in force at `at` (ISO time): declared by then and not yet withdrawn. */
export function inForceAt(declaration: DeclarationFacts, at: string): boolean {
  if (declaration.startedAt > at) return false;
  const withdrawn = declaration.steps.find((step) => step.action === 'withdraw');
  return !withdrawn || withdrawn.at > at;
}

/** The inspectors declared in conflict with each subject at `at`: subject id → inspector ids. */
export function declaredConflicts(
  declarations: readonly DeclarationFacts[],
  at: string,
): Map<string, string[]> {
  const bySubject = new Map<string, string[]>();
  for (const declaration of declarations) {
    if (!inForceAt(declaration, at)) continue;
    const inspectors = bySubject.get(declaration.subjectId) ?? [];
    if (!inspectors.includes(declaration.conflict.inspectorId)) {
      inspectors.push(declaration.conflict.inspectorId);
    }
    bySubject.set(declaration.subjectId, inspectors);
  }
  return bySubject;
}

/**
 * The platform's check of a drawn plan against the declarations it holds: every candidate keeps every
 * inspector declared in conflict with it when the plan was drawn (`drawnAt`), so the kept draw, which
 * the platform re-runs, honoured them. Issue code `inspection.plan.conflictIgnored` at the candidate.
 */
export function ignoredDeclarations(
  candidates: readonly { subjectId: string; conflicts: readonly string[] }[],
  declarations: readonly DeclarationFacts[],
  drawnAt: string,
): ValidationIssue[] {
  const declared = declaredConflicts(declarations, drawnAt);
  return candidates.flatMap((candidate, index) =>
    (declared.get(candidate.subjectId) ?? []).some((inspector) => !candidate.conflicts.includes(inspector))
      ? [issue(`plan.candidates.${index}.conflicts`, 'inspection.plan.conflictIgnored')]
      : [],
  );
}
