import type { CapabilityDescriptor } from '../kit/capability.ts';
import type { SubjectDocument } from './model.ts';
import { subjectJsonSchema } from './model.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateSubjectDocument } from '../sync/documentValidators.ts';

/** Enterprises and practitioners (信用主体). */
export const subjectsCapability: CapabilityDescriptor = {
  collection: 'subjects',
  i18n: 'subject',
  schema: subjectJsonSchema,
  // Version 1 encrypts personal fields: the storage wrapper does it as documents are written again.
  // Version 2 adds the indexes lists read while the search index loads.
  migrations: { 1: (doc: SubjectDocument) => doc, 2: (doc: SubjectDocument) => doc },
  validate: validateSubjectDocument,
  personalFields: personalFields.subjects ?? [],
  attachments: [],
  searchable: ['name', 'code'],
  uniqueField: 'code',
  workflows: [],
};
