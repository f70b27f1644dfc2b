/**
 * Credit records (信用记录): one piece of credit information about one subject, filed under a catalog
 * item. Records pass through a review workflow (see domain/credit/workflow.ts) and are never deleted:
 * they end expired, repaired or revoked.
 */
import {
  defaultPublicityConfig,
  checkPublicityPeriod,
  effectivePublicityRule,
  type PublicityConfig,
} from './publicity.ts';
import { isRealDate } from '../base/identifiers.ts';
import { isUuid } from '../base/uuid.ts';
import {
  type CatalogItem,
  catalogItemAppliesOn,
  type DisclosureAttribute,
  disclosureAttributes,
} from './catalog.ts';
import { type Attachment, attachmentListSchema, validateAttachments } from '../base/attachment.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';

export const creditRecordStatuses = [
  'draft',
  'submitted',
  'approved',
  'expired',
  'repaired',
  'revoked',
] as const;
export type CreditRecordStatus = (typeof creditRecordStatuses)[number];

/** A record in force: approved, and not (yet) expired, repaired or revoked. */
export const inForceStatus = 'approved' satisfies CreditRecordStatus;

/** Where a record came from; all but `entered` and `imported` point at their origin through `sourceId`. */
export const creditRecordSources = [
  'entered',
  'imported',
  'penalty',
  'commitmentBreach',
  'inspection',
] as const;
export type CreditRecordSource = (typeof creditRecordSources)[number];

export const workflowActions = [
  'submit',
  'return',
  'approve',
  'expire',
  'repair',
  'revoke',
  'withdraw',
  'republish',
  'amend',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/**
 * The fields an `amend` step may correct on an approved record (an objection found them inaccurate). The
 * subject, the catalog item and where the record came from stay: a record about something else is a
 * revocation and a new record.
 */
export const amendableCreditRecordFields = [
  'title',
  'facts',
  'documentNumber',
  'decisionDate',
  'authority',
  'legalBasis',
  'publicityStart',
  'publicityEnd',
] as const satisfies readonly (keyof CreditRecordDocument)[];
export type CreditRecordCorrection = Partial<
  Pick<CreditRecordDocument, (typeof amendableCreditRecordFields)[number]>
>;

export interface WorkflowEntry {
  action: WorkflowAction;
  /** User id of the actor ('system' for automatic steps). */
  by: string;
  /** ISO 8601 instant. */
  at: string;
  note: string;
}

export interface CreditRecordDocument extends BaseDocument {
  subjectId: string;
  catalogCode: string;
  /** The category of the catalog item, copied when the record is filed. */
  category: string;
  title: string;
  facts: string;
  /** Decision document number (文书号), '' when there is none. */
  documentNumber: string;
  decisionDate: string;
  authority: string;
  legalBasis: string;
  disclosure: DisclosureAttribute;
  publicityStart: string;
  /** Last day of publicity; '' for information public while valid. */
  publicityEnd: string;
  source: CreditRecordSource;
  /** Id of the originating penalty, commitment or inspection; '' when there is none. */
  sourceId: string;
  attachments: Attachment[];
  status: CreditRecordStatus;
  workflow: WorkflowEntry[];
}

export type CreditRecordInput = Omit<CreditRecordDocument, StampFields>;

export const creditRecordTextLimits = {
  title: 200,
  facts: 2000,
  documentNumber: 128,
  authority: 200,
  legalBasis: 1000,
} as const;

export const workflowNoteLimit = 500;

const sourcesWithOrigin: readonly CreditRecordSource[] = ['penalty', 'commitmentBreach', 'inspection'];
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function emptyCreditRecordInput(): CreditRecordInput {
  return {
    subjectId: '',
    catalogCode: '',
    category: '',
    title: '',
    facts: '',
    documentNumber: '',
    decisionDate: '',
    authority: '',
    legalBasis: '',
    disclosure: 'public',
    publicityStart: '',
    publicityEnd: '',
    source: 'entered',
    sourceId: '',
    attachments: [],
    status: 'draft',
    workflow: [],
  };
}

export interface CreditRecordContext {
  catalog: readonly CatalogItem[];
  /** YYYY-MM-DD; decisions cannot lie after it. */
  today: string;
  publicity?: PublicityConfig;
}

/** Trims the text fields, as forms and imports store them. */
export function normalizeCreditRecordInput(input: CreditRecordInput): CreditRecordInput {
  const trimmed = { ...input };
  for (const field of Object.keys(creditRecordTextLimits) as (keyof typeof creditRecordTextLimits)[]) {
    trimmed[field] = input[field].trim();
  }
  return trimmed;
}

/**
 * Validates a record against its catalog item: category copied from the item, the item applying on the
 * decision date, and the publicity period inside the item's effective rule.
 */
export function validateCreditRecordInput(
  raw: CreditRecordInput,
  context: CreditRecordContext,
): Validated<CreditRecordInput> {
  const input = normalizeCreditRecordInput(raw);
  const issues: ValidationIssue[] = [];

  if (input.subjectId === '') issues.push(issue('subjectId', 'required'));
  else if (!isUuid(input.subjectId)) issues.push(issue('subjectId', 'uuid'));

  for (const [field, max] of Object.entries(creditRecordTextLimits)) {
    if (input[field as keyof typeof creditRecordTextLimits].length > max)
      issues.push(issue(field, 'tooLong', { max }));
  }
  for (const field of ['title', 'facts', 'authority'] as const) {
    if (input[field] === '') issues.push(issue(field, 'required'));
  }

  if (input.decisionDate === '') issues.push(issue('decisionDate', 'required'));
  else if (!isRealDate(input.decisionDate)) issues.push(issue('decisionDate', 'dateFormat'));
  else if (input.decisionDate > context.today) issues.push(issue('decisionDate', 'dateInFuture'));
  const decisionOk = isRealDate(input.decisionDate);

  if (!disclosureAttributes.includes(input.disclosure)) issues.push(issue('disclosure', 'oneOf'));
  if (!creditRecordSources.includes(input.source)) issues.push(issue('source', 'oneOf'));
  if (sourcesWithOrigin.includes(input.source) && input.sourceId === '')
    issues.push(issue('sourceId', 'required'));
  else if (input.sourceId !== '' && !isUuid(input.sourceId)) issues.push(issue('sourceId', 'uuid'));
  if (!creditRecordStatuses.includes(input.status)) issues.push(issue('status', 'oneOf'));

  const item = context.catalog.find((candidate) => candidate.code === input.catalogCode);
  if (input.catalogCode === '') {
    issues.push(issue('catalogCode', 'required'));
  } else if (!item) {
    issues.push(issue('catalogCode', 'creditRecord.unknownCatalogItem', { code: input.catalogCode }));
  } else {
    if (input.category !== item.category) {
      issues.push(issue('category', 'creditRecord.categoryMismatch', { expected: item.category }));
    }
    if (decisionOk && !catalogItemAppliesOn(item, input.decisionDate)) {
      issues.push(issue('catalogCode', 'creditRecord.catalogItemNotInForce', { date: input.decisionDate }));
    }
    const { rule } = effectivePublicityRule(item, context.publicity ?? defaultPublicityConfig);
    issues.push(...checkPublicityPeriod(input.publicityStart, input.publicityEnd, rule));
  }
  if (decisionOk && isRealDate(input.publicityStart) && input.publicityStart < input.decisionDate) {
    issues.push(issue('publicityStart', 'creditRecord.publicityBeforeDecision'));
  }

  issues.push(...validateAttachments(input.attachments), ...validateWorkflow(input.workflow));
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

function validateWorkflow(workflow: readonly WorkflowEntry[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  workflow.forEach((entry, index) => {
    const at = `workflow.${index}`;
    if (!workflowActions.includes(entry.action)) issues.push(issue(`${at}.action`, 'oneOf'));
    if (entry.by === '') issues.push(issue(`${at}.by`, 'required'));
    if (!instantPattern.test(entry.at)) issues.push(issue(`${at}.at`, 'creditRecord.instant'));
    if (entry.note.length > workflowNoteLimit)
      issues.push(issue(`${at}.note`, 'tooLong', { max: workflowNoteLimit }));
  });
  return issues;
}

/** The versioned JSON schema of the creditRecords collection (RxDB format; plain data, no RxDB import). */
export const creditRecordJsonSchema = {
  title: 'creditRecord',
  // Version 1 adds the step `withdraw`; version 2 the list indexes; version 3 the steps `republish` and `amend`. Older
  // documents are valid as they are.
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    subjectId: { type: 'string', maxLength: 36 },
    catalogCode: { type: 'string', maxLength: 32 },
    category: { type: 'string', maxLength: 32 },
    title: { type: 'string', maxLength: creditRecordTextLimits.title },
    facts: { type: 'string', maxLength: creditRecordTextLimits.facts },
    documentNumber: { type: 'string', maxLength: creditRecordTextLimits.documentNumber },
    decisionDate: { type: 'string', maxLength: 10 },
    authority: { type: 'string', maxLength: creditRecordTextLimits.authority },
    legalBasis: { type: 'string', maxLength: creditRecordTextLimits.legalBasis },
    disclosure: { type: 'string', enum: [...disclosureAttributes], maxLength: 16 },
    publicityStart: { type: 'string', maxLength: 10 },
    publicityEnd: { type: 'string', maxLength: 10 },
    source: { type: 'string', enum: [...creditRecordSources], maxLength: 20 },
    sourceId: { type: 'string', maxLength: 36 },
    attachments: attachmentListSchema(),
    status: { type: 'string', enum: [...creditRecordStatuses], maxLength: 12 },
    workflow: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: { type: 'string', enum: [...workflowActions], maxLength: 12 },
          by: { type: 'string', maxLength: 64 },
          at: { type: 'string', maxLength: 30 },
          note: { type: 'string', maxLength: workflowNoteLimit },
        },
        required: ['action', 'by', 'at', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: [
    ...stampFields,
    'subjectId',
    'catalogCode',
    'category',
    'title',
    'facts',
    'documentNumber',
    'decisionDate',
    'authority',
    'legalBasis',
    'disclosure',
    'publicityStart',
    'publicityEnd',
    'source',
    'sourceId',
    'attachments',
    'status',
    'workflow',
  ],
  // Lists page through the `updatedAt` indexes, newest first, one per filter (and category with status).
  indexes: [
    'updatedAt',
    ['subjectId', 'updatedAt'],
    ['category', 'updatedAt'],
    ['status', 'updatedAt'],
    ['category', 'status', 'updatedAt'],
    ['subjectId', 'decisionDate'],
    ['status', 'publicityEnd'],
    ['category', 'decisionDate'],
    ['source', 'sourceId'],
  ],
  additionalProperties: false,
} as const;
