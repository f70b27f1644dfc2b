/**
 * Which catalog credit records are judged against, from the catalog item documents held — the same rule
 * on the device (its reference collection) and on the platform (what a device holds once it pulled
 * everything). Every device first holds the default catalog as documents whose ids derive from their
 * codes (`defaultCatalogDocuments`); the city's document of the same id replaces one, and its deletion
 * removes it. Held documents are the live ones only: a device no longer holds a deleted document.
 *
 * So a deleted item is gone: a record filed under its code is refused alike on both sides (unknown item)
 * until the city publishes the code again. To retire a code and keep its records valid, the city
 * publishes it with `validUntil` instead (server/OPERATIONS.md).
 */
import type { ValidationContextProvider } from '../kit/capability.ts';
import { type CatalogItem, type CatalogItemDocument, catalogItemId } from './catalog.ts';
import { defaultCatalog } from './defaultCatalog.ts';

type HeldItem = CatalogItem & Partial<Pick<CatalogItemDocument, 'id' | 'updatedAt' | 'createdBy'>>;

/** A default item as seeded: not yet stamped (the platform's view) or written by the system (a device's). */
const isSeeded = (item: HeldItem) => item.createdBy === undefined || item.createdBy === 'system';

/**
 * Whether `a` stands over `b` for their code: the city's item over a seeded default (whenever each was
 * written), else the later update, then the greater id.
 */
function later(a: HeldItem, b: HeldItem): boolean {
  if (isSeeded(a) !== isSeeded(b)) return isSeeded(b);
  const [atA, atB] = [a.updatedAt ?? '', b.updatedAt ?? ''];
  return atA !== atB ? atA > atB : (a.id ?? '') > (b.id ?? '');
}

/** The standing document of each code among those held (`later`), in code order. */
export function standingItems<T extends HeldItem>(held: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const item of held) {
    const seen = latest.get(item.code);
    if (!seen || later(item, seen)) latest.set(item.code, item);
  }
  return [...latest.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The catalog in force from the live catalog item documents held; the default catalog while none is. */
export function catalogInForce(held: readonly HeldItem[]): readonly CatalogItem[] {
  return held.length === 0 ? defaultCatalog : standingItems(held);
}

let seeded: Promise<readonly (CatalogItem & { kind: 'catalogItem'; id: string })[]> | null = null;

/** The default catalog as the documents a new profile holds (before stamps), each under its code's id. */
export function defaultCatalogDocuments(): Promise<
  readonly (CatalogItem & { kind: 'catalogItem'; id: string })[]
> {
  seeded ??= Promise.all(
    defaultCatalog.map(async (item) => ({
      ...structuredClone(item),
      kind: 'catalogItem' as const,
      id: await catalogItemId(item.code),
    })),
  );
  return seeded;
}

/** What validators of records filed under the catalog read: the catalog in force. */
export const catalogValidationContext: ValidationContextProvider = {
  referenceKinds: ['catalogItem'],
  derive: (items) => ({ catalog: catalogInForce(items as unknown as HeldItem[]) }),
  seeded: async () => (await defaultCatalogDocuments()) as unknown as Record<string, unknown>[],
};
