import type { CapabilityDescriptor } from '../kit/capability.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateListingDocument } from '../sync/documentValidators.ts';
import { everyListRule } from '../grading/ruleSet.ts';
import { listingJsonSchema } from './listing.ts';
import { listingWorkflow } from './workflow.ts';

/**
 * Published grades and red/black list entries (红黑名单), decided through the listing workflow, and the
 * province's evaluations of subjects, recorded from an import.
 */
export const listingsCapability: CapabilityDescriptor = {
  collection: 'listings',
  i18n: 'lists',
  schema: listingJsonSchema,
  migrations: { 1: (doc: unknown) => doc },
  validate: validateListingDocument,
  personalFields: personalFields.listings ?? [],
  attachments: [],
  searchable: [],
  workflows: [listingWorkflow],
  // An entry keeps the rule it was proposed under: every rule the city ever published counts.
  validationContext: {
    referenceKinds: ['ruleSet'],
    derive: (ruleSets) => ({ listRules: everyListRule(ruleSets as Parameters<typeof everyListRule>[0]) }),
  },
};
