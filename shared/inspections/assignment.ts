/**
 * An inspection made under a plan must be one the plan drew: a subject the draw picked, visited by the two
 * inspectors drawn for it. The device starts such inspections only from the plan's assignments; the
 * platform checks every pushed inspection that names a plan, with the plan it holds, when the inspection
 * is new or its plan, subject or inspectors change.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { InspectionDocument, PlanDocument } from './document.ts';

type Assigned = Pick<InspectionDocument, 'planId' | 'subjectId' | 'inspectors'>;

/**
 * Issue codes: `inspection.plan.unknown` (no drawn plan of that id), `inspection.plan.subjectNotDrawn`,
 * `inspection.plan.inspectorsNotDrawn`.
 */
export function assignmentIssues(
  next: Assigned,
  previous: Assigned | null,
  plan: Pick<PlanDocument, 'state' | 'plan'> | null,
): ValidationIssue[] {
  if (next.planId === '') return [];
  if (previous && sameAssignment(previous, next)) return [];
  const draw = plan?.state === 'drawn' ? plan.plan.draw : null;
  if (!draw) return [issue('planId', 'inspection.plan.unknown')];
  const drawn = draw.assignments.find((assignment) => assignment.subjectId === next.subjectId);
  if (!drawn) return [issue('subjectId', 'inspection.plan.subjectNotDrawn')];
  const inspectors = Array.isArray(next.inspectors) ? next.inspectors : [];
  const same = inspectors.length === 2 && drawn.inspectors.every((id) => inspectors.includes(id));
  return same ? [] : [issue('inspectors', 'inspection.plan.inspectorsNotDrawn')];
}

function sameAssignment(a: Assigned, b: Assigned): boolean {
  return (
    a.planId === b.planId &&
    a.subjectId === b.subjectId &&
    JSON.stringify([...a.inspectors].sort()) === JSON.stringify([...b.inspectors].sort())
  );
}
