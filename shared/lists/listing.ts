/**
 * Listings (`listings` collection): a subject's entry on the red list or a black list, or a grade the
 * office publishes. Each passes through one workflow (workflow.ts): proposed by a clerk, decided by a
 * reviewer with a decision document and opinion, exited by a reviewer with the exit's decision document
 * and reason. `subjectKey` is how the city matches the subject across counties: the USCC of an enterprise,
 * a keyed hash of a practitioner's ID number, never the ID number itself.
 */
import { isRealDate } from '../base/identifiers.ts';
import type { LocalizedText } from '../creditRecords/catalog.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { isUuid } from '../base/uuid.ts';
import { type ProvincialEvaluation, type ProvincialLevel, provincialLevels } from '../grading/provincial.ts';
import {
  blackLists,
  checkListEntryProposal,
  type ExitReason,
  type ListKind,
  listKinds,
  type ListRule,
} from './rules.ts';

/** `provincial`: the province's comprehensive credit evaluation of the subject, recorded from an import. */
export const listingKinds = ['grade', 'redList', 'blackList', 'provincial'] as const;
export type ListingKind = (typeof listingKinds)[number];

export const listingStatuses = ['draft', 'proposed', 'listed', 'rejected', 'exited'] as const;
export type ListingStatus = (typeof listingStatuses)[number];

export const listingActions = ['propose', 'approve', 'reject', 'exit', 'record'] as const;
export type ListingAction = (typeof listingActions)[number];

export const exitReasons = ['revoked', 'repaired', 'periodEnded', 'noLongerQualifies'] as const;

export interface ListingStep {
  action: ListingAction;
  by: string;
  /** ISO 8601 instant. */
  at: string;
  note: string;
}

export interface ListingDocument extends BaseDocument {
  kind: ListingKind;
  subjectId: string;
  /** `uscc:<USCC>` or `idh:<keyed hash of the ID number>` (see subjectKey.ts). */
  subjectKey: string;
  /** The list of a red or black list entry; '' for a grade. */
  list: ListKind | '';
  /** The list rule that suggested the entry, or the scoring model of a grade. */
  rule: string;
  basis: string[];
  measures: LocalizedText[];
  /** The credit records that triggered a record-based entry. */
  triggeredBy: string[];
  /** First and last day of the entry (a grade: the day it was computed for, end ''). */
  start: string;
  end: string;
  /**
   * A published grade: its code, score and the model version it was computed under. A provincial
   * evaluation: its level, its score (`noProvincialScore` when the province gave none), version 0.
   */
  grade: string;
  score: number;
  modelVersion: number;
  /** The number of the decision that entered the subject (or published the grade). */
  decisionNumber: string;
  exitDecisionNumber: string;
  exitReason: ExitReason | '';
  /** The first day off the list. */
  exitedOn: string;
  status: ListingStatus;
  workflow: ListingStep[];
}

export type ListingInput = Omit<ListingDocument, StampFields>;

export const listingTextLimits = { basis: 300, measure: 300, decisionNumber: 64, note: 500 } as const;

/** The score of a provincial evaluation published without one. */
export const noProvincialScore = -1;

/** The rule of every provincial evaluation listing. */
export const provincialRule = 'province';

/** The evaluations recorded in a subject's listings. */
export function provincialEvaluationsOf(listings: readonly ListingDocument[]): ProvincialEvaluation[] {
  return listings
    .filter((listing) => listing.kind === 'provincial' && listing.status === 'listed')
    .map((listing) => ({
      id: listing.id,
      level: listing.grade as ProvincialLevel,
      date: listing.start,
      score: listing.score === noProvincialScore ? null : listing.score,
    }));
}

/** A listing with nothing proposed yet, for the repository to fill. */
export function emptyListingInput(subjectId: string, subjectKey: string): ListingInput {
  return {
    kind: 'blackList',
    subjectId,
    subjectKey,
    list: '',
    rule: '',
    basis: [],
    measures: [],
    triggeredBy: [],
    start: '',
    end: '',
    grade: '',
    score: 0,
    modelVersion: 0,
    decisionNumber: '',
    exitDecisionNumber: '',
    exitReason: '',
    exitedOn: '',
    status: 'draft',
    workflow: [],
  };
}

/** The kind of entry a list takes. */
export function listingKindOf(list: ListKind): ListingKind {
  return blackLists.includes(list) ? 'blackList' : 'redList';
}

/** True for an entry that stands on `asOf`: decided onto its list, started, not ended, not exited. */
export function listingActiveOn(
  listing: Pick<ListingDocument, 'status' | 'start' | 'end' | 'exitedOn'>,
  asOf: string,
): boolean {
  if (listing.status !== 'listed' && listing.status !== 'exited') return false;
  if (listing.start > asOf || (listing.end !== '' && asOf > listing.end)) return false;
  return listing.exitedOn === '' || asOf < listing.exitedOn;
}

/**
 * The rules of a listing's content (`validation.lists.*` and shared codes): a list entry needs its basis
 * and a rule of its list (checkListEntryProposal); a grade its code and model version; an exited listing
 * its exit reason and day.
 */
export function validateListingInput(input: ListingInput, rules: readonly ListRule[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!listingKinds.includes(input.kind)) issues.push(issue('kind', 'oneOf'));
  if (!isUuid(input.subjectId)) issues.push(issue('subjectId', 'required'));
  if (!/^(uscc|idh):[0-9A-Za-z]{1,64}$/.test(input.subjectKey)) issues.push(issue('subjectKey', 'required'));
  const recorded = input.workflow.some((step) => step.action === 'record');
  if (input.kind === 'provincial') {
    if (input.list !== '') issues.push(issue('list', 'oneOf'));
    if (!provincialLevels.includes(input.grade as ProvincialLevel)) issues.push(issue('grade', 'oneOf'));
    if (input.rule !== provincialRule) issues.push(issue('rule', 'oneOf'));
    if (!isRealDate(input.start)) issues.push(issue('start', 'dateFormat'));
    if (input.score !== noProvincialScore && !(input.score >= 0 && input.score <= 1000))
      issues.push(issue('score', 'oneOf'));
    if (input.workflow.some((step) => step.action !== 'record'))
      issues.push(issue('workflow', 'lists.provincialRecordedOnly'));
  } else if (recorded) {
    issues.push(issue('workflow', 'lists.provincialRecordedOnly'));
  }
  if (input.kind === 'grade') {
    if (input.list !== '') issues.push(issue('list', 'oneOf'));
    if (input.grade.trim() === '') issues.push(issue('grade', 'required'));
    if (!Number.isInteger(input.modelVersion) || input.modelVersion < 1)
      issues.push(issue('modelVersion', 'grading.version'));
    if (input.rule.trim() === '') issues.push(issue('rule', 'required'));
    if (!isRealDate(input.start)) issues.push(issue('start', 'dateFormat'));
  } else if (input.kind !== 'provincial') {
    if (input.list === '' || !listKinds.includes(input.list) || listingKindOf(input.list) !== input.kind) {
      issues.push(issue('list', 'oneOf'));
    } else {
      issues.push(
        ...checkListEntryProposal(
          { ...input, id: '', list: input.list, exitedOn: input.exitedOn || undefined },
          rules,
        ),
      );
    }
  }
  for (const [field, value] of [
    ['decisionNumber', input.decisionNumber],
    ['exitDecisionNumber', input.exitDecisionNumber],
  ] as const) {
    if (value.length > listingTextLimits.decisionNumber)
      issues.push(issue(field, 'tooLong', { max: listingTextLimits.decisionNumber }));
  }
  if (input.status === 'exited') {
    if (input.exitReason === '') issues.push(issue('exitReason', 'required'));
    if (!isRealDate(input.exitedOn)) issues.push(issue('exitedOn', 'dateFormat'));
  } else if (input.exitReason !== '' || input.exitedOn !== '') {
    issues.push(issue('exitedOn', 'lists.notExited'));
  }
  return issues;
}

const localizedSchema = {
  type: 'object',
  properties: {
    zh: { type: 'string', maxLength: listingTextLimits.measure },
    en: { type: 'string', maxLength: listingTextLimits.measure },
  },
  required: ['zh', 'en'],
  additionalProperties: false,
} as const;

/** The versioned JSON schema of the listings collection (RxDB format, plain data). */
export const listingJsonSchema = {
  title: 'listing',
  // Version 1 adds provincial evaluations (kind `provincial`, step `record`); older documents are valid as they are.
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: [...listingKinds], maxLength: 12 },
    subjectId: { type: 'string', maxLength: 36 },
    subjectKey: { type: 'string', maxLength: 72 },
    list: { type: 'string', enum: ['', ...listKinds], maxLength: 32 },
    rule: { type: 'string', maxLength: 32 },
    basis: {
      type: 'array',
      maxItems: 10,
      items: { type: 'string', maxLength: listingTextLimits.basis },
    },
    measures: { type: 'array', maxItems: 10, items: localizedSchema },
    triggeredBy: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 36 } },
    start: { type: 'string', maxLength: 10 },
    end: { type: 'string', maxLength: 10 },
    grade: { type: 'string', maxLength: 16 },
    score: { type: 'number' },
    modelVersion: { type: 'integer' },
    decisionNumber: { type: 'string', maxLength: listingTextLimits.decisionNumber },
    exitDecisionNumber: { type: 'string', maxLength: listingTextLimits.decisionNumber },
    exitReason: { type: 'string', enum: ['', ...exitReasons], maxLength: 20 },
    exitedOn: { type: 'string', maxLength: 10 },
    status: { type: 'string', enum: [...listingStatuses], maxLength: 12 },
    workflow: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          action: { type: 'string', enum: [...listingActions], maxLength: 12 },
          by: { type: 'string', maxLength: 64 },
          at: { type: 'string', maxLength: 30 },
          note: { type: 'string', maxLength: listingTextLimits.note },
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
    'subjectKey',
    'list',
    'rule',
    'basis',
    'measures',
    'triggeredBy',
    'start',
    'end',
    'grade',
    'score',
    'modelVersion',
    'decisionNumber',
    'exitDecisionNumber',
    'exitReason',
    'exitedOn',
    'status',
    'workflow',
  ],
  indexes: ['updatedAt', ['subjectId', 'start'], ['kind', 'status']],
  additionalProperties: false,
} as const;

/** The filters of the red and black lists page: entries proposed, listed, or every entry. */
export const listingFilters = ['proposed', 'listed', 'all'] as const;
export type ListingFilter = (typeof listingFilters)[number];

/** The kinds the lists page shows: the province's evaluations are shown apart. */
export const pagedListingKinds = listingKinds.filter((kind) => kind !== 'provincial');

/** Whether the lists page shows the listing under the filter. */
export function listingPassesFilter(
  listing: Pick<ListingDocument, 'kind' | 'status'>,
  filter: ListingFilter,
) {
  return listing.kind !== 'provincial' && (filter === 'all' || listing.status === filter);
}
