/**
 * Checklist templates for on-site inspections: one per industry, versioned, each item with its legal
 * basis and the catalog item (shared/creditRecords/defaultCatalog.ts) a failure of it maps to when a
 * rectification is escalated. The depth of a checklist follows the subject's credit state: every item has
 * a level (1 core, 2 standard, 3 full) and a lower grade gets the deeper checklist.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { CatalogItem } from '../creditRecords/catalog.ts';
import {
  type ChecklistDepth,
  type ChecklistIndustry,
  type ChecklistItem,
  type ChecklistTemplate,
  checklistDepths,
} from './checklists/model.ts';
import { constructionSite } from './checklists/construction.ts';
import { propertyService } from './checklists/propertyServices.ts';
import { developmentPresale } from './checklists/realEstateDevelopment.ts';
import { brokerage } from './checklists/realEstateBrokerage.ts';

export {
  type ChecklistDepth,
  type ChecklistIndustry,
  type ChecklistItem,
  type ChecklistTemplate,
  checklistDepths,
  checklistIndustries,
  type ItemLevel,
} from './checklists/model.ts';

/** Which depth each credit state gets; `raised` (open risk warning, overdue rectification) wins. */
export interface DepthPolicy {
  grades: Readonly<Record<string, ChecklistDepth>>;
  ungraded: ChecklistDepth;
  raised: ChecklistDepth;
}

export const defaultDepthPolicy: DepthPolicy = {
  grades: { AAA: 'basic', AA: 'basic', A: 'standard', B: 'full', C: 'full' },
  ungraded: 'standard',
  raised: 'full',
};

export function depthFor(
  policy: DepthPolicy,
  state: { grade: string | null; raised: boolean },
): ChecklistDepth {
  if (state.raised) return policy.raised;
  if (state.grade !== null && Object.hasOwn(policy.grades, state.grade)) {
    return policy.grades[state.grade] as ChecklistDepth;
  }
  return policy.ungraded;
}

/** The items an inspection at this depth goes through, in template order. */
export function itemsAtDepth(template: ChecklistTemplate, depth: ChecklistDepth): ChecklistItem[] {
  const deepest = checklistDepths.indexOf(depth) + 1;
  return template.items.filter((item) => item.level <= deepest);
}

/**
 * Checks a template against the catalog. Issue codes: `inspection.template.itemEmpty`,
 * `inspection.template.itemCodeTwice`,
 * `inspection.template.unknownCatalogItem`, `inspection.template.catalogIndustry`,
 * `inspection.template.basisMissing`, `inspection.template.noCoreItem`.
 */
export function validateTemplate(
  template: ChecklistTemplate,
  catalog: readonly Pick<CatalogItem, 'code' | 'industries'>[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  template.items.forEach((item, index) => {
    const at = `items.${index}`;
    if ([item.code, item.text.zh, item.text.en].some((text) => text.trim() === ''))
      issues.push(issue(at, 'inspection.template.itemEmpty'));
    if (seen.has(item.code))
      issues.push(issue(`${at}.code`, 'inspection.template.itemCodeTwice', { code: item.code }));
    seen.add(item.code);
    const target = catalog.find((entry) => entry.code === item.catalogCode);
    if (!target) {
      issues.push(
        issue(`${at}.catalogCode`, 'inspection.template.unknownCatalogItem', { code: item.catalogCode }),
      );
    } else if (!target.industries.includes(template.industry)) {
      issues.push(
        issue(`${at}.catalogCode`, 'inspection.template.catalogIndustry', { code: item.catalogCode }),
      );
    }
    if (item.basis.length === 0 || item.basis.some((law) => law.trim() === '')) {
      issues.push(issue(`${at}.basis`, 'inspection.template.basisMissing'));
    }
  });
  if (!template.items.some((item) => item.level === 1)) {
    issues.push(issue('items', 'inspection.template.noCoreItem'));
  }
  return issues;
}

/** The templates a county starts with. */
export const defaultChecklistTemplates: readonly ChecklistTemplate[] = [
  constructionSite,
  propertyService,
  developmentPresale,
  brokerage,
];

export function defaultTemplateFor(industry: ChecklistIndustry): ChecklistTemplate {
  return defaultChecklistTemplates.find((found) => found.industry === industry) as ChecklistTemplate;
}
