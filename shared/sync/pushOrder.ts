/**
 * The order of a device's pushes, derived from the capability descriptors. The platform judges every
 * document by its author, whom it knows from the county's users; and some documents against documents of
 * another collection as it holds them (server/sync/writeAuthority.ts: a repair case against its
 * credit-repair letter), which the capability declares (`judgedAgainst`). Both are often made in one
 * action offline, so a push waits until what it is judged against has been uploaded.
 */
import type { CollectionName } from '../base/collections.ts';
import { capabilities } from '../capabilities.ts';
import type { CapabilityDescriptor } from '../kit/capability.ts';

/** The county's users: the platform judges every pushed document by its author among them. */
export const authorsCollection: CollectionName = 'users';

type Declared = Pick<CapabilityDescriptor, 'collection' | 'judgedAgainst'>;

/** The collections whose pending changes a push of `collection` waits for. */
export function uploadedBefore(
  collection: CollectionName,
  declared: readonly Declared[] = capabilities.all,
): CollectionName[] {
  if (collection === authorsCollection) return [];
  const against = declared.find((descriptor) => descriptor.collection === collection)?.judgedAgainst ?? [];
  return [authorsCollection, ...against];
}

/**
 * What is wrong with the push order the descriptors declare, given in sync order (the registry's):
 * a collection judged against itself, against one not registered or registered later, or a cycle.
 */
export function pushOrderIssues(descriptors: readonly Declared[]): string[] {
  const position = new Map(descriptors.map((descriptor, index) => [descriptor.collection, index]));
  const edges = new Map(
    descriptors.map((descriptor) => [descriptor.collection, descriptor.judgedAgainst ?? []]),
  );
  const issues: string[] = [];
  for (const [collection, against] of edges) {
    for (const other of against) {
      const at = position.get(other);
      if (other === collection) issues.push(`${collection} is judged against itself`);
      else if (at === undefined)
        issues.push(`${collection} is judged against ${other}, which is not registered`);
      else if (at > (position.get(collection) ?? 0))
        issues.push(`${collection} is judged against ${other}, which comes later in the sync order`);
    }
  }
  const cycle = firstCycle(edges);
  if (cycle) issues.push(`the push order has a cycle: ${cycle.join(' → ')}`);
  return issues;
}

/** A cycle of "judged against" between different collections, as the path that closes it. */
function firstCycle(edges: ReadonlyMap<CollectionName, readonly CollectionName[]>): CollectionName[] | null {
  const done = new Set<CollectionName>();
  const visit = (collection: CollectionName, path: CollectionName[]): CollectionName[] | null => {
    const seen = path.indexOf(collection);
    if (seen >= 0) return [...path.slice(seen), collection];
    if (done.has(collection)) return null;
    for (const next of edges.get(collection) ?? []) {
      if (next === collection) continue;
      const found = visit(next, [...path, collection]);
      if (found) return found;
    }
    done.add(collection);
    return null;
  };
  for (const collection of edges.keys()) {
    const found = visit(collection, []);
    if (found) return found;
  }
  return null;
}
