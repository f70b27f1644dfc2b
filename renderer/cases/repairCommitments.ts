/**
 * The link from a repair case to its credit-repair commitment letter (commitments capability): which
 * letters of the subject fit the record, and a new letter made from the case form, accepted and signed,
 * when the applicant has none yet. Only the commitments repository's own public steps are used.
 */
import { fitsRepair, standingCommitmentStatuses } from '../../shared/cases/repairCommitment.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { creditRepairCommitmentType } from '../../shared/grading/repair.ts';
import { prefixIssues, type Validated } from '../../shared/base/validation.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { CommitmentRepository } from '../commitments/repository.ts';
import { emptyCommitmentFields } from '../commitments/repository.ts';
import type { PickedFile } from '../kernel/attachments.ts';

/** What a case needs of the commitments capability. */
export type RepairCommitmentSource = Pick<
  CommitmentRepository,
  'get' | 'list' | 'create' | 'attach' | 'act' | 'templateFor' | 'canCreate'
>;

/** The matter of the commitments list under which credit-repair letters are made. */
export const creditRepairMatter = 'XY-XF';

/** The letter's new content, entered on the case form. */
export interface NewRepairCommitment {
  text: string;
  signatory: string;
  signingDate: string;
  scans: readonly PickedFile[];
}

/** The standing credit-repair letters of the record's subject for this record, newest first. */
export async function standingRepairCommitments(
  commitments: RepairCommitmentSource,
  record: Pick<CreditRecordDocument, 'id' | 'subjectId'>,
): Promise<CommitmentDocument[]> {
  const letters = await commitments.list({ subjectId: record.subjectId, type: creditRepairCommitmentType });
  return letters.filter(
    (letter) =>
      fitsRepair(letter, { subjectId: record.subjectId, recordId: record.id }) &&
      standingCommitmentStatuses.includes(letter.status),
  );
}

/**
 * Makes the letter, attaches its signed scan and accepts it, as the signed-in clerk. Each is the
 * commitments repository's own recorded step; a refusal names the letter's rule under `commitment.`.
 */
export async function makeRepairCommitment(
  commitments: RepairCommitmentSource,
  record: Pick<CreditRecordDocument, 'id' | 'subjectId' | 'title'>,
  letter: NewRepairCommitment,
): Promise<Validated<CommitmentDocument>> {
  const fields = {
    ...emptyCommitmentFields(record.subjectId),
    type: creditRepairCommitmentType,
    matterCode: creditRepairMatter,
    // Data, in the letters' language.
    reason: `申请修复信用记录“${record.title}”`,
    content: letter.text,
    signatory: letter.signatory,
    signingDate: letter.signingDate,
    repairedRecordId: record.id,
  } as const;
  const made = await commitments.create({
    ...fields,
    liability: commitments.templateFor(fields, null).liability,
  });
  if (!made.ok) return { ok: false, issues: prefixIssues(made.issues, 'commitment') };
  const signed = await commitments.attach(made.value.id, letter.scans);
  if (!signed.ok) return { ok: false, issues: prefixIssues(signed.issues, 'commitment') };
  const accepted = await commitments.act(made.value.id, 'accept');
  return accepted.ok ? accepted : { ok: false, issues: prefixIssues(accepted.issues, 'commitment') };
}
