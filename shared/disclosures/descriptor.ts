import { disclosureReportingWorkflow } from './reporting.ts';
import type { CapabilityDescriptor } from '../kit/capability.ts';
import { type DisclosureDocument, disclosureJsonSchema } from './model.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateDisclosureDocument } from '../sync/documentValidators.ts';

/** 双公示 decisions: administrative licences and penalties, and their reporting. */
export const disclosuresCapability: CapabilityDescriptor = {
  collection: 'disclosures',
  i18n: 'creditUi.disclosure',
  schema: disclosureJsonSchema,
  // Version 1 encrypts the ID numbers of natural persons, as subjects' version 1 does; version 2 adds the
  // list's indexes.
  migrations: { 1: (doc: DisclosureDocument) => doc, 2: (doc: DisclosureDocument) => doc },
  validate: validateDisclosureDocument,
  personalFields: personalFields.disclosures ?? [],
  attachments: [],
  searchable: [],
  workflows: [disclosureReportingWorkflow],
};
