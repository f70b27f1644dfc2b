import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { Observable } from 'rxjs';
import { from, map, merge } from 'rxjs';
import type { SubjectDocument, SubjectInput } from '../../shared/subjects/model.ts';
import { normalizeSubjectInput, validateSubjectInput } from '../../shared/subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CreditDeskDatabase, SubjectCollection } from '../kernel/db/database.ts';
import type { HistoryEntry, LocalStore } from '../kernel/db/localStore.ts';
import { type BulkCreateResult as WrittenInBulk, Writer } from '../kernel/db/writer.ts';
import { authorize } from '../kernel/security/permissions.ts';
import type { RepositoryContext } from '../kernel/security/repositoryContext.ts';
import { documentsInOrder, type IndexScan, indexedPage } from '../kernel/db/indexedPages.ts';
import { type SubjectQuery, SubjectIndex, summarize } from './subjectIndex.ts';
import { SubjectIndexKeeper } from './subjectIndexKeeper.ts';
import { countByReading, RecordTally } from '../kernel/db/recordTally.ts';

export type BulkCreateResult = WrittenInBulk<SubjectDocument>;

/** How long a newly opened repository waits for a first list before loading the index anyway. */
const indexStartDelayMs = 1000;
/**
 * Matches a search counts while the search index loads: a beginning most subjects share (the county's
 * name, a division code) would otherwise be counted through its whole index range before a page shows.
 */
const countedBeforeIndex = 1000;

export interface SubjectRepositoryOptions {
  /** How long after changes stop the search index is stored for the next session (default 10 s). */
  storeDelayMs?: number;
  /** The writer its writes go through (by default one over the collection's database and the local store). */
  writer?: Writer;
  /** Matches a list counts while the search index loads (default 1000); past it the page says "more". */
  countUpTo?: number;
}

export interface SubjectPage {
  total: number;
  items: SubjectDocument[];
  /** More than `total` match: counting stopped there while the search index loads. */
  more?: boolean;
}

/** A past version of a subject, as its edit history keeps it. */
export type SubjectVersion = HistoryEntry;

/**
 * The only way UI code reads and writes subjects. Writes go through the writer (permission, stamps, the
 * platform's validation, history, journal, audit); personal fields are encrypted at rest below RxDB, so the index and queries by code work from
 * memory (the database cannot match encrypted codes). The index loads in the background; until it has,
 * lists page through the database's indexes and search matches the beginning of names and enterprise codes.
 */
export class SubjectRepository {
  readonly index = new SubjectIndex();
  private readonly collection: SubjectCollection;
  private readonly local: LocalStore;
  private readonly context: RepositoryContext;
  private readonly keeper: SubjectIndexKeeper;
  private readonly writer: Writer;
  private readonly countUpTo: number;
  /**
   * Subjects per kind and status, kept as they change: a first list page read from the database need not
   * count, and the dashboard figures read them at start-up.
   */
  readonly counts: RecordTally;

  private constructor(
    collection: SubjectCollection,
    local: LocalStore,
    context: RepositoryContext,
    { writer, countUpTo, ...options }: SubjectRepositoryOptions,
  ) {
    this.countUpTo = countUpTo ?? countedBeforeIndex;
    this.collection = collection;
    this.local = local;
    this.context = context;
    this.writer = writer ?? new Writer(collection.database as unknown as CreditDeskDatabase, local, context);
    this.keeper = new SubjectIndexKeeper({
      index: this.index,
      collection,
      local,
      cipher: context.personalData,
      ...options,
    });
    // The first list page is read before the index loads (see `list`), or after a second without one.
    setTimeout(() => this.keeper.start(), indexStartDelayMs);
    const pairOf = (stored: Record<string, unknown>) => [String(stored.kind), String(stored.status)] as const;
    this.counts = new RecordTally(collection, local, {
      key: 'subjectTally',
      pairOf,
      countAll: countByReading(pairOf),
    });
    void this.counts.load();
  }

  /** Starts loading the search index, which then keeps in step with every change (local, synced, another tab). */
  static async open(
    collection: SubjectCollection,
    local: LocalStore,
    context: RepositoryContext,
    options: SubjectRepositoryOptions = {},
  ): Promise<SubjectRepository> {
    return new SubjectRepository(collection, local, context, options);
  }

  /** Settles once the search index holds every subject. */
  get indexed(): Promise<void> {
    return this.keeper.ready;
  }

  /** Whether the search index holds every subject (without starting to load it). */
  get indexLoaded(): boolean {
    return this.keeper.loaded;
  }

  /** Emits whenever any subject changes, and once the search index is loaded, for lists to refresh. */
  get changes$(): Observable<void> {
    return merge(this.collection.$, from(this.keeper.settled)).pipe(map(() => undefined));
  }

  /** Emits the subject now and after every change; null once it is gone. */
  watch(id: string): Observable<SubjectDocument | null> {
    return this.collection.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as SubjectDocument) : null)));
  }

  async get(id: string): Promise<SubjectDocument | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? (doc.toJSON() as SubjectDocument) : null;
  }

  /** The subject holding this normalized code (ID numbers are encrypted at rest: found through the index). */
  async findByCode(code: string): Promise<SubjectDocument | null> {
    const id = await this.idOfCode(code);
    return id === null ? null : this.get(id);
  }

  /** The id of the subject holding this normalized code, once the index holds every subject. */
  async idOfCode(code: string): Promise<string | null> {
    await this.indexed;
    return this.index.findByCode(code)?.id ?? null;
  }

  async list(query: SubjectQuery): Promise<SubjectPage> {
    // The database's indexes cannot filter by a set of ids: such a query waits for the search index.
    if (query.ids) await this.keeper.ready;
    if (!this.keeper.loaded) {
      const page = await this.listFromDatabase(query);
      this.keeper.start();
      return page;
    }
    const { total, ids } = this.index.query(query);
    return { total, items: await documentsInOrder(this.collection, ids) };
  }

  /** A page through the database's indexes, while the search index is still loading. */
  private async listFromDatabase(query: SubjectQuery): Promise<SubjectPage> {
    const scan = subjectScan(query);
    // Kept totals answer a list of all subjects or of one kind; text and other filters are counted, up to a cap.
    await this.counts.load();
    const knownTotal = scan.filter || query.text?.trim() ? null : this.counts.count(query.kind);
    const page = {
      ...scan,
      offset: query.offset ?? 0,
      limit: query.limit ?? 50,
      knownTotal,
      countUpTo: this.countUpTo,
    };
    const { total, ids, more } = await indexedPage(this.collection, page);
    const items = await documentsInOrder(this.collection, ids);
    return more ? { total, items, more } : { total, items };
  }

  async create(input: SubjectInput): Promise<Validated<SubjectDocument>> {
    await this.indexed;
    const written = await this.writer.write({
      permission: 'subject.create',
      changes: [{ kind: 'new', collection: 'subjects', content: { ...normalizeSubjectInput(input) } }],
      refuse: (doc) => this.duplicateOf(doc as SubjectDocument),
    });
    if (!written.ok) return written;
    const document = written.value[0] as SubjectDocument;
    this.index.put(summarize(document));
    return { ok: true, value: document };
  }

  /**
   * A new subject, checked (permission, rules, no duplicate code) and stamped, for the caller to write
   * together with the document that registers it (one writer run). Nothing is written here.
   */
  async prepareNew(input: SubjectInput): Promise<Validated<SubjectDocument>> {
    await this.indexed;
    const authorized = authorize(this.context.session(), 'subject.create');
    if (!authorized.ok) return authorized;
    const checked = validateSubjectInput(input, chinaDateOf(this.context.clock()));
    if (!checked.ok) return checked;
    const { userId, county } = authorized.session;
    const now = this.context.clock().toISOString();
    const document: SubjectDocument = {
      ...checked.value,
      id: uuidv7(this.context.clock().getTime()),
      county,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
      updatedBy: userId,
    };
    const duplicate = this.duplicateOf(document);
    return duplicate ? { ok: false, issues: duplicate } : { ok: true, value: document };
  }

  /**
   * Creates many subjects in few database writes (imports, demo data). Each input is validated and
   * checked for duplicates against the index of all subjects and the earlier inputs; refused ones are
   * reported. Written through the writer's bulk creation (renderer/kernel/db/writer.ts), which audits each chunk
   * as bulk creations; a failed write stops the work and is thrown once what it did save is audited.
   */
  async createMany(inputs: SubjectInput[]): Promise<BulkCreateResult> {
    await this.indexed;
    const seen = new Map<string, { id: string; name: string }>();
    const result = await this.writer.bulkCreate<SubjectDocument>({
      permission: 'subject.create',
      collection: 'subjects',
      contents: inputs.map((input) => ({ ...normalizeSubjectInput(input) })),
      refuse: (doc) => {
        const subject = doc as SubjectDocument;
        const duplicate = seen.get(subject.code) ?? this.index.findByCode(subject.code);
        if (duplicate) return [issue('code', 'duplicate', { id: duplicate.id, name: duplicate.name })];
        seen.set(subject.code, { id: subject.id, name: subject.name });
        return null;
      },
    });
    this.index.load(result.created.map(summarize));
    return result;
  }

  async update(id: string, input: SubjectInput): Promise<Validated<SubjectDocument>> {
    await this.indexed;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const written = await this.writer.write({
      permission: 'subject.update',
      changes: [
        {
          kind: 'next',
          collection: 'subjects',
          before: current,
          content: { ...normalizeSubjectInput(input) },
        },
      ],
      refuse: (doc) => this.duplicateOf(doc as SubjectDocument),
    });
    if (!written.ok) return written;
    const next = written.value[0] as SubjectDocument;
    this.index.put(summarize(next));
    return { ok: true, value: next };
  }

  /** Earlier versions, newest first. */
  async history(id: string): Promise<SubjectVersion[]> {
    const entries = await this.local.historyOf('subjects', id);
    return Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        snapshot: await this.context.personalData.open('subjects', entry.snapshot),
      })),
    );
  }

  /** Refuses a code another subject already has, naming that subject. */
  private duplicateOf(subject: SubjectDocument): ValidationIssue[] | null {
    const existing = this.index.findByCode(subject.code);
    if (!existing || existing.id === subject.id) return null;
    return [issue('code', 'duplicate', { id: existing.id, name: existing.name })];
  }
}

/**
 * The database index a list reads while the search index loads: names or enterprise codes (ID numbers
 * are encrypted) from their beginning, else the order asked for; other filters are applied as it reads.
 */
function subjectScan(query: SubjectQuery): IndexScan {
  const text = query.text?.trim() ?? '';
  const sort = query.sort ?? 'updatedAt';
  const descending = query.descending ?? sort === 'updatedAt';
  const byKind = !text && sort === 'updatedAt' && query.kind !== undefined;
  const range: IndexScan = text
    ? prefixRange(text)
    : byKind
      ? { index: ['kind', 'updatedAt'], equal: [query.kind!], descending }
      : { index: [sort], descending };
  const kind = byKind ? undefined : query.kind;
  const { industry, status } = query;
  if (kind === undefined && industry === undefined && status === undefined) return range;
  const accept = (stored: Record<string, unknown>): boolean =>
    (kind === undefined || stored.kind === kind) &&
    (industry === undefined || stored.industry === industry) &&
    (status === undefined || stored.status === status);
  return { ...range, filter: accept };
}

/** Names, or enterprise codes when the text could begin one, starting with the text. */
function prefixRange(text: string): IndexScan {
  const byCode = /^[0-9A-Za-z]+$/.test(text);
  const prefix = byCode ? text.toUpperCase() : text;
  return { index: [byCode ? 'code' : 'name'], from: prefix, to: `${prefix}\uffff` };
}
