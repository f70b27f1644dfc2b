/**
 * Credit scoring models (信用评价模型) as configuration: the city publishes one versioned model per
 * industry as reference data. A model holds a base score, items that add or deduct points, grade bands,
 * a one-vote veto and the supervision measures of each grade. No national housing-sector model exists
 * (see docs: published local models from Jinan, Yantai, Lianyungang and Shangqiu), so everything here is
 * data; `defaultGradingModel` is the sensible default (A ≥ 90, B 75–89, C 60–74, D < 60).
 *
 * Only credit information may count (「严禁将非信用信息和个人私密信息纳入信用评价」): a record item names a
 * catalog item or a credit category, never free text; the other item kinds take facts supplied by the
 * commitments and inspections capabilities.
 */
import { isRealDate } from '../base/identifiers.ts';
import type { CatalogItem, CreditCategory, LocalizedText } from '../creditRecords/catalog.ts';
import { type Industry, industries } from '../subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { type ProvincialRule, validateProvincialRule } from './provincial.ts';

/** What an item scores: a credit record, or a fact from the commitments or inspections capability. */
export const scoreItemKinds = [
  'record',
  'fulfilledCommitment',
  'breachedCommitment',
  'falseCommitment',
  'failedInspection',
] as const;
export type ScoreItemKind = (typeof scoreItemKinds)[number];

/**
 * How long an item counts, from its record's publicity start (or the fact's date):
 * - `publicity`: the record's publicity period (open-ended for information public while valid);
 * - `months`: a configured number of calendar months;
 * - `publicityOrMonths`: the publicity period where the record has an end, else the months (Yantai 2022).
 * Every item stops counting the day its record is repaired or revoked.
 */
export type ItemValidity =
  | { kind: 'publicity' }
  | { kind: 'months'; months: number }
  | { kind: 'publicityOrMonths'; months: number };

export interface ScoreItem {
  /** Unique within the model. */
  code: string;
  name: LocalizedText;
  kind: ScoreItemKind;
  /** For `record` items exactly one of these: a catalog item code, or a credit category code. */
  catalogCode?: string;
  category?: string;
  /** Points added (positive) or deducted (negative) per matching record or fact. */
  points: number;
  validity: ItemValidity;
}

/** Supervision measures of a grade (分类监管). */
export interface GradeMeasures {
  /** Share of subjects of the grade drawn for double-random inspections, 0 to 1. */
  inspectionRatio: number;
  /** 绿色通道: faster handling of applications. */
  greenChannel: boolean;
  /** 容缺受理: an application may be accepted with non-essential materials missing, on a commitment. */
  toleranceAcceptance: boolean;
}

export interface GradeDefinition {
  code: string;
  name: LocalizedText;
  measures: GradeMeasures;
}

/**
 * A score band, checked in order: the first whose conditions hold gives the grade. `min` is inclusive,
 * or exclusive with `exclusive`; a band without `min` takes any score. With `withoutNegative` the band
 * applies only when no deducting item counts (Jinan: B also below 60 when there is no negative record).
 */
export interface GradeBand {
  grade: string;
  min?: number;
  exclusive?: boolean;
  withoutNegative?: boolean;
}

export interface GradingModel {
  /** Stable across versions of one model. */
  code: string;
  /** A new version is a new document: grades computed under an older one stay reproducible. */
  version: number;
  name: LocalizedText;
  industry: Industry;
  /** First day the version applies (YYYY-MM-DD). */
  validFrom: string;
  basis: string[];
  baseScore: number;
  /** The most all adding items together may add; null for no limit (Yantai: good ≤ 40). */
  bonusCap: number | null;
  items: ScoreItem[];
  /** Best first. */
  grades: GradeDefinition[];
  bands: GradeBand[];
  /** One-vote veto (一票否决): an active entry on any of these lists forces the grade. */
  veto: { lists: string[]; grade: string };
  /** The grade of a subject not enrolled in the scheme (Jinan "C (missing)"); null grades it normally. */
  notEnrolledGrade: string | null;
  /** How the province's comprehensive evaluation counts (provincial.ts); absent where it does not. */
  provincial?: ProvincialRule;
}

/** The version of a model in force on `asOf` for an industry: the latest whose `validFrom` has come. */
export function modelInForce(
  models: readonly GradingModel[],
  industry: Industry,
  asOf: string,
): GradingModel | undefined {
  let found: GradingModel | undefined;
  for (const model of models) {
    if (model.industry !== industry || model.validFrom > asOf) continue;
    if (
      !found ||
      model.validFrom > found.validFrom ||
      (model.validFrom === found.validFrom && model.version > found.version)
    ) {
      found = model;
    }
  }
  return found;
}

export interface GradingModelContext {
  /** Catalog items a record item may name. */
  catalog: readonly Pick<CatalogItem, 'code'>[];
  categories: readonly Pick<CreditCategory, 'code'>[];
}

export const gradingLimits = { code: 32, items: 200, grades: 12, pointsAbs: 1000, months: 120 } as const;

/**
 * Checks a published model. Issue codes (`validation.grading.*`): `itemCodeDuplicate`, `itemTarget`
 * (a record item needs exactly one of catalog item and category; other kinds neither),
 * `unknownCatalogItem`, `unknownCategory`, `points`, `validityMonths`, `validityNeedsRecord`,
 * `gradeDuplicate`, `unknownGrade`, `noFallbackBand`, `bandOrder`, `bandOverlap` (a band no score reaches), `inspectionRatio`, `bonusCap`,
 * `baseScore`; plus the shared `required`, `oneOf`, `dateFormat`, `tooLong`; `grading.tooMany`.
 */
export function validateGradingModel(
  model: GradingModel,
  context: GradingModelContext,
): Validated<GradingModel> {
  const issues: ValidationIssue[] = [];
  if (model.code.trim() === '') issues.push(issue('code', 'required'));
  else if (model.code.length > gradingLimits.code)
    issues.push(issue('code', 'tooLong', { max: gradingLimits.code }));
  if (!Number.isInteger(model.version) || model.version < 1) issues.push(issue('version', 'grading.version'));
  if (model.name.zh.trim() === '' || model.name.en.trim() === '') issues.push(issue('name', 'required'));
  if (!industries.includes(model.industry)) issues.push(issue('industry', 'oneOf'));
  if (!isRealDate(model.validFrom)) issues.push(issue('validFrom', 'dateFormat'));
  if (!Number.isFinite(model.baseScore) || Math.abs(model.baseScore) > gradingLimits.pointsAbs) {
    issues.push(issue('baseScore', 'grading.baseScore', { max: gradingLimits.pointsAbs }));
  }
  if (model.bonusCap !== null && !(Number.isFinite(model.bonusCap) && model.bonusCap >= 0)) {
    issues.push(issue('bonusCap', 'grading.bonusCap'));
  }
  if (model.items.length > gradingLimits.items)
    issues.push(issue('items', 'grading.tooMany', { max: gradingLimits.items }));
  issues.push(...validateItems(model.items, context));

  const gradeCodes = new Set<string>();
  model.grades.forEach((grade, index) => {
    const field = `grades.${index}`;
    if (grade.code.trim() === '') issues.push(issue(`${field}.code`, 'required'));
    if (gradeCodes.has(grade.code))
      issues.push(issue(`${field}.code`, 'grading.gradeDuplicate', { grade: grade.code }));
    gradeCodes.add(grade.code);
    if (grade.name.zh.trim() === '' || grade.name.en.trim() === '')
      issues.push(issue(`${field}.name`, 'required'));
    const ratio = grade.measures.inspectionRatio;
    if (!(Number.isFinite(ratio) && ratio >= 0 && ratio <= 1)) {
      issues.push(issue(`${field}.measures.inspectionRatio`, 'grading.inspectionRatio'));
    }
  });
  if (model.grades.length === 0) issues.push(issue('grades', 'required'));
  if (model.grades.length > gradingLimits.grades)
    issues.push(issue('grades', 'grading.tooMany', { max: gradingLimits.grades }));

  const knownGrade = (field: string, grade: string): void => {
    if (!gradeCodes.has(grade)) issues.push(issue(field, 'grading.unknownGrade', { grade }));
  };
  let previous: GradeBand | undefined;
  model.bands.forEach((band, index) => {
    knownGrade(`bands.${index}.grade`, band.grade);
    if (band.min === undefined || band.withoutNegative) return;
    if (previous?.min !== undefined && band.min > previous.min)
      issues.push(issue(`bands.${index}.min`, 'grading.bandOrder'));
    else if (band.min === previous?.min && !(previous.exclusive && !band.exclusive))
      issues.push(issue(`bands.${index}.min`, 'grading.bandOverlap', { grade: band.grade, min: band.min }));
    previous = band;
  });
  const last = model.bands.at(-1);
  if (!last || last.min !== undefined || last.withoutNegative)
    issues.push(issue('bands', 'grading.noFallbackBand'));
  knownGrade('veto.grade', model.veto.grade);
  if (model.notEnrolledGrade !== null) knownGrade('notEnrolledGrade', model.notEnrolledGrade);
  if (model.provincial) issues.push(...validateProvincialRule(model.provincial, gradeCodes, gradingLimits));
  return issues.length === 0 ? { ok: true, value: model } : { ok: false, issues };
}

function validateItems(items: readonly ScoreItem[], context: GradingModelContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const codes = new Set<string>();
  items.forEach((item, index) => {
    const field = `items.${index}`;
    if (item.code.trim() === '') issues.push(issue(`${field}.code`, 'required'));
    if (codes.has(item.code))
      issues.push(issue(`${field}.code`, 'grading.itemCodeDuplicate', { code: item.code }));
    codes.add(item.code);
    if (!scoreItemKinds.includes(item.kind)) issues.push(issue(`${field}.kind`, 'oneOf'));
    const targets = (item.catalogCode === undefined ? 0 : 1) + (item.category === undefined ? 0 : 1);
    if (targets !== (item.kind === 'record' ? 1 : 0)) issues.push(issue(field, 'grading.itemTarget'));
    if (item.catalogCode !== undefined && !context.catalog.some((entry) => entry.code === item.catalogCode)) {
      issues.push(issue(`${field}.catalogCode`, 'grading.unknownCatalogItem', { code: item.catalogCode }));
    }
    if (item.category !== undefined && !context.categories.some((entry) => entry.code === item.category)) {
      issues.push(issue(`${field}.category`, 'grading.unknownCategory', { code: item.category }));
    }
    if (
      !Number.isFinite(item.points) ||
      item.points === 0 ||
      Math.abs(item.points) > gradingLimits.pointsAbs
    ) {
      issues.push(issue(`${field}.points`, 'grading.points', { max: gradingLimits.pointsAbs }));
    }
    const { validity } = item;
    if (validity.kind !== 'publicity') {
      if (
        !Number.isInteger(validity.months) ||
        validity.months < 1 ||
        validity.months > gradingLimits.months
      ) {
        issues.push(issue(`${field}.validity`, 'grading.validityMonths', { max: gradingLimits.months }));
      }
    }
    if (validity.kind !== 'months' && item.kind !== 'record') {
      issues.push(issue(`${field}.validity`, 'grading.validityNeedsRecord'));
    }
  });
  return issues;
}
