import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { WorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import { followUpQueue, followUpState } from '../../shared/commitments/followUp.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { type CommitmentStatus, type CommitmentType, openStatuses } from '../../shared/commitments/types.ts';
import type { CommitmentCollection } from '../kernel/db/database.ts';
import { documentsInOrder, type IndexScan, indexedPage } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import {
  type CommitmentWordIndex,
  commitmentWordIndex,
  commitmentWordQuery,
  personsNamed,
} from './commitmentWords.ts';

export interface CommitmentQuery {
  subjectId?: string;
  type?: CommitmentType;
  status?: CommitmentStatus;
  /** Open commitments only (accepted or with a breach awaiting confirmation). */
  open?: boolean;
  /** Due soon or overdue on the follow-up queue. */
  followUp?: 'dueSoon' | 'overdue';
  /** Only these ids (the list behind a dashboard figure). */
  ids?: readonly string[];
  text?: string;
}

/** Most recently changed first, or by the party's name. */
export type CommitmentOrder = 'recent' | 'name';

/**
 * One page of the list: the filters, and decided letters only (an outcome recorded and not awaiting
 * confirmation). The follow-up filters list the earliest deadline first, whatever the order.
 */
export interface CommitmentPageQuery extends Omit<CommitmentQuery, 'ids'> {
  decided?: boolean;
  order?: CommitmentOrder;
  offset?: number;
  limit: number;
}

/** A page of letters and how many match; `more`: matches go on past `total`, which was not counted further. */
export interface CommitmentPage {
  total: number;
  more: boolean;
  items: CommitmentDocument[];
}

/** The last day a letter's deadline may fall on to be due soon: two working days never span a month. */
const dueSoonReach = 31 * 86_400_000;

type Test = (c: CommitmentDocument) => boolean;

export interface CommitmentListOptions {
  today: () => string;
  calendar: () => WorkdayCalendar;
  counted?: CountCaps;
}

/**
 * The reads of the commitments list: pages through the collection's indexes (the page's documents
 * alone come through RxDB, decrypted), words through the commitments' word index (persons through the
 * subjects' index), and the whole-list reads the acceptance check and the reminder use.
 */
export class CommitmentLists {
  /** Words of letter numbers and enterprise names; built after the first screen (renderer/app/bootstrap.ts). */
  readonly words: CommitmentWordIndex;
  readonly #collection: CommitmentCollection;
  readonly #subjects: SubjectRepository;
  readonly #today: () => string;
  readonly #calendar: () => WorkdayCalendar;
  readonly #counted: CountCaps;

  constructor(
    collection: CommitmentCollection,
    local: LocalStore,
    subjects: SubjectRepository,
    options: CommitmentListOptions,
  ) {
    this.words = commitmentWordIndex(collection, local);
    this.#collection = collection;
    this.#subjects = subjects;
    this.#today = options.today;
    this.#calendar = options.calendar;
    this.#counted = options.counted ?? defaultCountCaps;
  }

  get changes$(): Observable<void> {
    return this.#collection.$.pipe(map(() => undefined));
  }

  watch(id: string): Observable<CommitmentDocument | null> {
    return this.#collection.findOne(id).$.pipe(map((doc) => (doc ? plain(doc) : null)));
  }

  async get(id: string): Promise<CommitmentDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? plain(doc) : null;
  }

  async all(): Promise<CommitmentDocument[]> {
    const docs = await this.#collection.find({ sort: [{ updatedAt: 'desc' }] }).exec();
    return docs.map(plain);
  }

  async list(query: CommitmentQuery = {}): Promise<CommitmentDocument[]> {
    const selector: MangoQuerySelector<CommitmentDocument> = {};
    if (query.subjectId) selector.subjectId = query.subjectId;
    if (query.type) selector.type = query.type;
    if (query.status) selector.status = query.status;
    if (query.open) selector.status = { $in: [...openStatuses] };
    const found = (await this.#collection.find({ selector, sort: [{ updatedAt: 'desc' }] }).exec()).map(
      plain,
    );
    const ids = query.ids ? new Set(query.ids) : null;
    const text = query.text?.trim().toLowerCase() ?? '';
    const due = query.followUp
      ? new Set(
          followUpQueue(found, this.#today(), this.#calendar())
            .entries.filter((entry) => entry.state === query.followUp)
            .map((entry) => entry.commitment.id),
        )
      : null;
    return found.filter(
      (c) =>
        (!ids || ids.has(c.id)) &&
        (!due || due.has(c.id)) &&
        (!text || c.number.includes(text) || c.subjectName.toLowerCase().includes(text)),
    );
  }

  /**
   * One page of the letters and how many match, counted up to a cap (`listCounts.ts`). Status and type are
   * answered by an index of their own, name order by the name index; any other filter reads the stored
   * documents of the index in order (numbers, names, statuses and deadlines are stored in the clear) and
   * counts up to its own cap. Words are answered by the word index once it is ready, counted in full.
   */
  async page(query: CommitmentPageQuery): Promise<CommitmentPage> {
    if (query.followUp) return this.followUpPage({ ...query, followUp: query.followUp });
    const byWords = query.text?.trim() ? await this.wordPage({ ...query, text: query.text }) : null;
    if (byWords) return byWords;
    const byName = query.order === 'name';
    const scan: IndexScan = byName
      ? { index: ['subjectName'] }
      : query.status
        ? { index: ['status', 'updatedAt'], equal: [query.status], descending: true }
        : query.type
          ? { index: ['type', 'updatedAt'], equal: [query.type], descending: true }
          : { index: ['updatedAt'], descending: true };
    const tests = this.testsOf(query, byName ? [] : query.status ? ['status'] : query.type ? ['type'] : []);
    const found = await indexedPage(this.#collection, {
      ...scan,
      offset: query.offset ?? 0,
      limit: query.limit,
      ...(tests.length > 0
        ? { filter: every(tests), countUpTo: this.#counted.matches }
        : { countUpTo: this.#counted.keys }),
    });
    return {
      total: found.total,
      more: found.more ?? false,
      items: await documentsInOrder(this.#collection, found.ids),
    };
  }

  /** A page of the letters the words match, through the word index; null while it cannot answer. */
  private async wordPage(query: CommitmentPageQuery & { text: string }): Promise<CommitmentPage | null> {
    const persons = this.words.ready ? personsNamed(this.#subjects, query.text) : null;
    if (!persons) return null;
    const words = commitmentWordQuery(query.text, persons, query);
    const offset = query.offset ?? 0;
    if (query.order !== 'name') {
      const found = this.words.search(words, { offset, limit: query.limit });
      if (!found) return null;
      return { total: found.total, more: false, items: await documentsInOrder(this.#collection, found.ids) };
    }
    const entries = this.words.matchingEntries(words);
    if (!entries) return null;
    const pageIds = (await this.#inNameOrder(entries)).slice(offset, offset + query.limit);
    return { total: entries.length, more: false, items: await documentsInOrder(this.#collection, pageIds) };
  }

  /**
   * The ids of the matched letters in name order, as the name index orders them: enterprises' names as the
   * word index keeps them, persons' (which it never keeps) read from their letters.
   */
  async #inNameOrder(entries: readonly { id: string; name: string }[]): Promise<string[]> {
    const unnamed = entries.filter((entry) => entry.name === '').map((entry) => entry.id);
    const stored =
      unnamed.length === 0 ? [] : await this.#collection.storageInstance.findDocumentsById(unnamed, false);
    const names = new Map(stored.map((letter) => [letter.id, letter.subjectName]));
    return entries
      .map((entry) => ({ id: entry.id, name: entry.name || (names.get(entry.id) ?? '') }))
      .sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.id, b.id))
      .map((entry) => entry.id);
  }

  /**
   * Due soon or overdue: the open letters of each open status whose deadline falls in reach, through
   * the status and deadline index, earliest deadline first.
   */
  private async followUpPage(
    query: CommitmentPageQuery & Required<Pick<CommitmentPageQuery, 'followUp'>>,
  ): Promise<CommitmentPage> {
    const today = this.#today();
    const range =
      query.followUp === 'overdue'
        ? { to: today }
        : { from: today, to: new Date(Date.parse(today) + dueSoonReach).toISOString().slice(0, 10) };
    const statuses = query.status ? openStatuses.filter((s) => s === query.status) : openStatuses;
    const end = (query.offset ?? 0) + query.limit;
    const filter = every(this.testsOf(query, ['status']));
    const scans = await Promise.all(
      statuses.map(async (status) => {
        const found = await indexedPage(this.#collection, {
          index: ['status', 'materialsDeadline'],
          equal: [status],
          ...range,
          // A letter without a deadline is never due: '' sorts before every date.
          ...(range.from === undefined ? { from: '0' } : {}),
          limit: end,
          filter,
          countUpTo: this.#counted.matches,
        });
        return { ...found, items: await documentsInOrder(this.#collection, found.ids) };
      }),
    );
    const merged = scans
      .flatMap((scan) => scan.items)
      .sort((a, b) => a.materialsDeadline.localeCompare(b.materialsDeadline) || a.id.localeCompare(b.id));
    return {
      total: scans.reduce((sum, scan) => sum + scan.total, 0),
      more: scans.some((scan) => scan.more),
      items: merged.slice(query.offset ?? 0, end),
    };
  }

  /** The tests of the query's filters, but those the index already answers. */
  private testsOf(query: CommitmentPageQuery, answered: readonly ('status' | 'type')[]): Test[] {
    const today = this.#today();
    const calendar = this.#calendar();
    const text = query.text?.trim().toLowerCase() ?? '';
    const tests: (Test | false)[] = [
      !!query.subjectId && ((c) => c.subjectId === query.subjectId),
      !!query.type && !answered.includes('type') && ((c) => c.type === query.type),
      !!query.status && !answered.includes('status') && ((c) => c.status === query.status),
      !!query.open && ((c) => openStatuses.includes(c.status)),
      !!text && ((c) => c.number.includes(text) || c.subjectName.toLowerCase().includes(text)),
      !!query.followUp && ((c) => followUpState(c, today, calendar).state === query.followUp),
      !!query.decided && ((c) => c.outcome.result !== '' && c.status !== 'breachProposed'),
    ];
    return tests.filter((test): test is Test => test !== false);
  }

  /** Open commitments per subject, for the subject list's badge. */
  async openCountsBySubject(): Promise<Map<string, number>> {
    const open = await this.#collection.find({ selector: { status: { $in: [...openStatuses] } } }).exec();
    const counts = new Map<string, number>();
    for (const doc of open) counts.set(doc.subjectId, (counts.get(doc.subjectId) ?? 0) + 1);
    return counts;
  }
}

/** As IndexedDB orders strings: by UTF-16 code units. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function every(tests: readonly Test[]): (stored: Record<string, unknown>) => boolean {
  return (stored) => tests.every((test) => test(stored as unknown as CommitmentDocument));
}

export function plain(doc: { toJSON(): unknown }): CommitmentDocument {
  return doc.toJSON() as CommitmentDocument;
}
