import type { CaseDocument } from '../../shared/cases/model.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import type { CaseCollection } from '../kernel/db/database.ts';
import { indexedDocuments } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import { openQueuePage, type QueueDeadlines } from './openQueue.ts';

/** The cases list's queues: open ones by nearest deadline, closed ones, or all. */
export const caseQueues = ['open', 'closed', 'all'] as const;
export type CaseQueue = (typeof caseQueues)[number];

export interface CasePage {
  total: number;
  /** Matches go on past `total`, which was not counted further. */
  more: boolean;
  items: CaseDocument[];
}

/**
 * One page of a queue. Closed and all: the latest application first (then the latest change), through the
 * [applicationDate, updatedAt] index, counted up to a cap. Open: nearest deadline first (no deadline last),
 * merged from the open states' [kind, status, applicationDate, updatedAt] index ranges (openQueuePage).
 */
export async function casePage(
  collection: CaseCollection,
  deadlines: QueueDeadlines,
  query: { queue: CaseQueue; offset?: number; limit: number },
  caps: CountCaps = defaultCountCaps,
): Promise<CasePage> {
  const offset = query.offset ?? 0;
  if (query.queue === 'open')
    return openQueuePage(collection, deadlines, { offset, limit: query.limit }, caps);
  return indexedDocuments(collection, {
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
}
