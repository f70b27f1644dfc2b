/**
 * The platform's rules for the plan and project kinds of the inspections collection, beyond their shape:
 * the same rules the device's repositories apply before writing.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { ConflictDocument, PlanDocument, ProjectDocument } from './document.ts';
import { declarationStates, validateDeclaration } from './declarations.ts';
import { planStates, validatePlan } from './plan.ts';
import { projectState, validateProject } from './project.ts';

const noLinks = (
  doc: PlanDocument | ProjectDocument | ConflictDocument,
  fields: readonly ('subjectId' | 'projectId' | 'planId')[] = ['subjectId', 'projectId', 'planId'],
): ValidationIssue[] =>
  fields.filter((field) => doc[field] !== '').map((field) => issue(field, 'notApplicable'));

/** A plan: its state is a plan state, and its content passes `validatePlan` for that state. */
export function validatePlanDocument(doc: PlanDocument): ValidationIssue[] {
  if (!planStates.includes(doc.state)) return [issue('state', 'oneOf')];
  const checked = validatePlan(doc.plan, doc.state);
  return [...noLinks(doc), ...(checked.ok ? [] : checked.issues)];
}

/** A project: state `registered`, no steps, content as `validateProject` wants it, already trimmed. */
export function validateProjectDocument(doc: ProjectDocument): ValidationIssue[] {
  const issues = noLinks(doc);
  if (doc.state !== projectState) issues.push(issue('state', 'oneOf'));
  if (doc.steps.length > 0) issues.push(issue('steps', 'notApplicable'));
  const checked = validateProject(doc.project);
  if (!checked.ok) issues.push(...checked.issues);
  else if (JSON.stringify(checked.value) !== JSON.stringify(doc.project)) {
    issues.push(issue('project', 'notNormalized'));
  }
  return issues;
}

/** A declared conflict: a subject, no project or plan, a declaration state, content as entered, trimmed. */
export function validateConflictDocument(doc: ConflictDocument): ValidationIssue[] {
  const issues = noLinks(doc, ['projectId', 'planId']);
  if (!declarationStates.includes(doc.state)) issues.push(issue('state', 'oneOf'));
  const checked = validateDeclaration({ subjectId: doc.subjectId, ...doc.conflict });
  const fieldOf = (field: string) => (field === 'subjectId' ? field : `conflict.${field}`);
  if (!checked.ok) issues.push(...checked.issues.map((found) => ({ ...found, field: fieldOf(found.field) })));
  else if (checked.value.reason !== doc.conflict.reason) issues.push(issue('conflict', 'notNormalized'));
  return issues;
}
