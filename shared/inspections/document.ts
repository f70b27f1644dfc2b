/**
 * The stored form of an inspection (the `inspections` collection, kind `inspection`): the record of
 * record.ts flattened for a JSON schema (no nulls: '' stands for "none"), its workflow state and steps,
 * and the representative's ID number, encrypted at rest as a personal field.
 */
import { attachmentListSchema } from '../base/attachment.ts';
import { type BaseDocument, baseDocumentProperties, stampFields } from '../base/document.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { maxEncryptedLength } from '../base/security/fieldCrypto.ts';
import {
  type ChecklistDepth,
  type ChecklistIndustry,
  checklistDepths,
  checklistIndustries,
} from './checklists.ts';
import {
  type AdHocReason,
  adHocReasons,
  findingSeverities,
  type InspectedItem,
  type InspectionRecord,
  inspectionLimits,
  type ItemResult,
  itemResults,
} from './record.ts';
import { type PlanContent, type PlanState, type PlanStep, planStates, planSteps } from './plan.ts';
import { type ProjectContent, projectState } from './project.ts';
import {
  type DeclarationContent,
  declarationLimits,
  type DeclarationState,
  type DeclarationStep,
  declarationStates,
  declarationSteps,
} from './declarations.ts';
import { planJsonSchema, projectJsonSchema } from './planSchema.ts';
import { type CountySetting, countySettingJsonSchema, settingState } from './countySetting.ts';
import {
  type FlowDocument,
  type InspectionState,
  type InspectionStep,
  inspectionStates,
  inspectionSteps,
  type RectificationState,
  type RectificationStep,
  rectificationStates,
  rectificationSteps,
} from './workflows.ts';

/** The fields derived from a document's content for the indexes to read (indexFields.ts). */
export const indexFieldNames = ['openDeadline', 'firstDeadline', 'doneMonth', 'unpublishedSince'] as const;

export const inspectionKinds = ['inspection', 'plan', 'project', 'conflict', 'setting'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export interface StoredItem extends Omit<InspectedItem, 'result'> {
  /** '' while not judged. */
  result: ItemResult | '';
}

export interface InspectionDocument
  extends BaseDocument,
    FlowDocument<InspectionState, InspectionStep>,
    Omit<InspectionRecord, 'planId' | 'adHoc' | 'creditStateBefore' | 'template' | 'items'> {
  kind: 'inspection';
  /** The drawing plan, or '' for an ad hoc inspection. */
  planId: string;
  /** Why an ad hoc inspection was made, or '' under a plan. */
  adHocReason: AdHocReason | '';
  adHocNote: string;
  /** The credit state shown before the visit: the grade name ('' ungraded) and whether risk raised it. */
  gradeBefore: string;
  raisedBefore: boolean;
  templateIndustry: ChecklistIndustry;
  templateVersion: number;
  /** The checklist depth the credit state gave. */
  depth: ChecklistDepth;
  items: StoredItem[];
  /** The representative's resident ID number (personal data), or ''. */
  representativeIdNumber: string;
  /** One rectification order per finding, issued when the inspection closes (orders.ts); [] before. */
  rectifications: StoredOrder[];
}

/**
 * A rectification order as the inspection keeps it: the finding it is for, the failed item and the
 * catalog item its failure maps to, issued on the visit day with the finding's deadline, and its
 * re-inspection step. `proposedRecordId` is the credit record an escalation proposed, or ''.
 */
export interface StoredOrder extends FlowDocument<RectificationState, RectificationStep> {
  findingId: string;
  itemCode: string;
  catalogCode: string;
  issuedOn: string;
  deadline: string;
  proposedRecordId: string;
}

export type InspectionInput = Omit<InspectionDocument, (typeof stampFields)[number]>;

/** The record the rules of record.ts judge. */
export function recordOf(doc: InspectionInput): InspectionRecord {
  return {
    subjectId: doc.subjectId,
    projectId: doc.projectId,
    planId: doc.planId === '' ? null : doc.planId,
    adHoc: doc.adHocReason === '' ? null : { reason: doc.adHocReason, note: doc.adHocNote },
    inspectors: doc.inspectors,
    startedAt: doc.startedAt,
    endedAt: doc.endedAt,
    creditStateBefore: { grade: doc.gradeBefore === '' ? null : doc.gradeBefore, raised: doc.raisedBefore },
    template: { industry: doc.templateIndustry, version: doc.templateVersion },
    items: doc.items.map((item) => ({ ...item, result: item.result === '' ? null : item.result })),
    findings: doc.findings,
    representative: doc.representative,
    signature: doc.signature,
    conclusion: doc.conclusion,
  };
}

const photoList = { ...attachmentListSchema(), maxItems: inspectionLimits.photos };
const stepSchemaOf = <Step extends string>(steps: readonly Step[]) =>
  ({
    type: 'object',
    properties: {
      action: { type: 'string', enum: [...steps], maxLength: 16 },
      by: { type: 'string', maxLength: 64 },
      at: { type: 'string', maxLength: 30 },
      note: { type: 'string', maxLength: 2000 },
      date: { type: 'string', maxLength: 10 },
    },
    required: ['action', 'by', 'at', 'note', 'date'],
    additionalProperties: false,
  }) as const;
const stepSchema = stepSchemaOf([...inspectionSteps, ...planSteps, ...declarationSteps]);
const orderSchema = {
  type: 'object',
  properties: {
    findingId: { type: 'string', maxLength: 36 },
    itemCode: { type: 'string', maxLength: 16 },
    catalogCode: { type: 'string', maxLength: 32 },
    issuedOn: { type: 'string', maxLength: 10 },
    deadline: { type: 'string', maxLength: 10 },
    state: { type: 'string', enum: [...rectificationStates], maxLength: 16 },
    createdBy: { type: 'string', maxLength: 64 },
    steps: { type: 'array', maxItems: 10, items: stepSchemaOf(rectificationSteps) },
    proposedRecordId: { type: 'string', maxLength: 36 },
  },
  required: [
    'findingId',
    'itemCode',
    'catalogCode',
    'issuedOn',
    'deadline',
    'state',
    'createdBy',
    'steps',
    'proposedRecordId',
  ],
  additionalProperties: false,
} as const;

/**
 * The JSON schema of the inspections collection (RxDB format; plain data). Version 1 adds the kinds
 * `plan` (planSchema.ts) and `project`: the fields every kind has (and the indexes read) are required;
 * the inspection's own fields are required of inspections by `missingFields`.
 */
export const inspectionJsonSchema = {
  title: 'inspection',
  // Version 1 also adds the rectification orders (an empty list for older inspections); version 2 the
  // kind `conflict` (declared conflicts of interest, declarations.ts) and the `publish` step (publicity.ts),
  // older documents valid as they are; version 3 the kind `setting` (the county's settings,
  // countySetting.ts) and the index the inspections list pages through; version 4 the [planId, subjectId]
  // index the plans list and a plan's page read its inspections through, and [projectId, startedAt] for a
  // project's page; version 5 the derived fields of indexFields.ts and their indexes (the rectification
  // list, the dashboard's figures and the lists behind them).
  version: 5,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: [...inspectionKinds], maxLength: 16 },
    subjectId: { type: 'string', maxLength: 36 },
    projectId: { type: 'string', maxLength: 36 },
    planId: { type: 'string', maxLength: 36 },
    adHocReason: { type: 'string', enum: ['', ...adHocReasons], maxLength: 16 },
    adHocNote: { type: 'string', maxLength: inspectionLimits.note },
    inspectors: { type: 'array', maxItems: 4, items: { type: 'string', maxLength: 64 } },
    startedAt: { type: 'string', maxLength: 30 },
    endedAt: { type: 'string', maxLength: 30 },
    gradeBefore: { type: 'string', maxLength: 16 },
    raisedBefore: { type: 'boolean' },
    templateIndustry: { type: 'string', enum: [...checklistIndustries], maxLength: 32 },
    templateVersion: { type: 'integer', minimum: 1, maximum: 10000 },
    depth: { type: 'string', enum: [...checklistDepths], maxLength: 16 },
    items: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          code: { type: 'string', maxLength: 16 },
          result: { type: 'string', enum: ['', ...itemResults], maxLength: 16 },
          note: { type: 'string', maxLength: inspectionLimits.note },
          photos: photoList,
        },
        required: ['code', 'result', 'note', 'photos'],
        additionalProperties: false,
      },
    },
    findings: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', maxLength: 36 },
          itemCode: { type: 'string', maxLength: 16 },
          severity: { type: 'string', enum: [...findingSeverities], maxLength: 16 },
          description: { type: 'string', maxLength: inspectionLimits.description },
          rectifyBy: { type: 'string', maxLength: 10 },
          photos: photoList,
        },
        required: ['id', 'itemCode', 'severity', 'description', 'rectifyBy', 'photos'],
        additionalProperties: false,
      },
    },
    representative: { type: 'string', maxLength: 64 },
    representativeIdNumber: { type: 'string', maxLength: maxEncryptedLength(18) },
    signature: attachmentListSchema().items,
    conclusion: { type: 'string', maxLength: inspectionLimits.conclusion },
    state: {
      type: 'string',
      enum: [
        ...new Set([...inspectionStates, ...planStates, projectState, ...declarationStates, settingState]),
      ],
      maxLength: 16,
    },
    steps: { type: 'array', maxItems: 200, items: stepSchema },
    rectifications: { type: 'array', maxItems: 100, items: orderSchema },
    plan: planJsonSchema,
    project: projectJsonSchema,
    conflict: {
      type: 'object',
      properties: {
        inspectorId: { type: 'string', maxLength: 64 },
        reason: { type: 'string', maxLength: declarationLimits.reason },
      },
      required: ['inspectorId', 'reason'],
      additionalProperties: false,
    },
    setting: countySettingJsonSchema,
    openDeadline: { type: 'string', maxLength: 10 },
    firstDeadline: { type: 'string', maxLength: 10 },
    doneMonth: { type: 'string', maxLength: 7 },
    unpublishedSince: { type: 'string', maxLength: 10 },
  },
  required: [
    ...stampFields,
    'kind',
    'subjectId',
    'projectId',
    'planId',
    'startedAt',
    'state',
    'steps',
    ...indexFieldNames,
  ],
  indexes: [
    'updatedAt',
    ['subjectId', 'startedAt'],
    ['state', 'updatedAt'],
    ['kind', 'updatedAt'],
    // Listed before the plan's and project's indexes: after them, RxDB planned a project's page through [kind, …].
    ['kind', 'openDeadline'],
    ['kind', 'firstDeadline'],
    ['kind', 'doneMonth'],
    ['kind', 'unpublishedSince'],
    ['planId', 'subjectId'],
    ['projectId', 'startedAt'],
  ],
  additionalProperties: false,
} as const;

/** The fields an inspection (kind `inspection`) must have. */
export const inspectionFields = [
  'adHocReason',
  'adHocNote',
  'inspectors',
  'startedAt',
  'endedAt',
  'gradeBefore',
  'raisedBefore',
  'templateIndustry',
  'templateVersion',
  'depth',
  'items',
  'findings',
  'representative',
  'representativeIdNumber',
  'signature',
  'conclusion',
  'rectifications',
] as const;

/** The fields a document of this kind lacks (issue code `required`). */
export function missingFields(doc: Record<string, unknown>): ValidationIssue[] {
  const own: Record<string, readonly string[]> = {
    plan: ['plan'],
    project: ['project'],
    conflict: ['conflict'],
    setting: ['setting'],
  };
  const needed = own[String(doc.kind)] ?? inspectionFields;
  return needed.filter((field) => !Object.hasOwn(doc, field)).map((field) => issue(field, 'required'));
}

/** An unsigned signature. */
export const noSignature = { sha256: '', name: '', mimeType: '', size: 0 } as const;

/** Content changes only while the record is a draft (after a return too). Issue code: `inspection.notDraft`. */
export function draftOnly(doc: Pick<InspectionDocument, 'state'>): ValidationIssue[] {
  return doc.state === 'draft' ? [] : [issue('state', 'inspection.notDraft')];
}

/** The fields every kind of the collection shares besides the stamps. */
interface KindFields {
  subjectId: string;
  projectId: string;
  planId: string;
  startedAt: string;
}

/** An inspection plan (kind `plan`): subjectId, projectId and planId are '', startedAt the draw's time. */
export interface PlanDocument extends BaseDocument, FlowDocument<PlanState, PlanStep>, KindFields {
  kind: 'plan';
  plan: PlanContent;
}

/** A registered project (kind `project`): the shared fields are '', state `registered`, no steps. */
export interface ProjectDocument extends BaseDocument, KindFields {
  kind: 'project';
  state: typeof projectState;
  steps: [];
  project: ProjectContent;
}

/**
 * A declared conflict of interest (kind `conflict`, declarations.ts): `subjectId` the subject,
 * `startedAt` when it was declared, projectId and planId ''.
 */
export interface ConflictDocument
  extends BaseDocument,
    FlowDocument<DeclarationState, DeclarationStep>,
    KindFields {
  kind: 'conflict';
  conflict: DeclarationContent;
}

/** The county's settings (kind `setting`, countySetting.ts): the shared fields are '', no steps. */
export interface SettingDocument extends BaseDocument, KindFields {
  kind: 'setting';
  state: typeof settingState;
  steps: [];
  setting: CountySetting;
}
