/**
 * The red and black lists page reads a page at a time: the same entries, in the same order, as reading
 * every listing and filtering in memory; exact counts; the province's evaluations never shown; the export
 * reads every entry the filter selects, beyond the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ListingPages } from '../../renderer/lists/listPages.ts';
import {
  type ListingDocument,
  type ListingKind,
  type ListingStatus,
  listingFilters,
  listingPassesFilter,
} from '../../shared/lists/listing.ts';
import { proposedBlackListing } from '../../shared/lists/testFixtures.ts';
import { openProfile, type Profile } from './creditHarness.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

const entries: [ListingKind, ListingStatus][] = [
  ['blackList', 'proposed'],
  ['provincial', 'listed'],
  ['redList', 'listed'],
  ['grade', 'listed'],
  ['blackList', 'listed'],
  ['provincial', 'listed'],
  ['redList', 'proposed'],
  ['blackList', 'exited'],
  ['grade', 'draft'],
  ['redList', 'rejected'],
  ['blackList', 'proposed'],
  ['provincial', 'listed'],
];

/** Listings as a sync pull stores them, changed an hour apart (read here, never written through the app). */
function storedListings(): ListingDocument[] {
  return entries.map(([kind, status], index) =>
    proposedBlackListing({
      id: `01930000-0000-7000-8000-0000000001${String(index).padStart(2, '0')}`,
      updatedAt: `2026-03-0${1 + (index % 3)}T${String(index).padStart(2, '0')}:00:00.000Z`,
      kind,
      status,
    }),
  );
}

describe('the lists page', () => {
  it('pages each filter latest change first with exact counts, and exports every entry it selects', async () => {
    profile = await openProfile('2026-03-10T02:00:00.000Z');
    const all = storedListings();
    await profile.db.listings.bulkInsert(all);
    const pages = new ListingPages(profile.db.listings);
    const latestFirst = [...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    for (const filter of listingFilters) {
      const ids = latestFirst.filter((doc) => listingPassesFilter(doc, filter)).map((doc) => doc.id);
      const first = await pages.page({ filter, limit: 3 });
      expect({ total: first.total, ids: first.items.map((doc) => doc.id) }, filter).toEqual({
        total: ids.length,
        ids: ids.slice(0, 3),
      });
      const second = await pages.page({ filter, offset: 3, limit: 3 });
      expect(
        second.items.map((doc) => doc.id),
        filter,
      ).toEqual(ids.slice(3, 6));
      expect(
        (await pages.all(filter)).map((doc) => doc.id),
        filter,
      ).toEqual(ids);
    }
    expect((await pages.page({ filter: 'all', limit: 50 })).total).toBe(9);
    expect(await pages.count('proposed')).toBe(3);
    expect(await pages.count('listed')).toBe(3);
    expect((await pages.page({ filter: 'listed', offset: 3, limit: 3 })).items).toEqual([]);
  });
});
