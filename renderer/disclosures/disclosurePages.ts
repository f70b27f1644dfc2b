import type { DisclosureDocument, DisclosureKind } from '../../shared/disclosures/model.ts';
import type { DisclosureCollection } from '../kernel/db/database.ts';
import { indexedDocuments } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';

/** One page of the 双公示 list: a kind, a decision period and the reporting state. */
export interface DisclosurePageQuery {
  kind?: DisclosureKind;
  /** Decision dates, inclusive. */
  from?: string;
  to?: string;
  timing?: 'late' | 'onTime';
  reported?: boolean;
  offset?: number;
  limit: number;
}

/** A page of decisions and how many match; `more`: matches go on past `total`, which was not counted further. */
export interface DisclosurePage {
  total: number;
  more: boolean;
  items: DisclosureDocument[];
}

/**
 * One page of the list, the latest decision first (the latest entered first among one day's), through the
 * [decisionDate, createdAt] index or, for one kind, [kind, decisionDate, createdAt], over the period's
 * range: read only as far as the page and the capped count. The reporting filters test the stored
 * documents on the way (`isLate` says whether a decision is late today, from its stored dates).
 */
export async function disclosurePage(
  collection: DisclosureCollection,
  isLate: (decision: Pick<DisclosureDocument, 'decisionDate' | 'reportedAt'>) => boolean,
  query: DisclosurePageQuery,
  caps: CountCaps = defaultCountCaps,
): Promise<DisclosurePage> {
  const { kind, timing, reported } = query;
  const filtered = timing !== undefined || reported !== undefined;
  return indexedDocuments(collection, {
    index: kind ? ['kind', 'decisionDate', 'createdAt'] : ['decisionDate', 'createdAt'],
    ...(kind ? { equal: [kind] } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    descending: true,
    offset: query.offset ?? 0,
    limit: query.limit,
    ...(filtered
      ? {
          filter: (stored) => {
            const decision = stored as unknown as DisclosureDocument;
            return (
              (reported === undefined || (decision.reportedAt !== '') === reported) &&
              (timing === undefined || isLate(decision) === (timing === 'late'))
            );
          },
          countUpTo: caps.matches,
        }
      : { countUpTo: caps.keys }),
  });
}
