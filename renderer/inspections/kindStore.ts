/**
 * Reads and writes one kind of the inspections collection (plans, projects) as its own document type,
 * writing through the writer. The collection is typed by its inspection documents, so the kind is
 * matched with `$eq`.
 */
import type { Observable } from 'rxjs';
import { filter, map } from 'rxjs';
import type { InspectionKind } from '../../shared/inspections/document.ts';
import type { Validated } from '../../shared/base/validation.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import { documentsInOrder, indexedPage } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import type { WriteJournal } from '../kernel/db/writeJournal.ts';
import type { Change, StepAudit, WritePermission } from '../kernel/db/writer.ts';

/** The fields a plan or project leaves empty: they link inspections to subjects, projects and plans. */
export const unlinked = { subjectId: '', projectId: '', planId: '', startedAt: '' } as const;

export class KindStore<T extends { kind: InspectionKind }> {
  readonly #collection: InspectionCollection;
  readonly #kind: T['kind'];
  protected readonly journal: WriteJournal;

  constructor(collection: InspectionCollection, kind: T['kind'], journal: WriteJournal) {
    this.#collection = collection;
    this.#kind = kind;
    this.journal = journal;
  }

  /** The inspections collection the kind lives in. */
  protected get collection(): InspectionCollection {
    return this.#collection;
  }

  /** Writes a new document of the kind (no `before`) or the next version of `before`. */
  protected async writeOne(
    permission: WritePermission,
    content: Record<string, unknown>,
    before?: T,
    audit?: StepAudit,
  ): Promise<Validated<T>> {
    // The writer sets the derived index fields (the capability's `derive`).
    const withKind = { ...content, kind: this.#kind };
    const change: Change = before
      ? {
          kind: 'next',
          collection: 'inspections',
          before: before as never,
          content: withKind,
          ...(audit ? { audit } : {}),
        }
      : { kind: 'new', collection: 'inspections', content: withKind };
    const written = await this.journal.write({ permission, changes: [change] });
    return written.ok ? { ok: true, value: written.value[0] as unknown as T } : written;
  }

  /** Each change to a document of the kind. */
  get changes$(): Observable<void> {
    return this.#collection.$.pipe(
      filter((event) => (event.documentData ?? event.previousDocumentData)?.kind === this.#kind),
      map(() => undefined),
    );
  }

  /** Every document of the kind, the latest change first, kept current. */
  watchAll(): Observable<T[]> {
    return this.#collection
      .find({ selector: { kind: { $eq: this.#kind } }, sort: [{ updatedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as unknown as T)));
  }

  watch(id: string): Observable<T | null> {
    return this.#collection.findOne(id).$.pipe(map((doc) => (doc ? this.#ofKind(doc.toJSON()) : null)));
  }

  async get(id: string): Promise<T | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? this.#ofKind(doc.toJSON()) : null;
  }

  /**
   * One page of the kind, the latest change first, through the [kind, updatedAt] index, and how many
   * match, counted up to a cap (`more`: matches go on). `accepts` reads the stored documents in order.
   */
  async page(
    query: { accepts?: (doc: T) => boolean; offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<{ total: number; more: boolean; items: T[] }> {
    const { accepts } = query;
    const found = await indexedPage(this.#collection, {
      index: ['kind', 'updatedAt'],
      equal: [this.#kind],
      descending: true,
      offset: query.offset ?? 0,
      limit: query.limit,
      ...(accepts
        ? { filter: (stored) => accepts(stored as unknown as T), countUpTo: caps.matches }
        : { countUpTo: caps.keys }),
    });
    const items = await documentsInOrder(this.#collection, found.ids);
    return { total: found.total, more: found.more ?? false, items: items as unknown as T[] };
  }

  /** The documents of the kind with these ids, in the order given; unknown ids left out. */
  async getMany(ids: readonly string[]): Promise<T[]> {
    const found = await documentsInOrder(this.#collection, ids);
    return found.flatMap((doc) => {
      const ofKind = this.#ofKind(doc);
      return ofKind ? [ofKind] : [];
    });
  }

  async list(): Promise<T[]> {
    const docs = await this.#collection.find({ selector: { kind: { $eq: this.#kind } } }).exec();
    return docs.map((doc) => doc.toJSON() as unknown as T);
  }

  #ofKind(doc: unknown): T | null {
    return (doc as T).kind === this.#kind ? (doc as T) : null;
  }
}
