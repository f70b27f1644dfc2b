/**
 * The public credit information catalog (公共信用信息目录): which kinds of credit information the office
 * keeps, under which category, on what legal basis, how they are disclosed and how long they stay public.
 * Catalog items are city-wide `reference` documents of kind `catalogItem`.
 */
import {
  defaultPublicityConfig,
  effectivePublicityRule,
  type PublicityConfig,
  type PublicityRule,
} from './publicity.ts';
import { isRealDate } from '../base/identifiers.ts';
import { toHex, utf8 } from '../base/security/encoding.ts';
import { sha256 } from '../base/security/webCrypto.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { type Industry, industries, type SubjectKind, subjectKinds } from '../subjects/model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';

export type { PublicityRule };

/**
 * The id of a catalog item document, derived from its code (SHA-256, laid out as a version-8 UUID), so a
 * device's seeded default item and the city's published item of the same code are one document: an
 * item the city withdraws disappears from every device.
 */
export function catalogItemId(code: string): Promise<string> {
  return derivedUuid(`catalogItem:${code}`);
}

/** A version-8 UUID derived from a text (SHA-256), for documents whose id follows from their key. */
export async function derivedUuid(seed: string): Promise<string> {
  const bytes = (await sha256(utf8(seed))).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A credit category. Categories are data: provinces group information differently. */
export interface CreditCategory {
  code: string;
  /** Whether information of the category counts for (positive) or against (negative) its subject. */
  polarity: 'neutral' | 'positive' | 'negative';
  /** Whether items may receive records derived from administrative penalties. */
  dishonest: boolean;
}

/** The five categories of the housing-sector default (基础 / 增信 / 一般失信 / 严重失信 / 风险提示). */
export const defaultCreditCategories: readonly CreditCategory[] = [
  { code: 'basic', polarity: 'neutral', dishonest: false },
  { code: 'enhancing', polarity: 'positive', dishonest: false },
  { code: 'generalDishonest', polarity: 'negative', dishonest: true },
  { code: 'seriousDishonest', polarity: 'negative', dishonest: true },
  { code: 'riskWarning', polarity: 'negative', dishonest: false },
];

/** 社会公开 / 政务共享 / 授权查询 / 不予公开. */
export const disclosureAttributes = ['public', 'shared', 'authorised', 'notDisclosed'] as const;
export type DisclosureAttribute = (typeof disclosureAttributes)[number];

export const sharingMethods = ['platformReport', 'interfaceQuery', 'batchExchange', 'notShared'] as const;
export type SharingMethod = (typeof sharingMethods)[number];

export const updateFrequencies = ['onChange', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type UpdateFrequency = (typeof updateFrequencies)[number];

/** Penalty severities whose derived credit records an item receives ('' for none). */
export const catalogPenaltySeverities = ['', 'general', 'serious'] as const;
export type CatalogPenaltySeverity = (typeof catalogPenaltySeverities)[number];

export interface CatalogItem {
  /** Unique data code, e.g. `JZ-YB-01`. */
  code: string;
  name: LocalizedText;
  /** A code from the category list (the five defaults unless configured otherwise). */
  category: string;
  /** What information the item covers. */
  content: LocalizedText;
  /** Laws, regulations and policy documents the item rests on. */
  basis: string[];
  disclosure: DisclosureAttribute;
  /** Where the information is collected from. */
  collectionSource: LocalizedText;
  sharingMethod: SharingMethod;
  updateFrequency: UpdateFrequency;
  subjectTypes: SubjectKind[];
  /** Industries the item applies to; decides which sector publicity rules apply. */
  industries: Industry[];
  publicity: PublicityRule;
  /** The severity of administrative penalties whose derived records this item receives. */
  penaltySeverity: CatalogPenaltySeverity;
  catalogVersion: string;
  /** First day the item applies (YYYY-MM-DD). */
  validFrom: string;
  /** Last day the item applies, '' while open-ended. */
  validUntil: string;
}

export interface CatalogItemDocument extends BaseDocument, CatalogItem {
  kind: 'catalogItem';
}

export type CatalogItemInput = Omit<CatalogItemDocument, StampFields>;

export const catalogTextLimits = {
  code: 32,
  name: 100,
  content: 1000,
  basisEntry: 200,
  basisEntries: 10,
  collectionSource: 200,
  catalogVersion: 20,
} as const;

export const maxPublicityMonths = 120;

const codePattern = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

export interface CatalogContext {
  categories?: readonly CreditCategory[];
  publicity?: PublicityConfig;
}

/** Checks one catalog item; fields are named by their path (`name.zh`, `publicity.minMonths`). */
export function validateCatalogItem(item: CatalogItem, context: CatalogContext = {}): ValidationIssue[] {
  const categories = context.categories ?? defaultCreditCategories;
  const issues: ValidationIssue[] = [];
  const limits = catalogTextLimits;

  if (item.code === '') issues.push(issue('code', 'required'));
  else if (item.code.length > limits.code) issues.push(issue('code', 'tooLong', { max: limits.code }));
  else if (!codePattern.test(item.code)) issues.push(issue('code', 'catalog.codeFormat'));

  for (const field of ['name', 'content', 'collectionSource'] as const) {
    const max = limits[field];
    for (const lang of ['zh', 'en'] as const) {
      const text = item[field][lang];
      if (text.trim() === '') issues.push(issue(`${field}.${lang}`, 'required'));
      else if (text.length > max) issues.push(issue(`${field}.${lang}`, 'tooLong', { max }));
    }
  }

  const category = categories.find((c) => c.code === item.category);
  if (!category) issues.push(issue('category', 'oneOf'));
  if (!disclosureAttributes.includes(item.disclosure)) issues.push(issue('disclosure', 'oneOf'));
  if (!sharingMethods.includes(item.sharingMethod)) issues.push(issue('sharingMethod', 'oneOf'));
  if (!updateFrequencies.includes(item.updateFrequency)) issues.push(issue('updateFrequency', 'oneOf'));

  if (item.basis.length === 0) issues.push(issue('basis', 'required'));
  if (item.basis.length > limits.basisEntries) {
    issues.push(issue('basis', 'catalog.tooManyEntries', { max: limits.basisEntries }));
  }
  item.basis.forEach((entry, index) => {
    if (entry.trim() === '') issues.push(issue(`basis.${index}`, 'required'));
    else if (entry.length > limits.basisEntry)
      issues.push(issue(`basis.${index}`, 'tooLong', { max: limits.basisEntry }));
  });

  checkList(issues, 'subjectTypes', item.subjectTypes, subjectKinds);
  checkList(issues, 'industries', item.industries, industries);

  if (!catalogPenaltySeverities.includes(item.penaltySeverity))
    issues.push(issue('penaltySeverity', 'oneOf'));
  else if (item.penaltySeverity !== '' && category && !category.dishonest) {
    issues.push(issue('penaltySeverity', 'catalog.severityNeedsDishonestCategory'));
  }

  issues.push(...checkPublicityRule(item.publicity));
  if (issues.every((i) => !i.field.startsWith('publicity.')) && category) {
    const effective = effectivePublicityRule(item, context.publicity ?? defaultPublicityConfig);
    if (effective.conflict) {
      const { minMonths: min, maxMonths: max } = effective.rule;
      issues.push(issue('publicity', 'catalog.publicityConflict', { min, max }));
    } else if (effective.rule.whileValid !== item.publicity.whileValid) {
      issues.push(issue('publicity.whileValid', 'catalog.publicityWhileValid'));
    }
  }

  if (item.catalogVersion.trim() === '') issues.push(issue('catalogVersion', 'required'));
  else if (item.catalogVersion.length > limits.catalogVersion) {
    issues.push(issue('catalogVersion', 'tooLong', { max: limits.catalogVersion }));
  }
  if (!isRealDate(item.validFrom)) issues.push(issue('validFrom', 'dateFormat'));
  if (item.validUntil !== '') {
    if (!isRealDate(item.validUntil)) issues.push(issue('validUntil', 'dateFormat'));
    else if (item.validUntil < item.validFrom) issues.push(issue('validUntil', 'catalog.validityOrder'));
  }
  return issues;
}

function checkList<T extends string>(
  issues: ValidationIssue[],
  field: string,
  values: readonly T[],
  allowed: readonly T[],
): void {
  if (values.length === 0) issues.push(issue(field, 'required'));
  values.forEach((value, index) => {
    if (!allowed.includes(value)) issues.push(issue(`${field}.${index}`, 'oneOf'));
    else if (values.indexOf(value) !== index)
      issues.push(issue(`${field}.${index}`, 'catalog.duplicateEntry'));
  });
}

function checkPublicityRule(rule: PublicityRule): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const months = ['minMonths', 'defaultMonths', 'maxMonths'] as const;
  for (const field of months) {
    const value = rule[field];
    if (!Number.isInteger(value) || value < 0 || value > maxPublicityMonths) {
      issues.push(issue(`publicity.${field}`, 'catalog.months', { max: maxPublicityMonths }));
    }
  }
  if (issues.length > 0) return issues;
  if (rule.whileValid) {
    if (months.some((field) => rule[field] !== 0))
      issues.push(issue('publicity', 'catalog.whileValidMonths'));
  } else if (rule.minMonths > rule.defaultMonths || rule.defaultMonths > rule.maxMonths) {
    issues.push(issue('publicity', 'catalog.publicityOrder'));
  } else if (rule.maxMonths === 0) {
    issues.push(issue('publicity.maxMonths', 'catalog.months', { max: maxPublicityMonths }));
  }
  return issues;
}

/**
 * Checks a whole catalog: every item, plus codes unique across it. Fields are prefixed with the item's
 * position: `items.3.publicity.minMonths`.
 */
export function validateCatalog(
  items: readonly CatalogItem[],
  context: CatalogContext = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    for (const found of validateCatalogItem(item, context)) {
      issues.push({ ...found, field: `items.${index}.${found.field}` });
    }
    const first = firstIndex.get(item.code);
    if (first === undefined) firstIndex.set(item.code, index);
    else
      issues.push(issue(`items.${index}.code`, 'catalog.duplicateCode', { code: item.code, first: first }));
  });
  return issues;
}

/** The item with this code that applies on `date` (any date when omitted). */
export function findCatalogItem(
  catalog: readonly CatalogItem[],
  code: string,
  date?: string,
): CatalogItem | undefined {
  return catalog.find(
    (item) => item.code === code && (date === undefined || catalogItemAppliesOn(item, date)),
  );
}

export function catalogItemAppliesOn(item: CatalogItem, date: string): boolean {
  return item.validFrom <= date && (item.validUntil === '' || date <= item.validUntil);
}

const localizedTextSchema = (maxLength: number) =>
  ({
    type: 'object',
    properties: { zh: { type: 'string', maxLength }, en: { type: 'string', maxLength } },
    required: ['zh', 'en'],
    additionalProperties: false,
  }) as const;

const monthsSchema = { type: 'integer', minimum: 0, maximum: maxPublicityMonths } as const;

/** The JSON schema of a `catalogItem` document in the `reference` collection (RxDB format, plain data). */
export const catalogItemJsonSchema = {
  title: 'catalogItem',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: ['catalogItem'], maxLength: 20 },
    code: { type: 'string', maxLength: catalogTextLimits.code },
    name: localizedTextSchema(catalogTextLimits.name),
    category: { type: 'string', maxLength: 32 },
    content: localizedTextSchema(catalogTextLimits.content),
    basis: {
      type: 'array',
      maxItems: catalogTextLimits.basisEntries,
      items: { type: 'string', maxLength: catalogTextLimits.basisEntry },
    },
    disclosure: { type: 'string', enum: [...disclosureAttributes], maxLength: 16 },
    collectionSource: localizedTextSchema(catalogTextLimits.collectionSource),
    sharingMethod: { type: 'string', enum: [...sharingMethods], maxLength: 20 },
    updateFrequency: { type: 'string', enum: [...updateFrequencies], maxLength: 12 },
    subjectTypes: { type: 'array', items: { type: 'string', enum: [...subjectKinds], maxLength: 12 } },
    industries: { type: 'array', items: { type: 'string', enum: [...industries], maxLength: 24 } },
    publicity: {
      type: 'object',
      properties: {
        whileValid: { type: 'boolean' },
        minMonths: monthsSchema,
        maxMonths: monthsSchema,
        defaultMonths: monthsSchema,
      },
      required: ['whileValid', 'minMonths', 'maxMonths', 'defaultMonths'],
      additionalProperties: false,
    },
    penaltySeverity: { type: 'string', enum: [...catalogPenaltySeverities], maxLength: 8 },
    catalogVersion: { type: 'string', maxLength: catalogTextLimits.catalogVersion },
    validFrom: { type: 'string', maxLength: 10 },
    validUntil: { type: 'string', maxLength: 10 },
  },
  required: [
    ...stampFields,
    'kind',
    'code',
    'name',
    'category',
    'content',
    'basis',
    'disclosure',
    'collectionSource',
    'sharingMethod',
    'updateFrequency',
    'subjectTypes',
    'industries',
    'publicity',
    'penaltySeverity',
    'catalogVersion',
    'validFrom',
    'validUntil',
  ],
  indexes: ['updatedAt', ['kind', 'code'], ['category', 'code']],
  additionalProperties: false,
} as const;
