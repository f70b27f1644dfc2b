/** Fields every synced document carries. Ids are generated on the client (UUIDv7). */
export interface BaseDocument {
  /** UUIDv7, generated where the document was created. */
  id: string;
  /** Administrative division code (GB/T 2260, six digits) of the owning county. */
  county: string;
  /** ISO 8601 instant, stamped by the repository layer. */
  createdAt: string;
  /** ISO 8601 instant, stamped by the repository layer. */
  updatedAt: string;
  /** User id of the signed-in user who created the document. */
  createdBy: string;
  /** User id of the signed-in user who last changed the document. */
  updatedBy: string;
}

/** The stamp fields are written by the repository layer only, never by forms. */
export type StampFields = 'id' | 'county' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy';

export const stampFields: readonly StampFields[] = [
  'id',
  'county',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
];

/** A document as its input: without the stamps the repository writes. */
export function withoutStamps<T extends Partial<BaseDocument>>(doc: T): Omit<T, StampFields> {
  const input: Partial<T> = { ...doc };
  for (const field of stampFields) delete input[field];
  return input as Omit<T, StampFields>;
}

/** The JSON-schema properties of the BaseDocument fields, first in every collection's schema. */
export const baseDocumentProperties = {
  id: { type: 'string', maxLength: 36 },
  county: { type: 'string', maxLength: 6 },
  createdAt: { type: 'string', maxLength: 30 },
  updatedAt: { type: 'string', maxLength: 30 },
  createdBy: { type: 'string', maxLength: 64 },
  updatedBy: { type: 'string', maxLength: 64 },
} as const;
