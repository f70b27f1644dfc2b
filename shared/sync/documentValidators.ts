/**
 * Which documents the platform accepts: one validator per synced collection, run on every pushed
 * document. A validator checks the document against its collection's JSON schema (fields, types,
 * lengths, enums), the stamp fields every document carries, and the collection's domain rules.
 * The platform serves only collections registered here; add an entry when a collection's model exists.
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import { type CaseInput, caseJsonSchema, normalizeCaseInput, validateCaseInput } from '../cases/model.ts';
import type { CommitmentMatterList } from '../commitments/matterList.ts';
import { type CommitmentInput, commitmentJsonSchema, validateCommitmentInput } from '../commitments/model.ts';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { holidayCalendarJsonSchema, validateHolidayCalendar } from '../base/calendar/workdays.ts';
import {
  type CatalogItem,
  type CatalogItemInput,
  catalogItemJsonSchema,
  defaultCreditCategories,
  validateCatalogItem,
} from '../creditRecords/catalog.ts';
import { validateAuditEntry } from '../base/auditEntry.ts';
import { defaultTemplateFor } from '../inspections/checklists.ts';
import {
  type InspectionInput,
  inspectionJsonSchema,
  missingFields,
  type PlanDocument,
  type ProjectDocument,
  type ConflictDocument,
  type SettingDocument,
  recordOf,
} from '../inspections/document.ts';
import {
  validateConflictDocument,
  validatePlanDocument,
  validateProjectDocument,
} from '../inspections/kinds.ts';
import { validateInspection } from '../inspections/record.ts';
import { checklistConformance } from '../inspections/checklistConformance.ts';
import { validateCountySetting } from '../inspections/countySetting.ts';
import type { PublishedChecklist } from '../inspections/checklistVersions.ts';
import { indexFieldIssues } from '../inspections/indexFields.ts';
import {
  type CityBlackListEntry,
  cityBlackListJsonSchema,
  validateCityBlackListEntry,
} from '../lists/cityBlackList.ts';
import { type ListingInput, listingJsonSchema, validateListingInput } from '../lists/listing.ts';
import { type ListRule, defaultListRules } from '../lists/rules.ts';
import { type RuleSetDocument, ruleSetJsonSchema, validateRuleSet } from '../grading/ruleSet.ts';
import type { CollectionName } from '../base/collections.ts';
import type { DocumentValidationContext, DocumentValidator } from '../base/documentValidation.ts';
import {
  type CreditRecordInput,
  creditRecordJsonSchema,
  normalizeCreditRecordInput,
  validateCreditRecordInput,
} from '../creditRecords/model.ts';
import {
  type DisclosureInput,
  disclosureJsonSchema,
  normalizeDisclosureInput,
  validateDisclosureInput,
} from '../disclosures/model.ts';
import {
  normalizeSubjectInput,
  type SubjectInput,
  subjectJsonSchema,
  validateSubjectInput,
} from '../subjects/model.ts';
import { normalizeUserInput, type UserInput, userJsonSchema, validateUserInput } from '../base/user.ts';
import { issue, uniqueIssues, type ValidationIssue } from '../base/validation.ts';
import { isUuid } from '../base/uuid.ts';

declare module '../base/documentValidation.ts' {
  interface DocumentValidationContext {
    /** The city's catalog, which credit records are checked against; the default catalog when absent. */
    catalog?: readonly CatalogItem[];
    /** Every list rule the city ever published with the defaults (see `everyListRule`); the defaults when absent. */
    listRules?: readonly ListRule[];
    /** The versions of the list of commitment matters the city published; the default set alone when absent. */
    matterLists?: readonly CommitmentMatterList[];
    /** The checklist versions the city published, which inspections are checked against; built-in ones alone when absent. */
    checklists?: readonly PublishedChecklist[];
  }
}

export type { DocumentValidationContext, DocumentValidator };

export type DocumentValidatorRegistry = Partial<Record<CollectionName, DocumentValidator>>;

interface JsonSchemaProperty {
  /** One type, or several (`['object', 'null']`). */
  readonly type: string | readonly string[];
  readonly maxLength?: number;
  readonly enum?: readonly unknown[];
}

/** The part of an RxDB JSON schema the structural check reads. */
export interface CollectionJsonSchema {
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

/** Fields a pushed document may carry besides its schema's: the deletion flag. */
const replicationFields = new Set(['_deleted']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string | readonly string[]): boolean {
  if (Array.isArray(type)) return type.some((one) => hasType(value, one));
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return false;
  }
}

function typeName(type: string | readonly string[]): string {
  // A field named like an Object.prototype member reaches here without a declared type.
  return Array.isArray(type) ? type.join(' or ') : (type as string);
}

/** Structural check: required fields, types, string lengths, enums, no unknown fields. */
export function validateAgainstJsonSchema(doc: unknown, schema: CollectionJsonSchema): ValidationIssue[] {
  if (!isPlainObject(doc)) return [issue('', 'notObject')];
  const issues: ValidationIssue[] = [];
  for (const field of schema.required ?? []) {
    if (doc[field] === undefined) issues.push(issue(field, 'missing'));
  }
  for (const [field, value] of Object.entries(doc)) {
    const property = schema.properties[field];
    if (!property) {
      if (schema.additionalProperties === false && !replicationFields.has(field)) {
        issues.push(issue(field, 'unknownField'));
      }
      continue;
    }
    if (!hasType(value, property.type)) {
      issues.push(issue(field, 'type', { expected: typeName(property.type) }));
      continue;
    }
    if (property.maxLength !== undefined && typeof value === 'string' && value.length > property.maxLength) {
      issues.push(issue(field, 'tooLong', { max: property.maxLength }));
    }
    if (property.enum && !property.enum.includes(value)) issues.push(issue(field, 'oneOf'));
  }
  if ('_deleted' in doc && typeof doc._deleted !== 'boolean') {
    issues.push(issue('_deleted', 'type', { expected: 'boolean' }));
  }
  return issues;
}

const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function isIsoInstant(value: string): boolean {
  return isoInstantPattern.test(value) && !Number.isNaN(Date.parse(value));
}

/** The stamp fields of BaseDocument: UUID id, six-digit county, ISO instants, user ids. */
export function validateBaseDocument(doc: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof doc.id === 'string' && !isUuid(doc.id)) issues.push(issue('id', 'uuid'));
  if (typeof doc.county === 'string' && !/^\d{6}$/.test(doc.county))
    issues.push(issue('county', 'divisionCode'));
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const value = doc[field];
    if (typeof value === 'string' && !isIsoInstant(value)) issues.push(issue(field, 'isoInstant'));
  }
  for (const field of ['createdBy', 'updatedBy'] as const) {
    if (doc[field] === '') issues.push(issue(field, 'required'));
  }
  return issues;
}

/** Issues that leave a document's shape unknown: domain rules cannot run on it. */
const shapeIssueCodes = new Set(['notObject', 'missing', 'type']);

export function validateSubjectDocument(doc: unknown, context: DocumentValidationContext): ValidationIssue[] {
  const structural = validateAgainstJsonSchema(doc, subjectJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const input = doc as unknown as SubjectInput;
  const domain = validateSubjectInput(input, context.today);
  if (!domain.ok) issues.push(...domain.issues);
  // Stored values must already be in the form the app writes, or lookups by code would miss them.
  const normalized = normalizeSubjectInput(input);
  for (const [field, value] of Object.entries(normalized)) {
    if (doc[field] !== value) issues.push(issue(field, 'notNormalized'));
  }
  return uniqueIssues(issues);
}

/** A property of a nested JSON schema: objects with their properties, arrays with their items. */
interface NestedSchema {
  readonly type: string | readonly string[];
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly items?: NestedSchema;
  readonly properties?: Readonly<Record<string, NestedSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

/**
 * The structural check one level down and deeper: items of arrays and properties of objects, named by
 * their path (`workflow.2.by`), so the domain rules only ever see values of the declared shape.
 */
export function validateNestedValues(
  doc: Readonly<Record<string, unknown>>,
  properties: Readonly<Record<string, NestedSchema>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const visit = (path: string, value: unknown, schema: NestedSchema): void => {
    if (!hasType(value, schema.type)) {
      issues.push(issue(path, 'type', { expected: typeName(schema.type) }));
      return;
    }
    if (typeof value === 'string' && schema.maxLength !== undefined && value.length > schema.maxLength) {
      issues.push(issue(path, 'tooLong', { max: schema.maxLength }));
    }
    if (schema.enum && !schema.enum.includes(value)) issues.push(issue(path, 'oneOf'));
    if (Array.isArray(value)) {
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        issues.push(issue(path, 'tooManyItems', { max: schema.maxItems }));
      }
      const items = schema.items;
      if (items) {
        for (const [index, item] of value.entries()) visit(`${path}.${index}`, item, items);
      }
    } else if (isPlainObject(value) && schema.properties) {
      for (const field of schema.required ?? []) {
        if (value[field] === undefined) issues.push(issue(`${path}.${field}`, 'missing'));
      }
      for (const [field, item] of Object.entries(value)) {
        const property = schema.properties[field];
        if (property) visit(`${path}.${field}`, item, property);
        else if (schema.additionalProperties === false)
          issues.push(issue(`${path}.${field}`, 'unknownField'));
      }
    }
  };
  for (const [field, schema] of Object.entries(properties)) {
    if ((schema.items || schema.properties) && doc[field] !== undefined) visit(field, doc[field], schema);
  }
  return issues;
}

/** Structural issues of a document against a schema with nested objects and arrays. */
function shapeIssues(
  doc: unknown,
  schema: CollectionJsonSchema & { readonly properties: Readonly<Record<string, NestedSchema>> },
): ValidationIssue[] {
  const structural = validateAgainstJsonSchema(doc, schema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  return [...structural, ...validateNestedValues(doc, schema.properties)];
}

/** Fields whose stored value differs from its normalized form (trimmed text, canonical codes). */
function notNormalized(doc: Record<string, unknown>, normalized: object): ValidationIssue[] {
  return Object.entries(normalized)
    .filter(([field, value]) => JSON.stringify(doc[field]) !== JSON.stringify(value))
    .map(([field]) => issue(field, 'notNormalized'));
}

export function validateCreditRecordDocument(
  doc: unknown,
  context: DocumentValidationContext,
): ValidationIssue[] {
  const structural = shapeIssues(doc, creditRecordJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const input = doc as unknown as CreditRecordInput;
  const catalog = context.catalog ?? defaultCatalog;
  const domain = validateCreditRecordInput(input, { catalog, today: context.today });
  if (!domain.ok) issues.push(...domain.issues);
  issues.push(...notNormalized(doc, normalizeCreditRecordInput(input)));
  return uniqueIssues(issues);
}

export function validateDisclosureDocument(
  doc: unknown,
  context: DocumentValidationContext,
): ValidationIssue[] {
  const structural = shapeIssues(doc, disclosureJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const input = doc as unknown as DisclosureInput;
  const domain = validateDisclosureInput(input, context.today);
  if (!domain.ok) issues.push(...domain.issues);
  issues.push(...notNormalized(doc, normalizeDisclosureInput(input)));
  return uniqueIssues(issues);
}

/** Repair applications and objections: their own content rules (the record's eligibility is the device's). */
export function validateCaseDocument(doc: unknown, context: DocumentValidationContext): ValidationIssue[] {
  const structural = shapeIssues(doc, caseJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const input = doc as unknown as CaseInput;
  const domain = validateCaseInput(input, context.today);
  if (!domain.ok) issues.push(...domain.issues);
  issues.push(...notNormalized(doc, normalizeCaseInput(input)));
  return uniqueIssues(issues);
}

/** Commitment letters: the commitment rules against the list of commitment matters. */
export function validateCommitmentDocument(
  doc: unknown,
  context: DocumentValidationContext,
): ValidationIssue[] {
  const structural = shapeIssues(doc, commitmentJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const domain = validateCommitmentInput(doc as unknown as CommitmentInput, {
    matterLists: context.matterLists ?? [],
    today: context.today,
  });
  if (!domain.ok) issues.push(...domain.issues);
  return uniqueIssues(issues);
}

/** Grades and red/black list entries, checked against the city's list rules. */
export function validateListingDocument(doc: unknown, context: DocumentValidationContext): ValidationIssue[] {
  const structural = shapeIssues(doc, listingJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  return uniqueIssues([
    ...structural,
    ...validateBaseDocument(doc),
    ...validateListingInput(doc as unknown as ListingInput, context.listRules ?? defaultListRules),
  ]);
}

/** City reference data: each kind against its own schema and rules (rule sets against the city's catalog). */
export function validateReferenceDocument(
  doc: unknown,
  context: DocumentValidationContext,
): ValidationIssue[] {
  if (!isPlainObject(doc)) return [issue('', 'notObject')];
  const schema =
    doc.kind === 'catalogItem'
      ? catalogItemJsonSchema
      : doc.kind === 'holidayCalendar'
        ? holidayCalendarJsonSchema
        : doc.kind === 'cityBlackList'
          ? cityBlackListJsonSchema
          : doc.kind === 'ruleSet'
            ? ruleSetJsonSchema
            : null;
  if (!schema) return [issue('kind', 'oneOf')];
  const structural = shapeIssues(doc, schema);
  if (structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  if (doc.kind === 'catalogItem') issues.push(...validateCatalogItem(doc as unknown as CatalogItemInput));
  else if (doc.kind === 'cityBlackList')
    issues.push(...validateCityBlackListEntry(doc as unknown as CityBlackListEntry));
  else if (doc.kind === 'ruleSet')
    issues.push(
      ...validateRuleSet(doc as unknown as RuleSetDocument, {
        catalog: context.catalog ?? defaultCatalog,
        categories: defaultCreditCategories,
      }),
    );
  else {
    const calendar = validateHolidayCalendar(doc as unknown as Parameters<typeof validateHolidayCalendar>[0]);
    if (!calendar.ok) issues.push(...calendar.issues);
  }
  return uniqueIssues(issues);
}

/** County users: roles, status and an argon2id password verifier (never a password). */
export function validateUserDocument(doc: unknown, _context: DocumentValidationContext): ValidationIssue[] {
  const structural = shapeIssues(doc, userJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc)];
  const input = doc as unknown as UserInput;
  const domain = validateUserInput(input);
  if (!domain.ok) issues.push(...domain.issues);
  issues.push(...notNormalized(doc, normalizeUserInput(input)));
  return uniqueIssues(issues);
}

/**
 * Audit entries: the entry's own shape rules (its hash chain is verified by the platform on arrival).
 * The trail is append-only, so a deletion is never a valid state.
 */
export function validateAuditLogDocument(
  doc: unknown,
  _context: DocumentValidationContext,
): ValidationIssue[] {
  if (!isPlainObject(doc)) return [issue('', 'notObject')];
  const { _deleted: deleted, ...entry } = doc;
  const issues: ValidationIssue[] = [];
  if (deleted !== undefined && typeof deleted !== 'boolean') {
    issues.push(issue('_deleted', 'type', { expected: 'boolean' }));
  } else if (deleted === true) {
    issues.push(issue('_deleted', 'auditLog.appendOnly'));
  }
  const checked = validateAuditEntry(entry);
  if (!checked.ok) issues.push(...checked.issues);
  return uniqueIssues(issues);
}

/**
 * An inspection: its shape, and the record rules as of the visit's day (a deadline may not precede the
 * visit; the device holds it to its own today when written). A submitted or closed record must be
 * complete. Conflicts of interest need the subject and the users: the write authority judges them
 * (server/sync/writeAuthority.ts, shared/inspections/conflicts.ts).
 */
export function validateInspectionDocument(
  doc: unknown,
  context: DocumentValidationContext,
): ValidationIssue[] {
  const structural = shapeIssues(doc, inspectionJsonSchema);
  if (!isPlainObject(doc) || structural.some((item) => shapeIssueCodes.has(item.code))) return structural;
  const issues = [...structural, ...validateBaseDocument(doc), ...missingFields(doc)];
  if (issues.some((found) => found.code === 'required')) return uniqueIssues(issues);
  issues.push(...indexFieldIssues(doc));
  if (doc.kind === 'plan')
    return uniqueIssues([...issues, ...validatePlanDocument(doc as unknown as PlanDocument)]);
  if (doc.kind === 'project') {
    return uniqueIssues([...issues, ...validateProjectDocument(doc as unknown as ProjectDocument)]);
  }
  if (doc.kind === 'setting') {
    return uniqueIssues([...issues, ...validateCountySetting((doc as unknown as SettingDocument).setting)]);
  }
  if (doc.kind === 'conflict') {
    return uniqueIssues([...issues, ...validateConflictDocument(doc as unknown as ConflictDocument)]);
  }
  const input = doc as unknown as InspectionInput;
  const checked = validateInspection(recordOf(input), {
    today: chinaDateOf(input.startedAt),
    conflicted: [],
    complete: input.state !== 'draft',
  });
  if (!checked.ok) issues.push(...checked.issues);
  // Without the published versions at hand, only an inspection of the built-in version can be checked.
  if (context.checklists || defaultTemplateFor(input.templateIndustry).version === input.templateVersion)
    issues.push(...checklistConformance(input, context.checklists ?? []));
  return uniqueIssues(issues);
}

/** Validators of the collections the platform serves. */
export const documentValidators: DocumentValidatorRegistry = {
  subjects: validateSubjectDocument,
  creditRecords: validateCreditRecordDocument,
  disclosures: validateDisclosureDocument,
  listings: validateListingDocument,
  commitments: validateCommitmentDocument,
  reference: validateReferenceDocument,
  users: validateUserDocument,
  auditLog: validateAuditLogDocument,
  cases: validateCaseDocument,
  inspections: validateInspectionDocument,
};

/**
 * A field whose value identifies a real-world entity: two live documents of one county may not share it
 * (a subject's USCC or resident ID). A second one is refused with `duplicateCode`.
 */
export const documentUniqueFields: Partial<Record<CollectionName, string>> = {
  subjects: 'code',
  commitments: 'number',
};
