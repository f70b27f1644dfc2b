import type { CapabilityDescriptor } from '../kit/capability.ts';
import { type AuditEntry, auditEntryJsonSchema } from '../base/auditEntry.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateAuditLogDocument } from '../sync/documentValidators.ts';

/** Hash-chained audit entries, one chain per device. */
export const auditCapability: CapabilityDescriptor = {
  collection: 'auditLog',
  i18n: 'audit',
  schema: auditEntryJsonSchema,
  /** Version 1 adds the [action, at] index (the credit reports list); entries stay as they are. */
  migrations: { 1: (entry: AuditEntry): AuditEntry => entry },
  validate: validateAuditLogDocument,
  personalFields: personalFields.auditLog ?? [],
  attachments: [],
  searchable: [],
  workflows: [],
};
