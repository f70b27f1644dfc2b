/**
 * What the platform's validators read besides a document, derived from the capabilities' descriptors
 * (`validationContext`) as a device derives it: from the reference documents a device holds once it has
 * pulled everything — the city's live documents of the kinds the validator reads, over the documents
 * every device seeds at its first start (a city document of the same id replaces or deletes a seeded one).
 */
import { capabilities } from '../../shared/capabilities.ts';
import type { CollectionName } from '../../shared/base/collections.ts';
import type { DocumentValidationContext } from '../../shared/sync/documentValidators.ts';
import type { ValidationContextProvider } from '../../shared/kit/capability.ts';
import type { Queryable } from '../db/database.ts';

type Reference = Record<string, unknown>;

/** The live reference documents of the provider's kinds a device holds after a full pull. */
export async function heldReference(
  db: Queryable,
  provider: ValidationContextProvider,
): Promise<Reference[]> {
  const { rows } = await db.query<{ id: string; deleted: boolean; body: Reference }>(
    `SELECT id, deleted, body FROM documents
     WHERE collection = 'reference' AND feed = '*' AND (deleted OR body ->> 'kind' = ANY($1::text[]))`,
    [[...provider.referenceKinds]],
  );
  const held = new Map<string, Reference>();
  for (const doc of (await provider.seeded?.()) ?? []) held.set(String(doc.id), doc);
  // A deletion counts whatever it carries: a device drops the document of its id.
  for (const { id, deleted, body } of rows) {
    if (deleted) held.delete(id);
    else held.set(id, body);
  }
  return [...held.values()];
}

/** Today and what the validator of the collection reads, as its descriptor derives it. */
export async function loadValidationContext(
  db: Queryable,
  collection: CollectionName,
  today: string,
): Promise<DocumentValidationContext> {
  const provider = capabilities.has(collection) ? capabilities.get(collection).validationContext : undefined;
  if (!provider) return { today };
  return { today, ...capabilities.validationContext([collection], await heldReference(db, provider)) };
}
