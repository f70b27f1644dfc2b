/**
 * Cases (`cases`): a credit repair application (信用修复) or an objection (异议) against one credit
 * record. A case is entered by a clerk for the applicant, decided by a reviewer through its workflow
 * (workflow.ts); its decision acts on the record through the record's own workflow.
 *
 * A repair application carries the applicant's credit repair commitment (信用修复承诺): `commitmentId`
 * names the letter of the commitments capability (required of a new repair: repairCommitment.ts), whose
 * text, signatory, date and signed scan the case keeps as filed. A repair the national channel (信用中国)
 * decided is recorded with that decision's reference.
 */
import { isRealDate } from '../base/identifiers.ts';
import { type Attachment, attachmentListSchema, validateAttachments } from '../base/attachment.ts';
import {
  type BaseDocument,
  baseDocumentProperties,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { isUuid } from '../base/uuid.ts';

export const caseKinds = ['repair', 'objection'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const repairStates = ['applied', 'accepted', 'reviewed', 'approved', 'refused'] as const;
export type RepairState = (typeof repairStates)[number];
export const objectionStates = ['raised', 'reviewed', 'corrected', 'upheld', 'revoked'] as const;
export type ObjectionState = (typeof objectionStates)[number];
export const caseStatuses = [...new Set([...repairStates, ...objectionStates])] as (
  | RepairState
  | ObjectionState
)[];
export type CaseStatus = RepairState | ObjectionState;

export const repairSteps = ['accept', 'notAccept', 'review', 'approve', 'refuse', 'recordNational'] as const;
export type RepairStep = (typeof repairSteps)[number];
export const objectionSteps = ['review', 'correct', 'uphold', 'revoke'] as const;
export type ObjectionStep = (typeof objectionSteps)[number];
export const caseSteps = [...new Set([...repairSteps, ...objectionSteps])] as (RepairStep | ObjectionStep)[];
export type CaseStep = RepairStep | ObjectionStep;

/** Where a repair was decided: by this office, or by the national channel (信用中国) and recorded here. */
export const repairChannels = ['local', 'national'] as const;
export type RepairChannel = (typeof repairChannels)[number];

export interface CaseStepEntry {
  action: CaseStep;
  by: string;
  /** ISO 8601 instant. */
  at: string;
  /** The step's reason or the reviewer's opinion. */
  note: string;
}

export interface CaseDocument extends BaseDocument {
  kind: CaseKind;
  subjectId: string;
  recordId: string;
  /** The users who entered and submitted the record: they may not decide a case about it (four-eyes). */
  recordEnteredBy: string[];
  /** Who applies or objects (the subject's representative). */
  applicant: string;
  /** YYYY-MM-DD. */
  applicationDate: string;
  /** Repair: how the violation was corrected; objection: what is inaccurate and why. */
  statement: string;
  /** Repair: the violation is corrected and every obligation (fines etc.) performed. */
  obligationsPerformed: boolean;
  commitmentText: string;
  commitmentSignatory: string;
  /** YYYY-MM-DD, '' for objections. */
  commitmentDate: string;
  /** The credit-repair commitment letter (commitments capability) the repair was filed with. */
  commitmentId?: string;
  /** The signed commitment, scanned. */
  commitmentScans: Attachment[];
  /** Proof of performance (receipts of fines paid, rectification reports) or of the objection. */
  proofs: Attachment[];
  channel: RepairChannel;
  /** The national channel's decision reference; '' for local decisions. */
  nationalReference: string;
  status: CaseStatus;
  workflow: CaseStepEntry[];
}

export type CaseInput = Omit<CaseDocument, StampFields>;

export const caseTextLimits = {
  applicant: 100,
  statement: 2000,
  commitmentText: 4000,
  commitmentSignatory: 100,
  nationalReference: 128,
} as const;
export const caseNoteLimit = 500;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The state a new case starts in. */
export function initialCaseStatus(kind: CaseKind): CaseStatus {
  return kind === 'repair' ? 'applied' : 'raised';
}

export function normalizeCaseInput(input: CaseInput): CaseInput {
  const trimmed = { ...input };
  for (const field of Object.keys(caseTextLimits) as (keyof typeof caseTextLimits)[]) {
    trimmed[field] = input[field].trim();
  }
  return trimmed;
}

/**
 * The rules of a case's own content (the record's eligibility is judged where the record is known:
 * shared/grading/repair.ts). A repair application needs the corrected violation and performed
 * obligations, the commitment (text, signatory, date, signed scan) and proof of performance; a repair
 * recorded from the national channel needs that decision's reference.
 */
export function validateCaseInput(raw: CaseInput, today: string): Validated<CaseInput> {
  const input = normalizeCaseInput(raw);
  const issues: ValidationIssue[] = [];
  if (!caseKinds.includes(input.kind)) issues.push(issue('kind', 'oneOf'));
  for (const field of ['subjectId', 'recordId'] as const) {
    if (input[field] === '') issues.push(issue(field, 'required'));
    else if (!isUuid(input[field])) issues.push(issue(field, 'uuid'));
  }
  for (const [field, max] of Object.entries(caseTextLimits)) {
    if (input[field as keyof typeof caseTextLimits].length > max)
      issues.push(issue(field, 'tooLong', { max }));
  }
  for (const field of ['applicant', 'statement'] as const) {
    if (input[field] === '') issues.push(issue(field, 'required'));
  }
  if (input.applicationDate === '') issues.push(issue('applicationDate', 'required'));
  else if (!isRealDate(input.applicationDate)) issues.push(issue('applicationDate', 'dateFormat'));
  else if (input.applicationDate > today) issues.push(issue('applicationDate', 'dateInFuture'));
  if (!repairChannels.includes(input.channel)) issues.push(issue('channel', 'oneOf'));
  if (input.commitmentId !== undefined && input.commitmentId !== '' && !isUuid(input.commitmentId))
    issues.push(issue('commitmentId', 'uuid'));

  if (input.kind === 'repair') {
    if (!input.obligationsPerformed)
      issues.push(issue('obligationsPerformed', 'repair.obligationsOutstanding'));
    if (input.commitmentText === '' || input.commitmentSignatory === '' || input.commitmentScans.length === 0)
      issues.push(issue('commitment', 'repair.commitmentRequired'));
    if (input.commitmentDate === '') issues.push(issue('commitmentDate', 'required'));
    else if (!isRealDate(input.commitmentDate)) issues.push(issue('commitmentDate', 'dateFormat'));
    else if (input.commitmentDate > today) issues.push(issue('commitmentDate', 'dateInFuture'));
    if (input.channel === 'local' && input.proofs.length === 0)
      issues.push(issue('proofs', 'cases.proofRequired'));
    if (input.channel === 'national' && input.nationalReference === '')
      issues.push(issue('nationalReference', 'cases.nationalReferenceRequired'));
  } else {
    if (input.channel !== 'local') issues.push(issue('channel', 'oneOf'));
    if (input.commitmentText !== '' || input.commitmentScans.length > 0)
      issues.push(issue('commitment', 'cases.notForObjection'));
  }
  issues.push(
    ...validateAttachments(input.commitmentScans, 'commitmentScans'),
    ...validateAttachments(input.proofs, 'proofs'),
  );
  input.workflow.forEach((entry, index) => {
    const at = `workflow.${index}`;
    if (!caseSteps.includes(entry.action)) issues.push(issue(`${at}.action`, 'oneOf'));
    if (entry.by === '') issues.push(issue(`${at}.by`, 'required'));
    if (!instantPattern.test(entry.at)) issues.push(issue(`${at}.at`, 'creditRecord.instant'));
    if (entry.note.length > caseNoteLimit)
      issues.push(issue(`${at}.note`, 'tooLong', { max: caseNoteLimit }));
  });
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

/** The versioned JSON schema of the cases collection (RxDB format; plain data). */
export const caseJsonSchema = {
  title: 'case',
  // Version 1 adds the index the cases list pages through, version 2 the open queue's; documents stay as
  // they are.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: [...caseKinds], maxLength: 12 },
    subjectId: { type: 'string', maxLength: 36 },
    recordId: { type: 'string', maxLength: 36 },
    recordEnteredBy: { type: 'array', maxItems: 4, items: { type: 'string', maxLength: 64 } },
    applicant: { type: 'string', maxLength: caseTextLimits.applicant },
    applicationDate: { type: 'string', maxLength: 10 },
    statement: { type: 'string', maxLength: caseTextLimits.statement },
    obligationsPerformed: { type: 'boolean' },
    commitmentText: { type: 'string', maxLength: caseTextLimits.commitmentText },
    commitmentSignatory: { type: 'string', maxLength: caseTextLimits.commitmentSignatory },
    commitmentDate: { type: 'string', maxLength: 10 },
    commitmentId: { type: 'string', maxLength: 36 },
    commitmentScans: attachmentListSchema(),
    proofs: attachmentListSchema(),
    channel: { type: 'string', enum: [...repairChannels], maxLength: 10 },
    nationalReference: { type: 'string', maxLength: caseTextLimits.nationalReference },
    status: { type: 'string', enum: caseStatuses, maxLength: 12 },
    workflow: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: { type: 'string', enum: caseSteps, maxLength: 16 },
          by: { type: 'string', maxLength: 64 },
          at: { type: 'string', maxLength: 30 },
          note: { type: 'string', maxLength: caseNoteLimit },
        },
        required: ['action', 'by', 'at', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: [
    ...stampFields,
    'kind',
    'subjectId',
    'recordId',
    'recordEnteredBy',
    'applicant',
    'applicationDate',
    'statement',
    'obligationsPerformed',
    'commitmentText',
    'commitmentSignatory',
    'commitmentDate',
    'commitmentScans',
    'proofs',
    'channel',
    'nationalReference',
    'status',
    'workflow',
  ],
  indexes: [
    'updatedAt',
    ['recordId', 'status'],
    ['status', 'applicationDate'],
    ['applicationDate', 'updatedAt'],
    ['kind', 'status', 'applicationDate', 'updatedAt'],
  ],
  additionalProperties: false,
} as const;
