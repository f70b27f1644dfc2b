/**
 * Scoring models and list rules as city-published, versioned reference data (kind `ruleSet`). Each version
 * is its own document whose id follows from its variant, code and version, so publishing a new version
 * never edits an old one and grades computed under an older version stay reproducible. Devices and the
 * platform lay the published versions over the code defaults, as they do with the catalog.
 */
import { isRealDate } from '../base/identifiers.ts';
import { type ListRule, type ListRuleContext, defaultListRules, validateListRule } from '../lists/rules.ts';
import { type CatalogItem, derivedUuid } from '../creditRecords/catalog.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { baseDocumentProperties, type BaseDocument } from '../base/document.ts';
import type { Industry } from '../subjects/model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { type GradingModel, type GradingModelContext, modelInForce, validateGradingModel } from './model.ts';
import { defaultGradingModel } from './publishedModels.ts';
import { type CommitmentMatter, validateCommitmentMatter } from '../commitments/matters.ts';
import type { ChecklistTemplate } from '../inspections/checklists.ts';
import { checklistTemplateSchema } from '../inspections/checklists/model.ts';
import { validateChecklistVersion } from '../inspections/checklistVersions.ts';

export const ruleSetVariants = ['scoringModel', 'listRules', 'commitmentMatters', 'checklist'] as const;
export type RuleSetVariant = (typeof ruleSetVariants)[number];

export interface RuleSetDocument extends BaseDocument {
  kind: 'ruleSet';
  ruleSet: RuleSetVariant;
  /** Stable across versions; a scoring model's own code. */
  code: string;
  version: number;
  /** First day the version applies (YYYY-MM-DD). */
  validFrom: string;
  /** For `scoringModel`: the model, whose code, version and start repeat the document's. */
  model?: GradingModel;
  /** For `listRules`: the whole set of list rules in force from `validFrom`. */
  listRules?: ListRule[];
  /** For `commitmentMatters`: the whole list of commitment matters in force from `validFrom`. */
  matters?: CommitmentMatter[];
  /** For `checklist`: an industry's checklist template (code = industry), see inspections/checklistVersions.ts. */
  checklist?: ChecklistTemplate;
}

/** The properties the `reference` collection adds for rule sets (`code` and `validFrom` it already has). */
export const ruleSetProperties = {
  ruleSet: { type: 'string', enum: [...ruleSetVariants], maxLength: 20 },
  version: { type: 'integer', minimum: 1, maximum: 1_000_000, multipleOf: 1 },
  model: { type: 'object' },
  listRules: { type: 'array', maxItems: 100, items: { type: 'object' } },
  matters: { type: 'array', maxItems: 200, items: { type: 'object' } },
  checklist: checklistTemplateSchema,
} as const;

/** The JSON schema of one rule-set version (validated on the platform; stored in `reference`). */
export const ruleSetJsonSchema = {
  title: 'ruleSet',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: ['ruleSet'], maxLength: 20 },
    code: { type: 'string', maxLength: 32 },
    validFrom: { type: 'string', maxLength: 10 },
    ...ruleSetProperties,
  },
  required: [...Object.keys(baseDocumentProperties), 'kind', 'ruleSet', 'code', 'version', 'validFrom'],
  additionalProperties: false,
} as const;

/** The id of a rule-set version: one document per variant, code and version. */
export function ruleSetId(variant: RuleSetVariant, code: string, version: number): Promise<string> {
  return derivedUuid(`ruleSet:${variant}:${code}:${version}`);
}

/** Checklists also need the industries of catalog items (a failure maps to an item of its industry). */
export type RuleSetContext = Omit<GradingModelContext & ListRuleContext, 'catalog'> & {
  catalog: readonly Pick<CatalogItem, 'code' | 'industries'>[];
};

/**
 * Checks a published version (`validation.ruleSet.*`): `contentMissing` (the variant's content absent or
 * the other variant's present), `headMismatch` (a model's code, version or start differ from the
 * document's), `ruleCodeDuplicate`; plus the model's and each list rule's own issues, under their paths.
 */
export function validateRuleSet(doc: RuleSetDocument, context: RuleSetContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(doc.version) || doc.version < 1) issues.push(issue('version', 'grading.version'));
  if (!isRealDate(doc.validFrom)) issues.push(issue('validFrom', 'dateFormat'));
  if (doc.ruleSet === 'commitmentMatters') return [...issues, ...matterListIssues(doc, context)];
  if (doc.ruleSet === 'checklist') {
    if (!doc.checklist || doc.model !== undefined || doc.listRules !== undefined || doc.matters !== undefined)
      return [...issues, issue('checklist', 'ruleSet.contentMissing')];
    return [...issues, ...validateChecklistVersion(doc, doc.checklist, context.catalog)];
  }
  if (doc.checklist !== undefined) return [...issues, issue('checklist', 'ruleSet.contentMissing')];
  if (doc.ruleSet === 'scoringModel') {
    if (!doc.model || doc.listRules !== undefined || doc.matters !== undefined)
      return [...issues, issue('model', 'ruleSet.contentMissing')];
    const { model } = doc;
    if (model.code !== doc.code || model.version !== doc.version || model.validFrom !== doc.validFrom)
      issues.push(issue('model', 'ruleSet.headMismatch'));
    const checked = validateGradingModel(model, context);
    if (!checked.ok) issues.push(...checked.issues.map((found) => within('model', found)));
  } else {
    if (!doc.listRules || doc.listRules.length === 0 || doc.model !== undefined || doc.matters !== undefined)
      return [...issues, issue('listRules', 'ruleSet.contentMissing')];
    const codes = new Set<string>();
    doc.listRules.forEach((rule, index) => {
      const field = `listRules.${index}`;
      if (codes.has(rule.code))
        issues.push(issue(`${field}.code`, 'ruleSet.ruleCodeDuplicate', { code: rule.code }));
      codes.add(rule.code);
      const checked = validateListRule(rule, context);
      if (!checked.ok) issues.push(...checked.issues.map((found) => within(field, found)));
    });
  }
  return issues;
}

/** A list of commitment matters: content present alone, codes unique, each matter valid. */
function matterListIssues(doc: RuleSetDocument, context: RuleSetContext): ValidationIssue[] {
  if (!doc.matters || doc.matters.length === 0 || doc.model !== undefined || doc.listRules !== undefined)
    return [issue('matters', 'ruleSet.contentMissing')];
  const catalogCodes = new Set(context.catalog.map((item) => item.code));
  const codes = new Set<string>();
  return doc.matters.flatMap((matter, index) => {
    const field = `matters.${index}`;
    const found = validateCommitmentMatter(matter, catalogCodes).map((one) => within(field, one));
    if (codes.has(matter.code))
      found.push(issue(`${field}.code`, 'commitment.matterCodeDuplicate', { code: matter.code }));
    codes.add(matter.code);
    return found;
  });
}

function within(prefix: string, found: ValidationIssue): ValidationIssue {
  return { ...found, field: found.field === '' ? prefix : `${prefix}.${found.field}` };
}

/** The published scoring-model versions among reference documents. */
export function publishedGradingModels(docs: readonly Partial<RuleSetDocument>[]): GradingModel[] {
  return docs.flatMap((doc) =>
    doc.kind === 'ruleSet' && doc.ruleSet === 'scoringModel' && doc.model ? [doc.model] : [],
  );
}

/** The model for an industry on `asOf`: the city's version in force, else the code default. */
export function gradingModelFor(
  published: readonly GradingModel[],
  industry: Industry,
  asOf: string,
): GradingModel {
  return modelInForce(published, industry, asOf) ?? defaultGradingModel(industry);
}

type ListRuleSet = Pick<RuleSetDocument, 'version' | 'validFrom'> & { listRules: ListRule[] };

function listRuleSetsOf(docs: readonly Partial<RuleSetDocument>[]): ListRuleSet[] {
  return docs.flatMap((doc) =>
    doc.kind === 'ruleSet' && doc.ruleSet === 'listRules' && doc.listRules
      ? [{ version: doc.version ?? 0, validFrom: doc.validFrom ?? '', listRules: doc.listRules }]
      : [],
  );
}

/** The list rules in force on `asOf`: the city's latest version by start then number, else the defaults. */
export function listRulesInForce(
  docs: readonly Partial<RuleSetDocument>[],
  asOf: string,
): readonly ListRule[] {
  let found: ListRuleSet | undefined;
  for (const set of listRuleSetsOf(docs)) {
    if (set.validFrom > asOf) continue;
    if (
      !found ||
      set.validFrom > found.validFrom ||
      (set.validFrom === found.validFrom && set.version > found.version)
    )
      found = set;
  }
  return found?.listRules ?? defaultListRules;
}

/**
 * Every rule any version ever held (later versions first, then the defaults), for checking listings
 * decided under an earlier version: an entry keeps the rule it was proposed under.
 */
export function everyListRule(docs: readonly Partial<RuleSetDocument>[]): ListRule[] {
  const byCode = new Map<string, ListRule>();
  const sets = listRuleSetsOf(docs).sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom) || b.version - a.version,
  );
  for (const rule of [...sets.flatMap((set) => set.listRules), ...defaultListRules]) {
    if (!byCode.has(rule.code)) byCode.set(rule.code, rule);
  }
  return [...byCode.values()];
}

/**
 * A published version is never edited: publishing a version again with other content is refused
 * (`ruleSet.versionPublished`); the same content again is harmless.
 */
export function republishIssues(
  current: RuleSetDocument | undefined,
  next: RuleSetDocument,
): ValidationIssue[] {
  if (!current) return [];
  const content = (doc: RuleSetDocument) =>
    canonicalJson([
      doc.ruleSet,
      doc.code,
      doc.version,
      doc.validFrom,
      doc.model ?? null,
      doc.listRules ?? null,
      doc.matters ?? null,
      doc.checklist ?? null,
    ]);
  return content(current) === content(next) ? [] : [issue('version', 'ruleSet.versionPublished')];
}
