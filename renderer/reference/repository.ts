import { BehaviorSubject, debounceTime, type Observable } from 'rxjs';
import { defaultCatalogDocuments, standingItems } from '../../shared/creditRecords/catalogInForce.ts';
import { effectivePublicityRule } from '../../shared/creditRecords/publicity.ts';
import {
  type BuiltCalendar,
  buildWorkdayCalendar,
  type HolidayCalendarDocument,
  type WorkdayCalendar,
} from '../../shared/base/calendar/workdays.ts';
import {
  type CatalogItem,
  type CatalogItemDocument,
  defaultCreditCategories,
  type PublicityRule,
} from '../../shared/creditRecords/catalog.ts';
import { type CommitmentMatterList, publishedMatterLists } from '../../shared/commitments/matterList.ts';
import { type PublishedChecklist, publishedChecklists } from '../../shared/inspections/checklistVersions.ts';
import type { ReferenceCollection } from '../kernel/db/database.ts';
import type { Writer } from '../kernel/db/writer.ts';

// The collection's schema is declared in shared/ with its capability.
export { referenceJsonSchema, referenceKinds } from '../../shared/reference/schema.ts';

/** The city-wide documents of the `reference` collection this milestone uses. */
export type ReferenceDocument = CatalogItemDocument | HolidayCalendarDocument;

/** The author recorded on documents a device writes on its own (seeding, automatic expiry). */
export const systemUser = 'system';

import { cityOf } from '../../shared/base/identifiers.ts';

export { cityOf };

const categoryOrder = new Map(defaultCreditCategories.map((category, index) => [category.code, index]));

function byCategoryThenCode(a: CatalogItem, b: CatalogItem): number {
  const order = (item: CatalogItem) => categoryOrder.get(item.category) ?? categoryOrder.size;
  return order(a) - order(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The catalog and holiday calendars, read-only for county devices: they flow down from the platform.
 * The only local write is seeding the default catalog when the collection holds none. Everything is kept
 * in memory (a few dozen documents) and refreshed on every change of the collection.
 */
export class ReferenceRepository {
  private readonly collection: ReferenceCollection;
  private readonly catalogSubject = new BehaviorSubject<readonly CatalogItemDocument[]>([]);
  private built: BuiltCalendar = buildWorkdayCalendar();
  private matterListVersions: readonly CommitmentMatterList[] = [];
  private checklistVersions: readonly PublishedChecklist[] = [];

  private constructor(collection: ReferenceCollection) {
    this.collection = collection;
  }

  static async open(collection: ReferenceCollection): Promise<ReferenceRepository> {
    const repository = new ReferenceRepository(collection);
    await repository.reload();
    // A sync pulls many documents at once: reload once they have settled.
    collection.$.pipe(debounceTime(50)).subscribe(() => {
      repository.reload().catch((error: unknown) => console.error('Reloading reference data failed', error));
    });
    return repository;
  }

  /** The catalog items, by category then code; one per code (the most recently updated). */
  catalog(): readonly CatalogItemDocument[] {
    return this.catalogSubject.value;
  }

  get catalog$(): Observable<readonly CatalogItemDocument[]> {
    return this.catalogSubject.asObservable();
  }

  findItem(code: string): CatalogItemDocument | undefined {
    return this.catalog().find((item) => item.code === code);
  }

  /** The publicity rule records of an item follow: its own narrowed by category and sector bounds. */
  publicityRule(code: string): PublicityRule | undefined {
    const item = this.findItem(code);
    return item ? effectivePublicityRule(item).rule : undefined;
  }

  /** The working-day calendar: shipped years plus valid calendars from the platform. */
  calendar(): WorkdayCalendar {
    return this.built.calendar;
  }

  /** The versions of the list of commitment matters the city published (see shared/commitments/matterList.ts). */
  matterLists(): readonly CommitmentMatterList[] {
    return this.matterListVersions;
  }

  /** The checklist template versions the city published (see shared/inspections/checklistVersions.ts). */
  checklists(): readonly PublishedChecklist[] {
    return this.checklistVersions;
  }

  /** Calendar documents from the platform that failed validation and are not used. */
  rejectedCalendars(): BuiltCalendar['rejected'] {
    return this.built.rejected;
  }

  /**
   * Writes the default catalog when the local collection holds no catalog item yet (first start before
   * the first sync), as the city's documents of the county's city. Returns how many items were written.
   */
  async seedDefaultCatalog(county: string, writer: Writer): Promise<number> {
    const existing = await this.collection.count({ selector: { kind: 'catalogItem' } }).exec();
    if (existing > 0) return 0;
    const contents = (await defaultCatalogDocuments()).map((item) => ({ ...structuredClone(item) }));
    // The city's documents, written by the system: stamped, validated and audited like any other write.
    const { created, rejected } = await writer.bulkCreate({
      permission: { judged: { userId: systemUser, userName: systemUser, county: cityOf(county) } },
      collection: 'reference',
      contents,
    });
    if (rejected.length > 0) {
      const { index, issues } = rejected[0]!;
      throw new Error(`Seeding the catalog failed: ${contents[index]!.code} ${issues[0]?.code ?? ''}`);
    }
    await this.reload();
    return created.length;
  }

  private async reload(): Promise<void> {
    const docs = (await this.collection.find().exec()).map((doc) => doc.toJSON() as ReferenceDocument);
    const items: CatalogItemDocument[] = [];
    const calendars: HolidayCalendarDocument[] = [];
    for (const doc of docs) {
      if (doc.kind === 'holidayCalendar') calendars.push(doc);
      else if (doc.kind === 'catalogItem') items.push(doc);
    }
    this.built = buildWorkdayCalendar(calendars);
    this.matterListVersions = publishedMatterLists(docs as Parameters<typeof publishedMatterLists>[0]);
    this.checklistVersions = publishedChecklists(
      docs as unknown as Parameters<typeof publishedChecklists>[0],
    );
    // The catalog the writer judges records against, one item per code (none before the seed).
    this.catalogSubject.next(standingItems(items).sort(byCategoryThenCode));
  }
}
