/**
 * A credit commitment letter (信用承诺书) and its fulfilment: the record fields of the public credit
 * platform SDK (number, party, type, reason, content, liability, accepting and deciding units, publicity,
 * fulfilment status) plus what a county office needs to follow it up (missing materials and their
 * deadline, the acceptance check, the signed scan, the link to the credit records it produced).
 */
import { isRealDate } from '../base/identifiers.ts';
import { type Attachment, attachmentListSchema, validateAttachments } from '../base/attachment.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import type { SubjectKind, SubjectStatus } from '../subjects/model.ts';
import { subjectKinds } from '../subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { maxEncryptedLength } from '../base/security/fieldCrypto.ts';
import { isUuid } from '../base/uuid.ts';
import { type AcceptanceCheck, needsAcceptanceCheck } from './acceptance.ts';
import { type CommitmentMatter, matterLimits } from './matters.ts';
import { type CommitmentMatterList, matterStanding } from './matterList.ts';
import { isCommitmentNumber } from './numbering.ts';
import {
  type BreachOutcome,
  breachOutcomes,
  type CommitmentPublicity,
  commitmentPublicity,
  type CommitmentStatus,
  commitmentStatuses,
  type CommitmentType,
  commitmentTypes,
} from './types.ts';

/** The fulfilment finding (履约践诺情况), filled when fulfilment or a breach is recorded. */
export interface CommitmentOutcome {
  /** The finding recorded; '' until one is. */
  result: '' | 'fulfilled' | BreachOutcome;
  /** Date of the finding (认定日期). */
  decisionDate: string;
  /** Deciding unit (认定单位) and its USCC. */
  decidingUnit: string;
  decidingUnitCode: string;
  /** What was found: required for every breach. */
  facts: string;
  /** What of the promise was not kept (partly / not fulfilled). */
  unfulfilledContent: string;
  /** What the office did about the breach (partly / not fulfilled). */
  actionTaken: string;
  /** Evidence of fulfilment or of the breach. */
  evidence: Attachment[];
}

export interface CommitmentWorkflowEntry {
  action: string;
  by: string;
  at: string;
  note: string;
}

export interface CommitmentDocument extends BaseDocument {
  /** 6-digit division + 8-digit date + 6-digit serial (see numbering.ts). */
  number: string;
  subjectId: string;
  /** The party as it stood when the letter was made (printed on it). */
  subjectKind: SubjectKind;
  subjectName: string;
  /** USCC or resident ID number. */
  subjectCode: string;
  type: CommitmentType;
  /** Code of the matter in the list of commitment matters. */
  matterCode: string;
  /** 承诺事由. */
  reason: string;
  /** 承诺内容: the type's template text, editable. */
  content: string;
  /** Materials to be supplied later (容缺受理). */
  missingMaterials: string[];
  /** Last day to supply them, '' when none are missing. */
  materialsDeadline: string;
  /** 违诺责任. */
  liability: string;
  signatory: string;
  signingDate: string;
  /** User id of the official who accepted the letter. */
  acceptedBy: string;
  acceptingUnit: string;
  acceptingUnitCode: string;
  /** The subject's credit state when the commitment was accepted; null before. */
  acceptanceCheck: AcceptanceCheck | null;
  /** The approved credit record a credit-repair commitment repairs, '' for other types. */
  repairedRecordId: string;
  /** Campaign key (e.g. `HY-ZL:2026`) of a commitment generated in bulk, '' otherwise. */
  campaign: string;
  /** The scanned signed letter. */
  attachments: Attachment[];
  publicity: CommitmentPublicity;
  status: CommitmentStatus;
  outcome: CommitmentOutcome;
  /** Credit records this commitment produced (fulfilment or proposed dishonest record). */
  creditRecordIds: string[];
  workflow: CommitmentWorkflowEntry[];
}

export type CommitmentInput = Omit<CommitmentDocument, StampFields>;

export const commitmentTextLimits = {
  subjectName: 100,
  reason: 500,
  content: 4000,
  material: 200,
  liability: 2000,
  signatory: 50,
  acceptingUnit: 200,
  decidingUnit: 200,
  facts: 2000,
  unfulfilledContent: 2000,
  actionTaken: 1000,
  campaign: 40,
} as const;

export const maxMissingMaterials = 30;

export function emptyOutcome(): CommitmentOutcome {
  return {
    result: '',
    decisionDate: '',
    decidingUnit: '',
    decidingUnitCode: '',
    facts: '',
    unfulfilledContent: '',
    actionTaken: '',
    evidence: [],
  };
}

export function emptyCommitmentInput(): CommitmentInput {
  return {
    number: '',
    subjectId: '',
    subjectKind: 'enterprise',
    subjectName: '',
    subjectCode: '',
    type: 'approvalSubstitution',
    matterCode: '',
    reason: '',
    content: '',
    missingMaterials: [],
    materialsDeadline: '',
    liability: '',
    signatory: '',
    signingDate: '',
    acceptedBy: '',
    acceptingUnit: '',
    acceptingUnitCode: '',
    acceptanceCheck: null,
    repairedRecordId: '',
    campaign: '',
    attachments: [],
    publicity: 'public',
    status: 'draft',
    outcome: emptyOutcome(),
    creditRecordIds: [],
    workflow: [],
  };
}

export interface CommitmentContext {
  /** The versions of the list of commitment matters the city published (the default set before any). */
  matterLists: readonly CommitmentMatterList[];
  /** YYYY-MM-DD: signing and decision dates cannot lie after it. */
  today: string;
  /** The registry's subject, when the commitment names one; its status decides eligibility. */
  subject?: { status: SubjectStatus };
}

/** Every rule a commitment breaks as entered (stamps excluded); workflow rules live in workflow.ts. */
export function validateCommitmentInput(
  input: CommitmentInput,
  context: CommitmentContext,
): Validated<CommitmentInput> {
  const issues: ValidationIssue[] = [];
  const limits = commitmentTextLimits;

  if (input.number !== '' && !isCommitmentNumber(input.number)) {
    issues.push(issue('number', 'commitment.numberFormat'));
  }
  if (!isUuid(input.subjectId)) issues.push(issue('subjectId', 'uuid'));
  if (context.subject?.status === 'deregistered') {
    issues.push(issue('subjectId', 'commitment.subjectDeregistered'));
  }
  if (!subjectKinds.includes(input.subjectKind)) issues.push(issue('subjectKind', 'oneOf'));
  if (!commitmentTypes.includes(input.type)) issues.push(issue('type', 'oneOf'));
  if (!commitmentStatuses.includes(input.status)) issues.push(issue('status', 'oneOf'));
  if (!commitmentPublicity.includes(input.publicity)) issues.push(issue('publicity', 'oneOf'));

  // The matter must be in force when the letter is signed (a draft: today); withdrawing is always possible.
  const signedOn =
    input.status !== 'draft' && isRealDate(input.signingDate) ? input.signingDate : context.today;
  const standing = matterStanding(context.matterLists, input.matterCode, signedOn);
  const matter = standing.state === 'unknown' ? undefined : standing.matter;
  if (standing.state === 'unknown') {
    issues.push(issue('matterCode', 'commitment.unknownMatter', { code: input.matterCode }));
  } else if (standing.state === 'withdrawn' && input.status !== 'withdrawn') {
    issues.push(issue('matterCode', 'commitment.matterWithdrawn', { matter: standing.matter.name.zh }));
  } else if (standing.state === 'inForce' && !standing.matter.types.includes(input.type)) {
    issues.push(
      issue('type', 'commitment.typeNotForMatter', { type: input.type, matter: standing.matter.name.zh }),
    );
  }

  for (const field of ['subjectName', 'reason', 'content', 'liability'] as const) {
    if (input[field].trim() === '') issues.push(issue(field, 'required'));
  }
  if (input.subjectCode.trim() === '') issues.push(issue('subjectCode', 'required'));
  const texts = [
    'subjectName',
    'reason',
    'content',
    'liability',
    'signatory',
    'acceptingUnit',
    'campaign',
  ] as const;
  for (const field of texts) {
    if (input[field].length > limits[field]) issues.push(issue(field, 'tooLong', { max: limits[field] }));
  }

  // Signing: a draft may be printed unsigned; from acceptance on the letter is signed.
  const signed = input.status !== 'draft';
  if (signed && input.signatory.trim() === '') issues.push(issue('signatory', 'commitment.signatoryMissing'));
  if (input.signingDate !== '' || signed) checkDate(issues, 'signingDate', input.signingDate, context.today);
  if (signed && input.acceptingUnit.trim() === '') issues.push(issue('acceptingUnit', 'required'));
  if (signed && input.number === '') issues.push(issue('number', 'required'));
  if (signed && input.acceptedBy === '') issues.push(issue('acceptedBy', 'required'));
  const checked = signed && input.status !== 'withdrawn' && needsAcceptanceCheck(input.type);
  if (checked && input.acceptanceCheck === null) {
    issues.push(issue('acceptanceCheck', 'commitment.acceptanceCheckRequired'));
  }

  checkMissingMaterials(issues, input, matter);

  if (input.type === 'creditRepair' && !isUuid(input.repairedRecordId)) {
    issues.push(issue('repairedRecordId', 'commitment.repairedRecordRequired'));
  } else if (input.type !== 'creditRepair' && input.repairedRecordId !== '') {
    issues.push(issue('repairedRecordId', 'disclosure.notApplicable'));
  }
  input.creditRecordIds.forEach((id, index) => {
    if (!isUuid(id)) issues.push(issue(`creditRecordIds.${index}`, 'uuid'));
  });
  issues.push(...validateAttachments(input.attachments));
  issues.push(...validateOutcome(input.outcome, input.status, context.today));
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

function checkDate(issues: ValidationIssue[], field: string, value: string, today: string): void {
  if (!isRealDate(value)) issues.push(issue(field, 'dateFormat'));
  else if (value > today) issues.push(issue(field, 'dateInFuture'));
}

function checkMissingMaterials(
  issues: ValidationIssue[],
  input: CommitmentInput,
  matter: CommitmentMatter | undefined,
): void {
  const materials = input.missingMaterials;
  if (materials.length > maxMissingMaterials) {
    issues.push(issue('missingMaterials', 'catalog.tooManyEntries', { max: maxMissingMaterials }));
  }
  materials.forEach((material, index) => {
    if (material.trim() === '') issues.push(issue(`missingMaterials.${index}`, 'required'));
    else if (material.length > commitmentTextLimits.material) {
      issues.push(issue(`missingMaterials.${index}`, 'tooLong', { max: commitmentTextLimits.material }));
    }
  });
  if (input.type === 'missingMaterials') {
    if (materials.length === 0) issues.push(issue('missingMaterials', 'commitment.materialsRequired'));
    if (matter && matter.missingMaterialsDays === 0) {
      issues.push(issue('type', 'commitment.typeNotForMatter', { type: input.type, matter: matter.name.zh }));
    }
    if (input.materialsDeadline === '') issues.push(issue('materialsDeadline', 'required'));
  } else if (materials.length > 0 || input.materialsDeadline !== '') {
    issues.push(issue('missingMaterials', 'commitment.materialsOnlyForMissingMaterials'));
  }
  if (input.materialsDeadline !== '') {
    if (!isRealDate(input.materialsDeadline)) issues.push(issue('materialsDeadline', 'dateFormat'));
    else if (isRealDate(input.signingDate) && input.materialsDeadline < input.signingDate) {
      issues.push(issue('materialsDeadline', 'commitment.deadlineBeforeSigning'));
    }
  }
}

/**
 * The fulfilment finding's rules: nothing recorded before a finding; a breach needs its facts; partly and
 * not fulfilled also need the unfulfilled content and the action taken.
 */
export function validateOutcome(
  outcome: CommitmentOutcome,
  status: CommitmentStatus,
  today: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const limits = commitmentTextLimits;
  const expected = status === 'fulfilled' || (breachOutcomes as readonly string[]).includes(status);
  const proposed = status === 'breachProposed';
  if (!expected && !proposed) {
    if (outcome.result !== '') issues.push(issue('outcome.result', 'commitment.outcomeTooEarly'));
    return issues;
  }
  if (proposed ? !breachOutcomes.includes(outcome.result as BreachOutcome) : outcome.result !== status) {
    issues.push(issue('outcome.result', 'oneOf'));
  }
  checkDate(issues, 'outcome.decisionDate', outcome.decisionDate, today);
  if (outcome.decidingUnit.trim() === '') issues.push(issue('outcome.decidingUnit', 'required'));
  const breach = outcome.result !== 'fulfilled';
  if (breach && outcome.facts.trim() === '')
    issues.push(issue('outcome.facts', 'commitment.breachWithoutFacts'));
  if (outcome.result === 'partlyFulfilled' || outcome.result === 'notFulfilled') {
    if (outcome.unfulfilledContent.trim() === '') {
      issues.push(issue('outcome.unfulfilledContent', 'commitment.unfulfilledContentRequired'));
    }
    if (outcome.actionTaken.trim() === '') {
      issues.push(issue('outcome.actionTaken', 'commitment.actionTakenRequired'));
    }
  }
  for (const field of ['decidingUnit', 'facts', 'unfulfilledContent', 'actionTaken'] as const) {
    if (outcome[field].length > limits[field]) {
      issues.push(issue(`outcome.${field}`, 'tooLong', { max: limits[field] }));
    }
  }
  issues.push(...validateAttachments(outcome.evidence, 'outcome.evidence'));
  return issues;
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const date = text(10);
const stringList = (maxItems: number, maxLength: number) =>
  ({ type: 'array', maxItems, items: text(maxLength) }) as const;

/** The JSON schema of the `commitments` collection (RxDB format, plain data). */
export const commitmentJsonSchema = {
  title: 'commitment',
  // Version 1 adds the indexes the list pages through (by status, by type, by party name); documents
  // stay as they are.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    number: text(20),
    subjectId: text(36),
    subjectKind: { type: 'string', enum: [...subjectKinds], maxLength: 12 },
    subjectName: text(commitmentTextLimits.subjectName),
    // A practitioner's ID number is personal: sized for the device's field encryption, as in subjects.
    subjectCode: text(maxEncryptedLength(18)),
    type: { type: 'string', enum: [...commitmentTypes], maxLength: 24 },
    matterCode: text(matterLimits.code),
    reason: text(commitmentTextLimits.reason),
    content: text(commitmentTextLimits.content),
    missingMaterials: stringList(maxMissingMaterials, commitmentTextLimits.material),
    materialsDeadline: date,
    liability: text(commitmentTextLimits.liability),
    signatory: text(commitmentTextLimits.signatory),
    signingDate: date,
    acceptedBy: text(64),
    acceptingUnit: text(commitmentTextLimits.acceptingUnit),
    acceptingUnitCode: text(18),
    acceptanceCheck: {
      type: ['object', 'null'],
      properties: {
        checkedAt: text(30),
        eligible: { type: 'boolean' },
        findings: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            properties: {
              rule: text(40),
              effect: { type: 'string', enum: ['excludes', 'warns'], maxLength: 8 },
              refs: stringList(100, 36),
            },
            required: ['rule', 'effect', 'refs'],
            additionalProperties: false,
          },
        },
      },
      required: ['checkedAt', 'eligible', 'findings'],
      additionalProperties: false,
    },
    repairedRecordId: text(36),
    campaign: text(commitmentTextLimits.campaign),
    attachments: attachmentListSchema(),
    publicity: { type: 'string', enum: [...commitmentPublicity], maxLength: 10 },
    status: { type: 'string', enum: [...commitmentStatuses], maxLength: 16 },
    outcome: {
      type: 'object',
      properties: {
        result: { type: 'string', enum: ['', 'fulfilled', ...breachOutcomes], maxLength: 16 },
        decisionDate: date,
        decidingUnit: text(commitmentTextLimits.decidingUnit),
        decidingUnitCode: text(18),
        facts: text(commitmentTextLimits.facts),
        unfulfilledContent: text(commitmentTextLimits.unfulfilledContent),
        actionTaken: text(commitmentTextLimits.actionTaken),
        evidence: attachmentListSchema(),
      },
      required: [
        'result',
        'decisionDate',
        'decidingUnit',
        'decidingUnitCode',
        'facts',
        'unfulfilledContent',
        'actionTaken',
        'evidence',
      ],
      additionalProperties: false,
    },
    creditRecordIds: stringList(20, 36),
    workflow: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        properties: { action: text(32), by: text(64), at: text(30), note: text(500) },
        required: ['action', 'by', 'at', 'note'],
        additionalProperties: false,
      },
    },
  },
  required: [
    ...stampFields,
    'number',
    'subjectId',
    'subjectKind',
    'subjectName',
    'subjectCode',
    'type',
    'matterCode',
    'reason',
    'content',
    'missingMaterials',
    'materialsDeadline',
    'liability',
    'signatory',
    'signingDate',
    'acceptedBy',
    'acceptingUnit',
    'acceptingUnitCode',
    'acceptanceCheck',
    'repairedRecordId',
    'campaign',
    'attachments',
    'publicity',
    'status',
    'outcome',
    'creditRecordIds',
    'workflow',
  ],
  indexes: [
    'updatedAt',
    ['subjectId', 'signingDate'],
    ['status', 'materialsDeadline'],
    'number',
    ['status', 'updatedAt'],
    ['type', 'updatedAt'],
    'subjectName',
  ],
  additionalProperties: false,
} as const;
