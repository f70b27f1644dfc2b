import type { CapabilityDescriptor } from '../kit/capability.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateCommitmentDocument } from '../sync/documentValidators.ts';
import { publishedMatterLists } from './matterList.ts';
import { type CommitmentDocument, commitmentJsonSchema } from './model.ts';
import { commitmentWorkflow } from './workflow.ts';

/** Credit commitment letters (信用承诺) and their fulfilment. */
export const commitmentsCapability: CapabilityDescriptor = {
  collection: 'commitments',
  i18n: 'commitment',
  schema: commitmentJsonSchema,
  migrations: { 1: (doc: CommitmentDocument): CommitmentDocument => doc },
  validate: validateCommitmentDocument,
  personalFields: personalFields.commitments ?? [],
  // The scanned signed letter, and the evidence of fulfilment or of a breach.
  attachments: ['attachments[]', 'outcome.evidence[]'],
  searchable: ['number', 'subjectName'],
  // Serial blocks keep two devices apart; the platform refuses a number given twice all the same.
  uniqueField: 'number',
  workflows: [commitmentWorkflow],
  // Each letter is checked against the list of commitment matters in force when it was signed.
  validationContext: {
    referenceKinds: ['ruleSet'],
    derive: (ruleSets) => ({
      matterLists: publishedMatterLists(ruleSets as Parameters<typeof publishedMatterLists>[0]),
    }),
  },
};
