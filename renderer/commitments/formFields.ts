import type { Attachment } from '../../shared/base/attachment.ts';
import {
  type CommitmentInput,
  type CommitmentOutcome,
  emptyCommitmentInput,
} from '../../shared/commitments/model.ts';

/** What the clerk enters on the form; number, party details, status and workflow are the repository's. */
const commitmentFieldNames = [
  'subjectId',
  'type',
  'matterCode',
  'reason',
  'content',
  'missingMaterials',
  'materialsDeadline',
  'liability',
  'signatory',
  'signingDate',
  'publicity',
  'repairedRecordId',
] as const satisfies readonly (keyof CommitmentInput)[];

export type CommitmentFields = Pick<CommitmentInput, (typeof commitmentFieldNames)[number]>;

export function emptyCommitmentFields(subjectId = ''): CommitmentFields {
  return fieldsOf({ ...emptyCommitmentInput(), subjectId });
}

/** The form's fields of a commitment. */
export function fieldsOf(commitment: CommitmentInput): CommitmentFields {
  return Object.fromEntries(
    commitmentFieldNames.map((field) => [field, commitment[field]]),
  ) as CommitmentFields;
}

/** A finding as the clerk enters it: the step sets result, unit and date. */
export type FindingFields = Pick<CommitmentOutcome, 'facts' | 'unfulfilledContent' | 'actionTaken'> & {
  result: CommitmentOutcome['result'];
  evidence?: Attachment[];
};
