/**
 * Checklist templates edited by administrators are city-published, versioned reference data: a `ruleSet`
 * document of variant `checklist` whose code is the industry, published with the platform's
 * `publish reference` command like the scoring models. City-published rather than county-owned because a
 * template decides which catalog item (itself city-published) a failure maps to and how deep each credit
 * grade is inspected: the counties of one city must inspect alike for their findings and grades to be
 * comparable. Devices use the version in force (published over the code defaults); a published version is
 * never edited (`republishIssues`), so an inspection keeps rendering with the version it recorded.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { CatalogItem } from '../creditRecords/catalog.ts';
import {
  type ChecklistIndustry,
  type ChecklistItem,
  type ChecklistTemplate,
  checklistIndustries,
  defaultTemplateFor,
  validateTemplate,
} from './checklists.ts';

/** One published version of an industry's checklist and the first day it applies. */
export interface PublishedChecklist {
  validFrom: string;
  template: ChecklistTemplate;
}

/** A reference document as far as checklists read it (a `ruleSet` of variant `checklist`, or another). */
export interface ChecklistReference {
  kind?: string;
  ruleSet?: string;
  validFrom?: string;
  checklist?: ChecklistTemplate;
}

/** The published checklist versions among reference documents. */
export function publishedChecklists(docs: readonly ChecklistReference[]): PublishedChecklist[] {
  return docs.flatMap((doc) =>
    doc.kind === 'ruleSet' && doc.ruleSet === 'checklist' && doc.checklist && doc.validFrom
      ? [{ validFrom: doc.validFrom, template: doc.checklist }]
      : [],
  );
}

/** The template a new inspection uses on `asOf`: the latest published version in force, else the default. */
export function checklistInForce(
  published: readonly PublishedChecklist[],
  industry: ChecklistIndustry,
  asOf: string,
): ChecklistTemplate {
  let found: PublishedChecklist | undefined;
  for (const one of published) {
    if (one.template.industry !== industry || one.validFrom > asOf) continue;
    if (
      !found ||
      one.validFrom > found.validFrom ||
      (one.validFrom === found.validFrom && one.template.version > found.template.version)
    )
      found = one;
  }
  return found?.template ?? defaultTemplateFor(industry);
}

/** The template of a version an inspection recorded, if this device knows it. */
export function checklistVersion(
  published: readonly PublishedChecklist[],
  industry: ChecklistIndustry,
  version: number,
): ChecklistTemplate | undefined {
  const fallback = defaultTemplateFor(industry);
  if (fallback.version === version) return fallback;
  return published.find((one) => one.template.industry === industry && one.template.version === version)
    ?.template;
}

/**
 * Checks a checklist version for publication: `inspection.template.industry` (the code names no checklist
 * industry), `inspection.template.headMismatch` (the template's industry or version differ from the
 * document's), `inspection.template.versionOfDefault` (the built-in version is taken), and the template's
 * own issues (see `validateTemplate`), all under `checklist`.
 */
export function validateChecklistVersion(
  doc: { code: string; version: number },
  template: ChecklistTemplate,
  catalog: readonly Pick<CatalogItem, 'code' | 'industries'>[],
): ValidationIssue[] {
  if (!checklistIndustries.includes(doc.code as ChecklistIndustry))
    return [issue('code', 'inspection.template.industry')];
  const issues: ValidationIssue[] = [];
  if (template.industry !== doc.code || template.version !== doc.version)
    issues.push(issue('checklist', 'inspection.template.headMismatch'));
  const builtIn = defaultTemplateFor(doc.code as ChecklistIndustry).version;
  if (doc.version <= builtIn)
    issues.push(issue('version', 'inspection.template.versionOfDefault', { version: builtIn }));
  if (!Array.isArray(template.items)) return [...issues, issue('checklist.items', 'required')];
  const own = validateTemplate(template, catalog);
  return [...issues, ...own.map((found) => ({ ...found, field: `checklist.${found.field}` }))];
}

/** An item by its code in the industry's latest version that holds it (orders name items, not versions). */
export function latestChecklistItem(
  published: readonly PublishedChecklist[],
  industry: ChecklistIndustry,
  code: string,
): ChecklistItem | undefined {
  const versions = [
    ...published.map((one) => one.template).filter((template) => template.industry === industry),
    defaultTemplateFor(industry),
  ].sort((a, b) => b.version - a.version);
  for (const template of versions) {
    const item = template.items.find((candidate) => candidate.code === code);
    if (item) return item;
  }
  return undefined;
}

/**
 * The publishable draft of an industry's next version: the version in force renumbered, as a document of
 * the `publish reference` file (an array), for an administrator to edit and hand to the city platform.
 */
export function nextChecklistDraft(
  template: ChecklistTemplate,
  options: { city: string; validFrom: string; at: string; by: string },
) {
  const version = template.version + 1;
  return [
    {
      county: options.city,
      createdAt: options.at,
      updatedAt: options.at,
      createdBy: options.by,
      updatedBy: options.by,
      kind: 'ruleSet' as const,
      ruleSet: 'checklist' as const,
      code: template.industry,
      version,
      validFrom: options.validFrom,
      checklist: { ...structuredClone(template), version },
    },
  ];
}
