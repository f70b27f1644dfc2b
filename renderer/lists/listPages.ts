/**
 * The red and black lists page a page at a time: the latest change first through the `updatedAt` index,
 * reading documents only until the page is full; counted exactly through the [kind, status] index
 * without reading documents. The export reads every matching entry when it is asked for.
 */
import {
  type ListingDocument,
  type ListingFilter,
  listingPassesFilter,
  pagedListingKinds,
} from '../../shared/lists/listing.ts';
import type { ListingCollection } from '../kernel/db/database.ts';
import { documentsInOrder, indexedPage } from '../kernel/db/indexedPages.ts';

export class ListingPages {
  readonly #collection: ListingCollection;

  constructor(collection: ListingCollection) {
    this.#collection = collection;
  }

  /** One page of the entries the filter selects, latest change first, and how many it selects. */
  async page(query: {
    filter: ListingFilter;
    offset?: number;
    limit: number;
  }): Promise<{ total: number; items: ListingDocument[] }> {
    const { filter } = query;
    const [total, found] = await Promise.all([
      this.count(filter),
      indexedPage(this.#collection, {
        index: ['updatedAt'],
        descending: true,
        offset: query.offset ?? 0,
        limit: query.limit,
        filter: (stored) => listingPassesFilter(stored as unknown as ListingDocument, filter),
        // Read only as far as the page goes.
        countUpTo: 0,
      }),
    ]);
    return { total, items: await documentsInOrder(this.#collection, found.ids) };
  }

  /** How many entries the filter selects, counted through the [kind, status] index. */
  async count(filter: ListingFilter): Promise<number> {
    const status = filter === 'all' ? [] : [filter];
    const counts = await Promise.all(
      pagedListingKinds.map((kind) =>
        indexedPage(this.#collection, { index: ['kind', 'status'], equal: [kind, ...status], limit: 0 }),
      ),
    );
    return counts.reduce((sum, counted) => sum + counted.total, 0);
  }

  /** Every entry the filter selects, latest change first (for an export). */
  async all(filter: ListingFilter): Promise<ListingDocument[]> {
    const docs = await this.#collection
      .find({
        selector: {
          kind: { $in: [...pagedListingKinds] },
          ...(filter === 'all' ? {} : { status: filter }),
        },
        sort: [{ updatedAt: 'desc' }],
      })
      .exec();
    return docs.map((doc) => doc.toJSON() as ListingDocument);
  }
}
