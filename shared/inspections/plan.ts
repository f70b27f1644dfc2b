/**
 * An inspection plan (双随机): its scope, sampling ratios and inspector pool, made by a reviewer or
 * administrator, then drawn once with a recorded seed. The plan keeps the draw's inputs (every candidate
 * subject with its bucket-deciding facts and conflicts) and its result, so anyone, the platform included,
 * can re-run `drawPlan` and get the same assignments. A drawn assignment becomes an inspection when one of
 * its two inspectors starts it (the inspection names the plan).
 *
 * Stored in the `inspections` collection as kind `plan` (see document.ts), in `plan`.
 */
import type { GradingModel } from '../grading/model.ts';
import { transition, type WorkflowTable } from '../kit/workflow.ts';
import type { Industry, SubjectStatus } from '../subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import {
  conflictsOf,
  type DrawCandidate,
  type DrawPlan,
  type DrawRatios,
  type DrawResult,
  type DrawScope,
  drawPlan,
  validateDrawPlan,
} from './draw.ts';

export const planStates = ['draft', 'drawn'] as const;
export type PlanState = (typeof planStates)[number];
export const planSteps = ['draw'] as const;
export type PlanStep = (typeof planSteps)[number];

/** A plan is drawn once, by a reviewer or administrator (`inspection.plan`), never by an inspector. */
export const planWorkflow: WorkflowTable<PlanState, PlanStep> = {
  namespace: 'inspection.plan.action',
  states: planStates,
  submitStep: null,
  transitions: {
    draw: transition({ from: 'draft', to: 'drawn', permission: 'inspection.plan' }),
  },
};

export interface PlanContent {
  name: string;
  scope: DrawScope;
  ratios: DrawRatios;
  inspectorPool: string[];
  /** The recorded seed; chosen at random when the plan is drawn. */
  seed: number;
  /** The draw's inputs: the candidates as they stood when drawn (empty while a draft). */
  candidates: DrawCandidate[];
  /** The draw's result, or null while a draft. */
  draw: DrawResult | null;
}

export const planLimits = { name: 100, candidates: 20_000 } as const;

/** The draw's plan part. */
export function drawInputOf(plan: PlanContent): DrawPlan {
  return { scope: plan.scope, ratios: plan.ratios, inspectorPool: plan.inspectorPool, seed: plan.seed };
}

/**
 * Checks a plan's content. A draft needs a name and a drawable plan; a drawn plan also needs its draw to
 * be exactly what `drawPlan` gives from the kept seed and candidates. Issue codes: `required`, `tooLong`,
 * the draw's own (draw.ts), `inspection.plan.notDrawn`, `inspection.plan.drawMismatch`.
 */
export function validatePlan(plan: PlanContent, state: PlanState): Validated<PlanContent> {
  const issues: ValidationIssue[] = [];
  if (plan.name.trim() === '') issues.push(issue('plan.name', 'required'));
  if (plan.name.length > planLimits.name)
    issues.push(issue('plan.name', 'tooLong', { max: planLimits.name }));
  const drawProblems = validateDrawPlan(drawInputOf(plan));
  issues.push(...drawProblems.map((found) => ({ ...found, field: `plan.${found.field}` })));
  if (state === 'draft' && plan.draw !== null) issues.push(issue('plan.draw', 'inspection.plan.drawnDraft'));
  if (state === 'drawn' && drawProblems.length === 0) {
    if (plan.draw === null) issues.push(issue('plan.draw', 'inspection.plan.notDrawn'));
    else if (canonicalJson(drawPlan(drawInputOf(plan), plan.candidates)) !== canonicalJson(plan.draw)) {
      issues.push(issue('plan.draw', 'inspection.plan.drawMismatch'));
    }
  }
  return issues.length === 0 ? { ok: true, value: plan } : { ok: false, issues };
}

/** Re-runs the draw from what the plan keeps: true when it gives the recorded result. */
export function redrawMatches(plan: PlanContent): boolean {
  return (
    plan.draw !== null &&
    canonicalJson(drawPlan(drawInputOf(plan), plan.candidates)) === canonicalJson(plan.draw)
  );
}

/** How far a drawn plan has come: assignments, how many have an inspection, how many are closed. */
export function planProgress(
  planId: string,
  plan: PlanContent,
  inspections: readonly { planId: string; subjectId: string; state: string }[],
): { assigned: number; started: number; closed: number } {
  const assigned = plan.draw?.assignments ?? [];
  const subjects = new Set(assigned.map((assignment) => assignment.subjectId));
  const mine = inspections.filter((i) => i.planId === planId && subjects.has(i.subjectId));
  const started = new Set(mine.map((inspection) => inspection.subjectId));
  const closed = new Set(mine.filter((i) => i.state === 'closed').map((inspection) => inspection.subjectId));
  return { assigned: assigned.length, started: started.size, closed: closed.size };
}

/** The assignments of a drawn plan that send this inspector. */
export function assignmentsOf(plan: PlanContent, inspectorId: string) {
  return (plan.draw?.assignments ?? []).filter((assignment) => assignment.inspectors.includes(inspectorId));
}

/**
 * A plan's default ratios from the grading models of its industries: each grade's `inspectionRatio` as a
 * percent (the highest where two models share a grade name), the ungraded bucket at `ungraded`, and the
 * raised bucket never below any grade.
 */
export function ratiosFromGrading(
  models: readonly Pick<GradingModel, 'grades'>[],
  defaults: Pick<DrawRatios, 'ungraded' | 'raised'> = { ungraded: 20, raised: 60 },
): DrawRatios {
  const grades: Record<string, number> = {};
  for (const model of models) {
    for (const grade of model.grades) {
      const percent = Math.round(grade.measures.inspectionRatio * 100);
      grades[grade.code] = Math.max(grades[grade.code] ?? 0, percent);
    }
  }
  const highest = Math.max(defaults.ungraded, ...Object.values(grades));
  return { grades, ungraded: defaults.ungraded, raised: Math.max(defaults.raised, highest) };
}

/** What the device knows of one subject when a plan is drawn. */
export interface CandidateFacts {
  subject: { id: string; industry: Industry; status: SubjectStatus };
  projectIds: readonly string[];
  grade: string | null;
  raised: boolean;
  /** Inspectors with a declared conflict of interest with it, in force now (declarations.ts). */
  declared: readonly string[];
  /** Users who are its contacts (conflictsOf). */
  contacts: readonly string[];
  /** Inspectors of its latest inspection. */
  lastInspectors: readonly string[];
}

/** A subject as the draw takes it, its conflicts gathered (draw.ts `conflictsOf`). */
export function candidateOf(facts: CandidateFacts): DrawCandidate {
  return {
    subjectId: facts.subject.id,
    industry: facts.subject.industry,
    status: facts.subject.status,
    projectIds: [...facts.projectIds],
    grade: facts.grade,
    raised: facts.raised,
    conflicts: conflictsOf({
      declared: facts.declared,
      contacts: facts.contacts,
      lastInspectors: facts.lastInspectors,
    }),
  };
}
