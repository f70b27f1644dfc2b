/**
 * The order of a device's pushes. The platform judges every document by its author, whom it knows from
 * the county's users; and some documents against documents of another collection as it holds them
 * (server/sync/writeAuthority.ts: a repair case against its credit-repair letter). Both are often made in
 * one action offline, so a push waits until what it is judged against has been uploaded.
 */
import type { CollectionName } from '../base/collections.ts';

/** Collections whose documents the platform judges against another collection's. */
export const judgedAgainst: Readonly<Partial<Record<CollectionName, readonly CollectionName[]>>> = {
  cases: ['commitments'],
};

/** The collections whose pending changes a push of `collection` waits for. */
export function uploadedBefore(collection: CollectionName): CollectionName[] {
  if (collection === 'users') return [];
  return ['users', ...(judgedAgainst[collection] ?? [])];
}
