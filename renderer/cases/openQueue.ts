import type { WorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import {
  type CaseDeadlineConfig,
  caseDeadline,
  deadlineFromApplication,
} from '../../shared/cases/deadlines.ts';
import {
  type CaseDocument,
  type CaseKind,
  type CaseStatus,
  caseKinds,
  caseStatuses,
  objectionStates,
  repairStates,
} from '../../shared/cases/model.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import type { CaseCollection } from '../kernel/db/database.ts';
import { documentsInOrder, indexedDocuments, indexedKeys, indexedPage } from '../kernel/db/indexedPages.ts';
import type { CountCaps } from '../kernel/db/listCounts.ts';

/** What the open queue needs to compute deadlines: the workday calendar and the time limits. */
export interface QueueDeadlines {
  calendar: WorkdayCalendar;
  config: CaseDeadlineConfig;
}

/** The index the open queue reads each open state's cases through, earliest application first. */
export const openQueueIndex = ['kind', 'status', 'applicationDate', 'updatedAt'] as const;

/** The open states, in the order the queue breaks its last ties by. */
const openStatuses = caseStatuses.filter(isCaseOpen);

/** A state of a kind of case, and whether a time limit runs in it. */
interface QueueState {
  kind: CaseKind;
  status: CaseStatus;
  timed: boolean;
}

/** The open states of each kind of case. */
export function openStates(config: CaseDeadlineConfig): QueueState[] {
  return caseKinds.flatMap((kind) =>
    (kind === 'repair' ? repairStates : objectionStates)
      .filter(isCaseOpen)
      .map((status) => ({ kind, status, timed: config[kind][status] !== undefined })),
  );
}

/** Every case of these states, through the open queue's index (no other case is read). */
export async function casesInStates(
  collection: CaseCollection,
  states: readonly Pick<QueueState, 'kind' | 'status'>[],
): Promise<CaseDocument[]> {
  const pages = await Promise.all(
    states.map(({ kind, status }) =>
      indexedDocuments(collection, {
        index: openQueueIndex,
        equal: [kind, status],
        limit: Number.MAX_SAFE_INTEGER,
        countUpTo: 0,
      }),
    ),
  );
  return pages.flatMap((page) => page.items);
}

/** A case of the queue as its index entry holds it, with its deadline once known ('' for none). */
interface Entry {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  applicationDate: string;
  updatedAt: string;
  deadline: string;
}

const lastDay = '9999';

/**
 * The queue's order: nearest deadline first (none last), then the latest application, the latest change,
 * the state's place in the workflow and the id.
 */
function byDeadline(a: Entry, b: Entry): number {
  return (
    (a.deadline || lastDay).localeCompare(b.deadline || lastDay) ||
    b.applicationDate.localeCompare(a.applicationDate) ||
    b.updatedAt.localeCompare(a.updatedAt) ||
    openStatuses.indexOf(a.status) - openStatuses.indexOf(b.status) ||
    a.id.localeCompare(b.id)
  );
}

/** One open state's index range, read a batch of entries at a time from the earliest application. */
class StateReader {
  readonly #collection: CaseCollection;
  readonly #kind: CaseKind;
  readonly #status: CaseStatus;
  readonly #batch: number;
  #buffer: Entry[] = [];
  #read = 0;
  #done = false;

  constructor(collection: CaseCollection, state: { kind: CaseKind; status: CaseStatus }, batch: number) {
    this.#collection = collection;
    this.#kind = state.kind;
    this.#status = state.status;
    this.#batch = batch;
  }

  /** The next unread entry, or null at the range's end. */
  async head(): Promise<Entry | null> {
    if (this.#buffer.length === 0 && !this.#done) {
      const keys = await indexedKeys(this.#collection, {
        index: openQueueIndex,
        equal: [this.#kind, this.#status],
        offset: this.#read,
        limit: this.#batch,
      });
      this.#read += keys.length;
      this.#done = keys.length < this.#batch;
      this.#buffer = keys.map(([kind, status, applicationDate, updatedAt, id]) => ({
        id: id as string,
        kind: kind as CaseKind,
        status: status as CaseStatus,
        applicationDate: applicationDate as string,
        updatedAt: updatedAt as string,
        deadline: '',
      }));
    }
    return this.#buffer[0] ?? null;
  }

  /** Takes up to `count` buffered entries. */
  take(count: number): Entry[] {
    return this.#buffer.splice(0, Math.max(1, count));
  }

  /** Every entry left in the range. */
  async rest(): Promise<Entry[]> {
    const rest: Entry[] = [];
    while (await this.head()) rest.push(...this.take(this.#batch));
    return rest;
  }
}

/**
 * One page of the open queue without reading every open case. Within one state the deadline only grows
 * with the application date (the state's clock starts on the application day, or at a later step), so each
 * state's cases are read in application order and merged: an unread case can be due no earlier than its
 * state's next entry allows (deadlineFromApplication), and the page is settled once it holds enough cases
 * due before that. Only the cases whose clock starts at a later step (a repair's acceptance) are read as
 * documents before the page's own; states without a time limit come last and are read only when the page
 * reaches them. No deadline is stored: the calendar is reference data that changes.
 */
export async function openQueuePage(
  collection: CaseCollection,
  deadlines: QueueDeadlines,
  page: { offset: number; limit: number },
  caps: CountCaps,
): Promise<{ total: number; more: boolean; items: CaseDocument[] }> {
  const { calendar, config } = deadlines;
  const need = page.offset + page.limit;
  const states = openStates(config);
  const readers = states
    .filter((state) => state.timed)
    .map((state) => new StateReader(collection, state, need + 1));
  const earliest = (entry: Entry) =>
    deadlineFromApplication(entry.kind, entry.status, entry.applicationDate, calendar, config);
  // Counted while the page is read, state after state, only as far as the cap in all.
  const counting = (async () => {
    let sum = 0;
    let more = false;
    for (const state of states) {
      // Past the cap, a state is read only to see whether it holds any case.
      const left = Math.max(caps.keys - sum, 0);
      const found = await indexedPage(collection, {
        index: openQueueIndex,
        equal: [state.kind, state.status],
        limit: 0,
        countUpTo: left,
      });
      sum += found.total;
      more ||= found.more ?? false;
    }
    return { total: sum, more };
  })();
  const documents = new Map<string, CaseDocument>();
  const taken: Entry[] = [];

  for (;;) {
    const heads = await Promise.all(readers.map(async (reader) => ({ reader, head: await reader.head() })));
    let next: { reader: StateReader; bound: string } | null = null;
    for (const { reader, head } of heads) {
      // A case without an application date has no bound: it is read first.
      const bound = head ? (earliest(head)?.date ?? '') : null;
      if (bound !== null && (next === null || bound < next.bound)) next = { reader, bound };
    }
    if (next === null) break;
    const { reader, bound } = next;
    const due = taken.filter((entry) => entry.deadline !== '' && entry.deadline < bound).length;
    if (due >= need) break;
    const entries = reader.take(need - due);
    const unknown = entries.filter((entry) => earliest(entry)?.exact !== true);
    for (const doc of await documentsInOrder(
      collection,
      unknown.map((entry) => entry.id),
    ))
      documents.set(doc.id, doc);
    for (const entry of entries) {
      const doc = documents.get(entry.id);
      entry.deadline = doc
        ? (caseDeadline(doc, calendar, config)?.date ?? '')
        : (earliest(entry)?.date ?? '');
      taken.push(entry);
    }
  }
  if (taken.filter((entry) => entry.deadline !== '').length < need) {
    const untimed = states
      .filter((state) => !state.timed)
      .map((state) => new StateReader(collection, state, need + 1).rest());
    for (const entries of await Promise.all(untimed)) taken.push(...entries);
  }
  const ids = taken
    .sort(byDeadline)
    .slice(page.offset, need)
    .map((entry) => entry.id);
  const missing = ids.filter((id) => !documents.has(id));
  for (const doc of await documentsInOrder(collection, missing)) documents.set(doc.id, doc);
  const counted = await counting;
  return {
    total: counted.total,
    more: counted.more,
    items: ids.flatMap((id) => documents.get(id) ?? []),
  };
}
