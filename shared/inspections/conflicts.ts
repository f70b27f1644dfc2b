/**
 * Conflicts of interest (回避): an inspector named as the inspected party's contact person or legal
 * representative may not inspect it. Users are matched by display name, the only name both hold. The
 * device judges it before a draft is written; the platform judges a pushed inspection the same way, with
 * the subject and users it holds, when the inspection is new or its inspectors change.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { SubjectDocument } from '../subjects/model.ts';
import type { InspectionDocument } from './document.ts';

type Party = Pick<SubjectDocument, 'contactPerson' | 'legalRepresentative'>;

/** The ids of the users in conflict with the party. */
export function conflictedUsers(
  party: Party | null | undefined,
  users: readonly { id: string; displayName: string }[],
): string[] {
  const names = new Set(
    [party?.contactPerson ?? '', party?.legalRepresentative ?? ''].map((name) => name.trim()),
  );
  names.delete('');
  return users.filter((user) => names.has(user.displayName.trim())).map((user) => user.id);
}

/**
 * The platform's check of a pushed inspection: issue code `inspection.inspectorIsContact` at each
 * conflicted inspector, when the inspection is new or its inspectors changed (a later change of the
 * party's contacts does not undo a visit already made).
 */
export function conflictIssues(
  next: Pick<InspectionDocument, 'inspectors'>,
  previous: Pick<InspectionDocument, 'inspectors'> | null,
  conflicted: readonly string[],
): ValidationIssue[] {
  const inspectors = Array.isArray(next.inspectors) ? next.inspectors : [];
  if (previous && JSON.stringify(previous.inspectors) === JSON.stringify(inspectors)) return [];
  return inspectors.flatMap((inspector, index) =>
    conflicted.includes(inspector) ? [issue(`inspectors.${index}`, 'inspection.inspectorIsContact')] : [],
  );
}
