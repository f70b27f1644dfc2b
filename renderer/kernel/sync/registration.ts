import type { RxCollection } from 'rxdb';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { capabilities } from '../../../shared/capabilities.ts';
import type { SyncRegistration } from './collectionSync.ts';

/** Fields every synced document carries that identify or stamp it: never merged field by field. */
const bookkeepingFields = new Set(['id', 'county', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

/** Edit pages of the collections that have one, where a refused record is fixed. */
const editPaths: Partial<Record<CollectionName, (id: string) => string>> = {
  subjects: (id) => `#/subjects/${encodeURIComponent(id)}/edit`,
};

/**
 * How a collection joins sync: every field of its schema except the bookkeeping ones is merged on
 * conflict, and its documents must pass the platform's validator for the collection.
 */
export function syncRegistration(
  name: CollectionName,
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type joins sync
  collection: RxCollection<any>,
  extra: Pick<SyncRegistration, 'findByUniqueValue' | 'editPath' | 'applyResolution'> = {},
): SyncRegistration {
  const { validate, uniqueField } = capabilities.get(name);
  const properties = Object.keys(collection.schema.jsonSchema.properties).filter(
    (field) => !field.startsWith('_') && !bookkeepingFields.has(field),
  );
  const editPath = editPaths[name];
  return {
    name,
    collection,
    mergeFields: properties,
    validate,
    uniqueField,
    ...(editPath ? { editPath } : {}),
    ...extra,
  };
}
