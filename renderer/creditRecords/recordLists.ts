import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import {
  type CreditRecordDocument,
  type CreditRecordStatus,
  creditRecordStatuses,
  inForceStatus,
} from '../../shared/creditRecords/model.ts';
import type { CreditRecordCollection } from '../kernel/db/database.ts';
import { documentsInOrder, type IndexScan, indexedPage } from '../kernel/db/indexedPages.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { countByIndex, countWhereByIndex, RecordTally } from '../kernel/db/recordTally.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import { RecordTextIndex, recordWordQuery } from './textIndex.ts';

export interface CreditRecordQuery {
  subjectId?: string;
  category?: string;
  status?: CreditRecordStatus;
  /** Words in the title or document number; records of `textSubjects` (subjects the words name) match too. */
  text?: string;
  textSubjects?: readonly string[];
  offset?: number;
  limit?: number;
}

export interface CreditRecordPage {
  total: number;
  items: CreditRecordDocument[];
}

export interface CreditRecordCounts {
  /** Records per category code, whatever their status. */
  byCategory: Record<string, number>;
  drafts: number;
  /** Submitted and waiting for a reviewer. */
  awaitingReview: number;
}

/**
 * The credit-record lists and their totals: pages read through the database's indexes (or the word
 * index), and totals per category and status kept as records change. The repository's reading side.
 */
export class CreditRecordLists {
  readonly #collection: CreditRecordCollection;
  readonly #reference: ReferenceRepository;
  /** Records per category and status, kept as they change; loaded by `openCreditRepositories`. */
  readonly tally: RecordTally;
  /** Approved records (those in force) per category and decision date, for the dashboard figures. */
  readonly inForce: RecordTally;
  /** Words of titles and document numbers; built after the first screen by `openCreditRepositories`. */
  readonly words: RecordTextIndex;

  constructor(collection: CreditRecordCollection, local: LocalStore, reference: ReferenceRepository) {
    this.#collection = collection;
    this.#reference = reference;
    this.words = new RecordTextIndex(collection, local);
    this.tally = new RecordTally(collection, local, {
      key: 'creditRecordTally',
      pairOf: (stored) => [String(stored.category), String(stored.status)],
      countAll: countByIndex(['category', 'status', 'updatedAt'], () => [
        [
          ...new Set([
            ...defaultCreditCategories.map((c) => c.code),
            ...reference.catalog().map((item) => item.category),
          ]),
        ],
        creditRecordStatuses,
      ]),
    });
    this.inForce = new RecordTally(collection, local, {
      key: 'creditRecordsInForce',
      pairOf: (stored) =>
        stored.status === inForceStatus ? [String(stored.category), String(stored.decisionDate)] : null,
      countAll: countWhereByIndex({ index: ['status', 'updatedAt'], value: inForceStatus }, [
        'category',
        'decisionDate',
      ]),
    });
  }

  /** Restores or counts the kept totals (lists count through the indexes until they are ready). */
  loadCounts(): Promise<void> {
    return Promise.all([this.tally.load(), this.inForce.load()]).then(() => undefined);
  }

  /** One page of the records the query selects, last changed first, read through an index. */
  async list(query: CreditRecordQuery): Promise<CreditRecordPage> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const matched = query.text?.trim()
      ? this.words.search(recordWordQuery({ ...query, text: query.text }), { offset, limit })
      : null;
    if (matched)
      return { total: matched.total, items: await documentsInOrder(this.#collection, matched.ids) };
    const scan = creditRecordScan(query);
    // Totals by category and status are kept (see kernel/db/recordTally.ts); a subject's or words' are counted.
    const counted = Boolean(query.subjectId || query.text?.trim());
    if (!counted) await this.tally.load();
    const knownTotal = counted ? null : this.tally.count(query.category, query.status);
    const page = { ...scan, offset, limit, knownTotal };
    const { total, ids } = await indexedPage(this.#collection, page);
    return { total, items: await documentsInOrder(this.#collection, ids) };
  }

  async counts(): Promise<CreditRecordCounts> {
    const categories = [...new Set(this.#reference.catalog().map((item) => item.category))];
    // Kept totals once loaded; counted through the database before.
    const count = async (category?: string, status?: CreditRecordStatus) =>
      this.tally.count(category, status) ??
      (await this.#collection
        .count({ selector: { ...(category ? { category } : {}), ...(status ? { status } : {}) } })
        .exec());
    const byCategory: Record<string, number> = {};
    for (const category of categories) byCategory[category] = await count(category);
    const drafts = await count(undefined, 'draft');
    const awaitingReview = await count(undefined, 'submitted');
    return { byCategory, drafts, awaitingReview };
  }
}

/**
 * The index a list query walks (the schema declares one per filter, each ending in `updatedAt`) and
 * what it leaves to a filter: the other fields, and the words, which no index can match inside a text.
 */
function creditRecordScan(query: CreditRecordQuery): IndexScan {
  const text = query.text?.trim().toLowerCase() ?? '';
  const subjects = new Set(query.textSubjects ?? []);
  const { subjectId, category, status } = query;
  const [index, equal]: [string[], string[]] = subjectId
    ? [['subjectId', 'updatedAt'], [subjectId]]
    : category && status
      ? [
          ['category', 'status', 'updatedAt'],
          [category, status],
        ]
      : category
        ? [['category', 'updatedAt'], [category]]
        : status
          ? [['status', 'updatedAt'], [status]]
          : [['updatedAt'], []];
  const filtered = Boolean(text) || (subjectId !== undefined && Boolean(category || status));
  const matches = (stored: Record<string, unknown>): boolean => {
    const doc = stored as unknown as CreditRecordDocument;
    return (
      (!category || doc.category === category) &&
      (!status || doc.status === status) &&
      (!text ||
        doc.title.toLowerCase().includes(text) ||
        doc.documentNumber.toLowerCase().includes(text) ||
        subjects.has(doc.subjectId))
    );
  };
  return { index, equal, descending: true, ...(filtered ? { filter: matches } : {}) };
}
