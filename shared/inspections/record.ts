/**
 * An inspection record: who inspected which subject where, under which plan (or ad hoc, with a reason),
 * against which checklist version; each item's result with notes and photos; findings with severity and a
 * rectification deadline; the inspected party's representative and signature; the conclusion.
 *
 * Photos and the signature are attachments (name, type, size) referenced by SHA-256 content hash, at any
 * depth: `inspectionAttachmentPaths` lists where they are.
 */
import { isRealDate } from '../base/identifiers.ts';
import type { Attachment } from '../base/attachment.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import type { ChecklistIndustry } from './checklists.ts';

export const itemResults = ['compliant', 'nonCompliant', 'notApplicable'] as const;
export type ItemResult = (typeof itemResults)[number];

export const findingSeverities = ['minor', 'major', 'critical'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export const adHocReasons = ['complaint', 'referral', 'followUp'] as const;
export type AdHocReason = (typeof adHocReasons)[number];

export interface InspectedItem {
  code: string;
  /** null while the inspector has not judged the item yet. */
  result: ItemResult | null;
  note: string;
  photos: Attachment[];
}

export interface Finding {
  id: string;
  /** The checklist item the finding is about. */
  itemCode: string;
  severity: FindingSeverity;
  description: string;
  /** Rectify by this date (YYYY-MM-DD); see rectification.ts for the working-day default. */
  rectifyBy: string;
  photos: Attachment[];
}

export interface InspectionRecord {
  subjectId: string;
  /** The project or site, or '' when the visit is at the subject's premises. */
  projectId: string;
  /** The plan that drew the visit, or null for an ad hoc inspection. */
  planId: string | null;
  adHoc: { reason: AdHocReason; note: string } | null;
  inspectors: string[];
  startedAt: string;
  endedAt: string;
  /** The credit state shown before the visit. */
  creditStateBefore: { grade: string | null; raised: boolean };
  template: { industry: ChecklistIndustry; version: number };
  items: InspectedItem[];
  findings: Finding[];
  representative: string;
  /** The signature drawn on screen; its `sha256` is '' until the representative signs. */
  signature: Attachment;
  conclusion: string;
}

export const inspectionAttachmentPaths = ['items[].photos[]', 'findings[].photos[]', 'signature'] as const;

export const inspectionLimits = { note: 500, description: 1000, conclusion: 2000, photos: 20 } as const;

export interface InspectionContext {
  /** Today (YYYY-MM-DD): a rectification deadline may not be before it. */
  today: string;
  /** User ids who are the inspected party's contacts or otherwise declared in conflict with it. */
  conflicted: readonly string[];
  /** Whether the record is being completed (submitted), not just saved as a draft. */
  complete: boolean;
}

const sha256 = /^[0-9a-f]{64}$/;

/** Every content hash the record references, once each: for upload and for the platform's blob check. */
export function photoHashesOf(record: Pick<InspectionRecord, 'items' | 'findings' | 'signature'>): string[] {
  const all = [
    ...record.items.flatMap((item) => item.photos.map((photo) => photo.sha256)),
    ...record.findings.flatMap((finding) => finding.photos.map((photo) => photo.sha256)),
    ...(record.signature.sha256 ? [record.signature.sha256] : []),
  ];
  return [...new Set(all)];
}

/**
 * Checks a record. A draft may be incomplete; a completed record needs every item judged, a finding for
 * every non-compliant item, the representative, signature and conclusion. Issue codes (field in brackets):
 * `inspection.planOrReason`, `inspection.adHocReason`, `inspection.inspectorsTwo`,
 * `inspection.inspectorIsContact`, `inspection.endBeforeStart`, `inspection.itemTwice`,
 * `inspection.itemWithoutResult`, `inspection.photoHash`, `inspection.tooManyPhotos`,
 * `inspection.findingWithoutResult`, `inspection.findingOnCompliant`, `inspection.nonCompliantWithoutFinding`,
 * `inspection.deadlinePast`, `dateFormat`,
 * `required`, `tooLong`.
 */
export function validateInspection(
  record: InspectionRecord,
  context: InspectionContext,
): Validated<InspectionRecord> {
  const issues: ValidationIssue[] = [
    ...checkOrigin(record),
    ...checkInspectors(record, context),
    ...checkItems(record, context),
    ...checkFindings(record, context),
  ];
  if (record.endedAt !== '' && record.endedAt < record.startedAt) {
    issues.push(issue('endedAt', 'inspection.endBeforeStart'));
  }
  if (record.conclusion.length > inspectionLimits.conclusion) {
    issues.push(issue('conclusion', 'tooLong', { max: inspectionLimits.conclusion }));
  }
  if (context.complete) {
    const missing = {
      representative: record.representative.trim() === '',
      signature: record.signature.sha256 === '',
      conclusion: record.conclusion.trim() === '',
      endedAt: record.endedAt === '',
    };
    for (const [field, empty] of Object.entries(missing)) if (empty) issues.push(issue(field, 'required'));
  }
  return issues.length === 0 ? { ok: true, value: record } : { ok: false, issues };
}

function checkOrigin(record: InspectionRecord): ValidationIssue[] {
  if ((record.planId === null) === (record.adHoc === null))
    return [issue('planId', 'inspection.planOrReason')];
  if (record.adHoc && !adHocReasons.includes(record.adHoc.reason)) {
    return [issue('adHoc.reason', 'inspection.adHocReason')];
  }
  return [];
}

function checkInspectors(record: InspectionRecord, context: InspectionContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (new Set(record.inspectors).size < 2 || record.inspectors.length !== new Set(record.inspectors).size) {
    issues.push(issue('inspectors', 'inspection.inspectorsTwo'));
  }
  record.inspectors.forEach((inspector, index) => {
    if (context.conflicted.includes(inspector)) {
      issues.push(issue(`inspectors.${index}`, 'inspection.inspectorIsContact'));
    }
  });
  return issues;
}

function checkPhotos(photos: readonly Attachment[], at: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (photos.length > inspectionLimits.photos) {
    issues.push(issue(`${at}.photos`, 'inspection.tooManyPhotos', { max: inspectionLimits.photos }));
  }
  photos.forEach((photo, index) => {
    if (!sha256.test(photo.sha256)) issues.push(issue(`${at}.photos.${index}`, 'inspection.photoHash'));
  });
  return issues;
}

function checkItems(record: InspectionRecord, context: InspectionContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  record.items.forEach((item, index) => {
    const at = `items.${index}`;
    if (seen.has(item.code)) issues.push(issue(`${at}.code`, 'inspection.itemTwice', { code: item.code }));
    seen.add(item.code);
    if (item.result === null && context.complete)
      issues.push(issue(`${at}.result`, 'inspection.itemWithoutResult'));
    if (item.note.length > inspectionLimits.note) {
      issues.push(issue(`${at}.note`, 'tooLong', { max: inspectionLimits.note }));
    }
    issues.push(...checkPhotos(item.photos, at));
    const found = record.findings.some((finding) => finding.itemCode === item.code);
    if (item.result === 'nonCompliant' && !found && context.complete) {
      issues.push(issue(`${at}.result`, 'inspection.nonCompliantWithoutFinding'));
    }
  });
  return issues;
}

function checkFindings(record: InspectionRecord, context: InspectionContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  record.findings.forEach((finding, index) => {
    const at = `findings.${index}`;
    const item = record.items.find((candidate) => candidate.code === finding.itemCode);
    if (!item || item.result === null) {
      issues.push(issue(`${at}.itemCode`, 'inspection.findingWithoutResult'));
    } else if (item.result !== 'nonCompliant') {
      issues.push(issue(`${at}.itemCode`, 'inspection.findingOnCompliant'));
    }
    if (finding.description.trim() === '') issues.push(issue(`${at}.description`, 'required'));
    if (finding.description.length > inspectionLimits.description) {
      issues.push(issue(`${at}.description`, 'tooLong', { max: inspectionLimits.description }));
    }
    if (!isRealDate(finding.rectifyBy)) {
      issues.push(issue(`${at}.rectifyBy`, 'dateFormat'));
    } else if (finding.rectifyBy < context.today) {
      issues.push(issue(`${at}.rectifyBy`, 'inspection.deadlinePast', { today: context.today }));
    }
    issues.push(...checkPhotos(finding.photos, at));
  });
  return issues;
}
