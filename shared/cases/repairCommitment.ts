/**
 * A repair application carries the applicant's credit-repair commitment (信用修复承诺, NDRC Order No. 36)
 * as a commitment letter of the commitments capability: of the credit-repair type, made by the same
 * subject for the same record, and accepted by the office (a draft is not signed yet; a withdrawn or
 * breached one no longer stands). The case keeps the letter's text, signatory, date and signed scan as
 * they were when it was filed. Judged by the device when the case is entered and by the platform when
 * the case first arrives.
 */
import type { CommitmentDocument } from '../commitments/model.ts';
import type { CommitmentStatus } from '../commitments/types.ts';
import { creditRepairCommitmentType } from '../grading/repair.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { CaseDocument } from './model.ts';

export type RepairCommitment = Pick<
  CommitmentDocument,
  | 'id'
  | 'type'
  | 'subjectId'
  | 'repairedRecordId'
  | 'status'
  | 'content'
  | 'signatory'
  | 'signingDate'
  | 'attachments'
>;

/** The states in which a signed letter stands. */
export const standingCommitmentStatuses: readonly CommitmentStatus[] = ['accepted', 'fulfilled'];

type LinkedCase = Pick<CaseDocument, 'kind' | 'subjectId' | 'recordId' | 'commitmentId'>;

/** Whether the letter is a standing credit-repair commitment of this subject for this record. */
export function fitsRepair(
  commitment: RepairCommitment,
  repair: Pick<CaseDocument, 'subjectId' | 'recordId'>,
) {
  return (
    commitment.type === creditRepairCommitmentType &&
    commitment.subjectId === repair.subjectId &&
    commitment.repairedRecordId === repair.recordId
  );
}

/**
 * Every rule the case's commitment link breaks, given the letter it names (undefined when none is found):
 * `repair.commitmentRequired` without one, `cases.commitmentNotForRecord` for another type, subject or
 * record, `cases.commitmentNotAccepted` {status} for a letter that does not stand,
 * `cases.commitmentUnsigned` for one without its signed scan. An objection names none.
 */
export function repairCommitmentIssues(
  doc: LinkedCase,
  commitment: RepairCommitment | undefined,
): ValidationIssue[] {
  const id = doc.commitmentId ?? '';
  if (doc.kind !== 'repair') return id === '' ? [] : [issue('commitmentId', 'cases.notForObjection')];
  if (id === '' || !commitment || commitment.id !== id)
    return [issue('commitment', 'repair.commitmentRequired')];
  if (!fitsRepair(commitment, doc)) return [issue('commitmentId', 'cases.commitmentNotForRecord')];
  if (!standingCommitmentStatuses.includes(commitment.status))
    return [issue('commitmentId', 'cases.commitmentNotAccepted', { status: commitment.status })];
  if (commitment.attachments.length === 0) return [issue('commitmentId', 'cases.commitmentUnsigned')];
  return [];
}

/** The case's copy of the letter: its text, signatory, signing date and signed scans. */
export function commitmentCopy(commitment: RepairCommitment) {
  return {
    commitmentId: commitment.id,
    commitmentText: commitment.content,
    commitmentSignatory: commitment.signatory,
    commitmentDate: commitment.signingDate,
    commitmentScans: commitment.attachments,
  };
}
