import type { Observable } from 'rxjs';
import { from, map, merge } from 'rxjs';
import type { SubjectDocument, SubjectInput } from '../../shared/model/subject.ts';
import { validateSubjectInput } from '../../shared/model/subject.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/model/validation.ts';
import { uuidv7 } from '../../shared/util/uuid.ts';
import type { SubjectCollection } from '../db/database.ts';
import type { HistoryEntry, LocalStore } from '../db/localStore.ts';
import { bulkCreations } from '../security/audit.ts';
import { authorize } from '../security/permissions.ts';
import { auditWrite, type RepositoryContext } from '../security/repositoryContext.ts';
import { localDate } from '../session/session.ts';
import { documentsInOrder, type IndexScan, indexedPage } from './indexedPages.ts';
import { type SubjectQuery, SubjectIndex, type SubjectSummary, summarize } from './subjectIndex.ts';
import { SubjectIndexKeeper } from './subjectIndexKeeper.ts';

export interface BulkCreateResult {
  created: SubjectDocument[];
  /** Inputs refused, by their position in the request. */
  rejected: { index: number; issues: ValidationIssue[] }[];
}

const bulkChunk = 5000;
/** How long a newly opened repository waits for a first list before loading the index anyway. */
const indexStartDelayMs = 1000;

export interface SubjectRepositoryOptions {
  /** How long after changes stop the search index is stored for the next session (default 10 s). */
  storeDelayMs?: number;
}

export interface SubjectPage {
  total: number;
  items: SubjectDocument[];
}

/**
 * The only way UI code reads and writes subjects. Writes need the signed-in user's permission and are
 * audited; personal fields are encrypted at rest below RxDB, so the index and queries by code work from
 * memory (the database cannot match encrypted codes). The index loads in the background; until it has,
 * lists page through the database's indexes and search matches the beginning of names and enterprise codes.
 */
export class SubjectRepository {
  readonly index = new SubjectIndex();
  private readonly collection: SubjectCollection;
  private readonly local: LocalStore;
  private readonly context: RepositoryContext;
  private readonly keeper: SubjectIndexKeeper;

  private constructor(
    collection: SubjectCollection,
    local: LocalStore,
    context: RepositoryContext,
    options: SubjectRepositoryOptions,
  ) {
    this.collection = collection;
    this.local = local;
    this.context = context;
    this.keeper = new SubjectIndexKeeper({
      index: this.index,
      collection,
      local,
      cipher: context.personalData,
      ...options,
    });
    // The first list page is read before the index loads (see `list`), or after a second without one.
    setTimeout(() => this.keeper.start(), indexStartDelayMs);
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
    const page = { ...scan, offset: query.offset ?? 0, limit: query.limit ?? 50 };
    const { total, ids } = await indexedPage(this.collection, page);
    return { total, items: await documentsInOrder(this.collection, ids) };
  }

  async create(input: SubjectInput): Promise<Validated<SubjectDocument>> {
    await this.indexed;
    const authorized = authorize(this.context.session(), 'subject.create');
    if (!authorized.ok) return authorized;
    const checked = this.check(input, null);
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
    await this.collection.insert(document);
    this.index.put(summarize(document));
    await auditWrite(this.context, 'subjects', null, document);
    return { ok: true, value: document };
  }

  /**
   * Creates many subjects in few database writes (imports, demo data). Each input is validated and
   * checked for duplicates against the index of all subjects and the earlier inputs; refused ones are
   * reported. Each chunk is one database write, indexed and audited as bulk creations of what it saved;
   * a failed write stops the work and is thrown once what it did save is indexed and audited.
   */
  async createMany(inputs: SubjectInput[]): Promise<BulkCreateResult> {
    await this.indexed;
    const authorized = authorize(this.context.session(), 'subject.create');
    if (!authorized.ok) {
      return { created: [], rejected: inputs.map((_, index) => ({ index, issues: authorized.issues })) };
    }
    const { userId, county } = authorized.session;
    const today = localDate(this.context.clock());
    const result: BulkCreateResult = { created: [], rejected: [] };
    const seen = new Map<string, { id: string; name: string }>();
    for (let start = 0; start < inputs.length; start += bulkChunk) {
      const now = this.context.clock();
      const documents: SubjectDocument[] = [];
      for (let index = start; index < Math.min(start + bulkChunk, inputs.length); index++) {
        const checked = validateSubjectInput(inputs[index]!, today);
        if (!checked.ok) {
          result.rejected.push({ index, issues: checked.issues });
          continue;
        }
        const duplicate = seen.get(checked.value.code) ?? this.index.findByCode(checked.value.code);
        if (duplicate) {
          const params = { id: duplicate.id, name: duplicate.name };
          result.rejected.push({ index, issues: [issue('code', 'duplicate', params)] });
          continue;
        }
        const stamp = now.toISOString();
        const document: SubjectDocument = {
          ...checked.value,
          id: uuidv7(now.getTime()),
          county,
          createdAt: stamp,
          updatedAt: stamp,
          createdBy: userId,
          updatedBy: userId,
        };
        seen.set(document.code, { id: document.id, name: document.name });
        documents.push(document);
      }
      result.created.push(...(await this.saveChunk(userId, documents)));
    }
    return result;
  }

  /**
   * Writes one chunk, then indexes and audits what was written; throws if any document was not. The
   * audit record is prepared while the chunk is written.
   */
  private async saveChunk(userId: string, documents: SubjectDocument[]): Promise<SubjectDocument[]> {
    const writing = this.collection.bulkInsert(documents);
    const described = bulkCreations('subjects', documents);
    const written = await writing;
    const failed = new Set(written.error.map((error) => error.documentId));
    const saved = failed.size === 0 ? documents : documents.filter((doc) => !failed.has(doc.id));
    this.index.load(saved.map(summarize));
    const creations = failed.size === 0 ? await described : await bulkCreations('subjects', saved);
    await this.context.audit.appendCreations(userId, 'subjects', creations);
    if (failed.size > 0) throw new Error(`Saving subjects failed: ${written.error[0]!.status}`);
    return saved;
  }

  async update(id: string, input: SubjectInput): Promise<Validated<SubjectDocument>> {
    await this.indexed;
    const authorized = authorize(this.context.session(), 'subject.update');
    if (!authorized.ok) return authorized;
    const current = await this.collection.findOne(id).exec();
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const checked = this.check(input, id);
    if (!checked.ok) return checked;
    const previous = current.toJSON() as SubjectDocument;
    const { userId, userName } = authorized.session;
    const now = this.context.clock().toISOString();
    const next: SubjectDocument = {
      ...checked.value,
      id,
      county: previous.county,
      createdAt: previous.createdAt,
      createdBy: previous.createdBy,
      updatedAt: now,
      updatedBy: userId,
    };
    if (sameContent(previous, next)) return { ok: true, value: previous };
    await this.local.history.add({
      collection: 'subjects',
      docId: id,
      replacedAt: now,
      replacedBy: userId,
      replacedByName: userName,
      // The local history is on disk like the database: personal values stay encrypted there too.
      snapshot: await this.context.personalData.seal('subjects', { ...previous }),
    });
    await current.incrementalPatch(next);
    this.index.put(summarize(next));
    await auditWrite(this.context, 'subjects', previous, next);
    return { ok: true, value: next };
  }

  /** Earlier versions, newest first. */
  async history(id: string): Promise<HistoryEntry[]> {
    const entries = await this.local.historyOf('subjects', id);
    return Promise.all(
      entries.map(async (entry) => ({
        ...entry,
        snapshot: await this.context.personalData.open('subjects', entry.snapshot),
      })),
    );
  }

  /** Validates and refuses a code another subject already has, naming that subject. */
  private check(input: SubjectInput, selfId: string | null): Validated<SubjectInput> {
    const validated = validateSubjectInput(input, localDate(this.context.clock()));
    if (!validated.ok) return validated;
    const existing: SubjectSummary | undefined = this.index.findByCode(validated.value.code);
    if (existing && existing.id !== selfId) {
      return { ok: false, issues: [issue('code', 'duplicate', { id: existing.id, name: existing.name })] };
    }
    return validated;
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

const stampFields = new Set(['updatedAt', 'updatedBy']);

function sameContent(a: SubjectDocument, b: SubjectDocument): boolean {
  return (Object.keys(b) as (keyof SubjectDocument)[]).every(
    (key) => stampFields.has(key) || a[key] === b[key],
  );
}
