/**
 * Who may change an inspection's content: its own inspectors, nobody else — not another inspector of the
 * county, not the reviewer (who returns it with an opinion, a step, and leaves the changes to them). The
 * device shows the draft read-only to everyone else; the platform refuses such a push.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { InspectionDocument } from './document.ts';

/** Whether the user is one of the inspection's inspectors. */
export function mayEditContent(doc: Pick<InspectionDocument, 'inspectors'>, userId: string): boolean {
  return Array.isArray(doc.inspectors) && doc.inspectors.includes(userId);
}

/** Issue code `inspection.notInspector` (at `field`) when the user is not one of its inspectors. */
export function editorIssues(
  doc: Pick<InspectionDocument, 'inspectors'>,
  userId: string,
  field: string,
): ValidationIssue[] {
  return mayEditContent(doc, userId) ? [] : [issue(field, 'inspection.notInspector', { userId })];
}
