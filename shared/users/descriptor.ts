import type { CapabilityDescriptor } from '../kit/capability.ts';
import { userJsonSchema } from '../base/user.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateUserDocument } from '../sync/documentValidators.ts';

/** County users with their password verifiers and roles. */
export const usersCapability: CapabilityDescriptor = {
  collection: 'users',
  i18n: 'users',
  schema: userJsonSchema,
  migrations: {},
  validate: validateUserDocument,
  personalFields: personalFields.users ?? [],
  attachments: [],
  searchable: [],
  workflows: [],
};
