import type { CapabilityDescriptor } from '../kit/capability.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateReferenceDocument } from '../sync/documentValidators.ts';
import { referenceJsonSchema } from './schema.ts';
import { catalogValidationContext } from '../creditRecords/catalogInForce.ts';

/** City-wide reference data: the credit information catalog and holiday calendars. */
export const referenceCapability: CapabilityDescriptor = {
  collection: 'reference',
  i18n: 'creditUi.catalog',
  schema: referenceJsonSchema,
  migrations: {
    1: (doc: unknown) => doc,
    2: (doc: unknown) => doc,
    3: (doc: unknown) => doc,
    4: (doc: unknown) => doc,
  },
  validate: validateReferenceDocument,
  personalFields: personalFields.reference ?? [],
  attachments: [],
  searchable: [],
  workflows: [],
  // Rule sets name catalog items: checked against the catalog in force.
  validationContext: catalogValidationContext,
};
