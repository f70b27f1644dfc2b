import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { SubjectDocument, SubjectInput } from '../../shared/model/subject.ts';
import { normalizeSubjectInput, validateSubjectInput } from '../../shared/model/subject.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/model/validation.ts';
import type { CreditDeskDatabase, SubjectCollection } from '../db/database.ts';
import type { HistoryEntry, LocalStore } from '../db/localStore.ts';
import { type BulkCreateResult as WrittenInBulk, Writer } from '../db/writer.ts';
import { authorize } from '../security/permissions.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import { localDate } from '../session/session.ts';
import { uuidv7 } from '../../shared/util/uuid.ts';
import { type SubjectQuery, SubjectIndex, summarize } from './subjectIndex.ts';

export type BulkCreateResult = WrittenInBulk<SubjectDocument>;

export interface SubjectPage {
  total: number;
  items: SubjectDocument[];
}

/**
 * The only way UI code reads and writes subjects. Writes go through the writer (permission, stamps, the
 * platform's validation, history, journal, audit); personal fields are encrypted at rest below RxDB, so the index and queries by code work from
 * memory (the database cannot match encrypted codes).
 */
export class SubjectRepository {
  readonly index = new SubjectIndex();
  private readonly collection: SubjectCollection;
  private readonly local: LocalStore;
  private readonly context: RepositoryContext;
  private readonly writer: Writer;

  private constructor(
    collection: SubjectCollection,
    local: LocalStore,
    context: RepositoryContext,
    writer: Writer,
  ) {
    this.collection = collection;
    this.local = local;
    this.context = context;
    this.writer = writer;
  }

  /**
   * Loads the search index, then keeps it in step with every change (local, synced or from another tab).
   * Writes go through `writer` (by default one over the collection's database and `local`).
   */
  static async open(
    collection: SubjectCollection,
    local: LocalStore,
    context: RepositoryContext,
    writer = new Writer(collection.database as unknown as CreditDeskDatabase, local, context),
  ): Promise<SubjectRepository> {
    const repository = new SubjectRepository(collection, local, context, writer);
    collection.$.subscribe((event) => {
      if (event.operation === 'DELETE') repository.index.remove(event.documentId);
      else repository.index.put(summarize(event.documentData as SubjectDocument));
    });
    const all = await collection.find().exec();
    repository.index.load(all.map((doc) => summarize(doc.toJSON() as SubjectDocument)));
    return repository;
  }

  /** Emits whenever any subject changes, for lists to refresh. */
  get changes$(): Observable<void> {
    return this.collection.$.pipe(map(() => undefined));
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
    const found = this.index.findByCode(code);
    return found ? this.get(found.id) : null;
  }

  async list(query: SubjectQuery): Promise<SubjectPage> {
    const { total, ids } = this.index.query(query);
    const found = await this.collection.findByIds(ids).exec();
    const items = ids
      .map((id) => found.get(id))
      .filter((doc) => doc !== undefined)
      .map((doc) => doc.toJSON() as SubjectDocument);
    return { total, items };
  }

  async create(input: SubjectInput): Promise<Validated<SubjectDocument>> {
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
  prepareNew(input: SubjectInput): Validated<SubjectDocument> {
    const authorized = authorize(this.context.session(), 'subject.create');
    if (!authorized.ok) return authorized;
    const checked = validateSubjectInput(input, localDate(this.context.clock()));
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
   * reported. Written through the writer's bulk creation (renderer/db/writer.ts), which audits each chunk
   * as bulk creations; a failed write stops the work and is thrown once what it did save is audited.
   */
  async createMany(inputs: SubjectInput[]): Promise<BulkCreateResult> {
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
  async history(id: string): Promise<HistoryEntry[]> {
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
