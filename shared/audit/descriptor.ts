import type { CapabilityDescriptor } from '../kit/capability.ts';
import { auditEntryJsonSchema } from '../base/auditEntry.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateAuditLogDocument } from '../sync/documentValidators.ts';

/** Hash-chained audit entries, one chain per device. */
export const auditCapability: CapabilityDescriptor = {
  collection: 'auditLog',
  i18n: 'audit',
  schema: auditEntryJsonSchema,
  migrations: {},
  validate: validateAuditLogDocument,
  personalFields: personalFields.auditLog ?? [],
  attachments: [],
  searchable: [],
  workflows: [],
};
