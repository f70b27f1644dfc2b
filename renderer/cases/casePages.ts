import type { CaseDocument } from '../../shared/cases/model.ts';
import { caseStatuses } from '../../shared/cases/model.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import type { CaseCollection } from '../kernel/db/database.ts';
import { documentsInOrder, indexedPage } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';

/** The cases list's queues: open ones by nearest deadline, closed ones, or all. */
export const caseQueues = ['open', 'closed', 'all'] as const;
export type CaseQueue = (typeof caseQueues)[number];

export interface CasePage {
  total: number;
  /** Matches go on past `total`, which was not counted further. */
  more: boolean;
  items: CaseDocument[];
}

const openStatuses = caseStatuses.filter(isCaseOpen);

/**
 * One page of a queue. Closed and all: the latest application first (then the latest change), through the
 * [applicationDate, updatedAt] index, counted up to a cap. Open: the open cases of each open status through
 * the [status, applicationDate] index, nearest deadline first (no deadline last); a case stays open only
 * for its working-day deadlines, so the queue is short and is read whole, never the closed cases.
 */
export async function casePage(
  collection: CaseCollection,
  deadlineOf: (doc: CaseDocument) => string,
  query: { queue: CaseQueue; offset?: number; limit: number },
  caps: CountCaps = defaultCountCaps,
): Promise<CasePage> {
  const offset = query.offset ?? 0;
  if (query.queue === 'open') {
    const found = await Promise.all(
      openStatuses.map((status) =>
        indexedPage(collection, {
          index: ['status', 'applicationDate'],
          equal: [status],
          limit: Number.MAX_SAFE_INTEGER,
        }),
      ),
    );
    const open = await documentsInOrder(
      collection,
      found.flatMap((scan) => scan.ids),
    );
    const sorted = open
      .map((doc) => ({ doc, deadline: deadlineOf(doc) || '9999' }))
      .sort(
        (a, b) =>
          a.deadline.localeCompare(b.deadline) ||
          b.doc.applicationDate.localeCompare(a.doc.applicationDate) ||
          b.doc.updatedAt.localeCompare(a.doc.updatedAt),
      )
      .map((entry) => entry.doc);
    return { total: sorted.length, more: false, items: sorted.slice(offset, offset + query.limit) };
  }
  const found = await indexedPage(collection, {
    index: ['applicationDate', 'updatedAt'],
    descending: true,
    offset,
    limit: query.limit,
    ...(query.queue === 'closed'
      ? {
          filter: (stored) => !isCaseOpen((stored as unknown as CaseDocument).status),
          countUpTo: caps.matches,
        }
      : { countUpTo: caps.keys }),
  });
  return {
    total: found.total,
    more: found.more ?? false,
    items: await documentsInOrder(collection, found.ids),
  };
}
