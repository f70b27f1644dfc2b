/**
 * Whether an inspection's checklist items belong to the published template version it names: the version
 * must be one the city published (or the built-in one), every item code must be in that version, and an
 * item deeper than the recorded depth may not carry a result. The device checks a record with it before
 * writing; the platform checks every pushed inspection with it against the versions it holds.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import { type ChecklistDepth, type ChecklistIndustry, checklistDepths } from './checklists.ts';
import { checklistVersion, type PublishedChecklist } from './checklistVersions.ts';

export interface ChecklistUse {
  templateIndustry: ChecklistIndustry;
  templateVersion: number;
  depth: ChecklistDepth;
  items: readonly { code: string; result: string }[];
}

/**
 * Issue codes: `inspection.templateUnknown` (no such version published), `inspection.itemNotInTemplate`
 * (a code the version lacks), `inspection.itemNotAtDepth` (a result on an item beyond the recorded depth).
 */
export function checklistConformance(
  inspection: ChecklistUse,
  published: readonly PublishedChecklist[],
): ValidationIssue[] {
  const { templateIndustry: industry, templateVersion: version } = inspection;
  const template = checklistVersion(published, industry, version);
  if (!template) return [issue('templateVersion', 'inspection.templateUnknown', { version })];
  const deepest = checklistDepths.indexOf(inspection.depth) + 1;
  const levels = new Map(template.items.map((item) => [item.code, item.level]));
  return inspection.items.flatMap((item, index) => {
    const level = levels.get(item.code);
    if (level === undefined)
      return [issue(`items.${index}.code`, 'inspection.itemNotInTemplate', { code: item.code, version })];
    if (level > deepest && item.result !== '')
      return [issue(`items.${index}.result`, 'inspection.itemNotAtDepth', { code: item.code })];
    return [];
  });
}
