import { creditRecordWorkflow } from './workflow.ts';
import type { CapabilityDescriptor } from '../kit/capability.ts';
import { catalogValidationContext } from './catalogInForce.ts';
import { type CreditRecordDocument, creditRecordJsonSchema } from './model.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateCreditRecordDocument } from '../sync/documentValidators.ts';

/** Credit records of the five categories (信用记录) and their review workflow. */
export const creditRecordsCapability: CapabilityDescriptor = {
  collection: 'creditRecords',
  i18n: 'creditUi',
  schema: creditRecordJsonSchema,
  // Version 1 adds the workflow step `withdraw`, version 2 the list indexes, version 3 the steps `republish` and `amend`:
  // documents stay as they are.
  migrations: {
    1: (doc: CreditRecordDocument) => doc,
    2: (doc: CreditRecordDocument) => doc,
    3: (doc: CreditRecordDocument) => doc,
  },
  validate: validateCreditRecordDocument,
  personalFields: personalFields.creditRecords ?? [],
  attachments: ['attachments[]'],
  searchable: [],
  workflows: [creditRecordWorkflow],
  // Records are filed under the city's catalog as held (catalogInForce.ts).
  validationContext: catalogValidationContext,
};
