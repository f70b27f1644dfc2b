/**
 * The protocol suite serves the shared validators, except for two collections it replaces with small
 * "note" documents: a city-scope `reference` and a county-scope `disclosures`, with schema versions that
 * differ from the plan's, so version negotiation and city scope can be exercised with short documents.
 */
import {
  type CollectionJsonSchema,
  documentValidators,
  validateAgainstJsonSchema,
  validateBaseDocument,
} from '../../shared/sync/documentValidators.ts';
import type { PlatformOptions } from '../index.ts';

const stampProperties = {
  id: { type: 'string', maxLength: 36 },
  county: { type: 'string', maxLength: 6 },
  createdAt: { type: 'string', maxLength: 30 },
  updatedAt: { type: 'string', maxLength: 30 },
  createdBy: { type: 'string', maxLength: 64 },
  updatedBy: { type: 'string', maxLength: 64 },
} as const;

const noteSchema: CollectionJsonSchema = {
  properties: { ...stampProperties, title: { type: 'string', maxLength: 50 } },
  required: [...Object.keys(stampProperties), 'title'],
  additionalProperties: false,
};

function validateNote(doc: unknown) {
  const issues = validateAgainstJsonSchema(doc, noteSchema);
  return issues.length > 0 ? issues : validateBaseDocument(doc as Record<string, unknown>);
}

export const suitePlatformOptions: Partial<PlatformOptions> = {
  validators: { ...documentValidators, reference: validateNote, disclosures: validateNote },
  schemaVersions: { reference: 2, disclosures: 1 },
  heartbeatMs: 100,
};
