/**
 * The local grade cache: every subject's grade today under the scoring model in force, kept in memory
 * and never synced. It is computed once after the workspace's first screen (`loadGradually`, in slices
 * that leave the screen responsive; until then `loaded` is false and screens say the grades are being
 * calculated) and then recomputed incrementally: a changed credit record or listing regrades only its
 * subject; a new model version in force regrades all. Past grades are computed on demand by the same
 * pure function (`gradeSubject`), so any date's grade is reproducible.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import {
  type CreditFile,
  type GradedListEntry,
  type GradeResult,
  gradeSubject,
} from '../../shared/grading/grade.ts';
import type { GradingModel } from '../../shared/grading/model.ts';
import { gradingModelFor } from '../../shared/grading/ruleSet.ts';
import { cityBlackListEntriesOf, type CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import { type ListingDocument, provincialEvaluationsOf } from '../../shared/lists/listing.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { type Industry, industries } from '../../shared/subjects/model.ts';
import type { CreditRecordCollection, ListingCollection } from '../kernel/db/database.ts';

export interface GradedSubject {
  subjectId: string;
  industry: Industry;
  /** How the city matches the subject (see subjectKeyOf); '' until known. */
  subjectKey: string;
}

/** The list entries of a file: the subject's approved listings here, and city-list entries matching it. */
export function listEntriesOf(
  listings: readonly ListingDocument[],
  city: readonly CityBlackListEntry[],
  subjectKey: string,
): GradedListEntry[] {
  const own = listings
    .filter((listing) => listing.list !== '' && (listing.status === 'listed' || listing.status === 'exited'))
    .map((listing) => ({
      id: listing.id,
      list: listing.list,
      start: listing.start,
      end: listing.end,
      ...(listing.exitedOn ? { exitedOn: listing.exitedOn } : {}),
    }));
  const ownIds = new Set(own.map((entry) => entry.id));
  const elsewhere = subjectKey
    ? city
        .filter((entry) => entry.subjectKey === subjectKey && !ownIds.has(entry.id))
        .map((entry) => ({
          id: entry.id,
          list: entry.list,
          start: entry.start,
          end: entry.end,
          ...(entry.exitedOn ? { exitedOn: entry.exitedOn } : {}),
        }))
    : [];
  return [...own, ...elsewhere];
}

/** Documents handed to the cache during its first grading. */
export interface GradedBatch {
  subjects?: readonly GradedSubject[];
  records?: readonly CreditRecordDocument[];
  listings?: readonly ListingDocument[];
  city?: readonly CityBlackListEntry[];
}

export class GradeCache {
  readonly #records = new Map<string, CreditRecordDocument[]>();
  readonly #listings = new Map<string, ListingDocument[]>();
  readonly #subjects = new Map<string, GradedSubject>();
  readonly #grades = new Map<string, GradeResult>();
  #city: readonly CityBlackListEntry[] = [];
  /** The day the cached grades are for; a new day regrades everyone on first use. */
  #gradedOn = '';
  readonly #today: () => string;
  readonly #changes = new BehaviorSubject<number>(0);
  /** False until the first grading ends: changes meanwhile fill the maps and wait for it. */
  #loaded = false;
  #settle: () => void = () => undefined;
  /** Settles once every subject is graded. */
  readonly ready: Promise<void> = new Promise((resolve) => {
    this.#settle = resolve;
  });
  /** The scoring-model versions the city published (see shared/grading/ruleSet.ts). */
  #published: readonly GradingModel[];

  constructor(today: () => string, published: readonly GradingModel[] = []) {
    this.#today = today;
    this.#published = published;
  }

  /** The model in force for an industry on a day: the city's version then, else the default. */
  modelFor(industry: Industry, asOf = this.#today()): GradingModel {
    return gradingModelFor(this.#published, industry, asOf);
  }

  /**
   * Takes the city's published versions; when the version in force today changes for any industry,
   * every subject is regraded (grades are local: nothing is synced for it).
   */
  setModels(published: readonly GradingModel[]): void {
    const today = this.#today();
    const inForce = (models: readonly GradingModel[]) =>
      industries.map((industry) => {
        const model = gradingModelFor(models, industry, today);
        return `${model.code}@${model.version}`;
      });
    const changed = inForce(this.#published).join() !== inForce(published).join();
    this.#published = published;
    if (changed) this.#regradeAll();
  }

  /** Ticks after every regrade, for screens to refresh. */
  get changes$(): Observable<number> {
    return this.#changes.asObservable();
  }

  /** Whether every subject is graded (false while the first grading runs). */
  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * The full grading without holding up the screen: `read` hands over the documents in batches (changes
   * arriving meanwhile are kept too), then every subject is graded `slice` at a time with a pause
   * between slices.
   */
  async loadGradually(
    read: (take: (batch: GradedBatch) => void) => Promise<void>,
    slice = 2000,
    pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ): Promise<void> {
    await read((batch) => {
      for (const subject of batch.subjects ?? []) this.#subjects.set(subject.subjectId, subject);
      for (const record of batch.records ?? []) replace(this.#records, record.subjectId, record);
      for (const listing of batch.listings ?? []) replace(this.#listings, listing.subjectId, listing);
      if (batch.city) this.#city = batch.city;
    });
    this.#gradedOn = this.#today();
    let done = 0;
    for (const subject of [...this.#subjects.values()]) {
      this.#grades.set(subject.subjectId, this.#compute(subject, this.#gradedOn));
      if (++done % slice === 0) await pause();
    }
    this.#loaded = true;
    this.#settle();
    this.#changes.next(this.#changes.value + 1);
  }

  #regradeAll(): void {
    this.#gradedOn = this.#today();
    this.#grades.clear();
    for (const subject of this.#subjects.values()) {
      this.#grades.set(subject.subjectId, this.#compute(subject, this.#gradedOn));
    }
    this.#changes.next(this.#changes.value + 1);
  }

  #current(): Map<string, GradeResult> {
    if (this.#gradedOn !== this.#today()) this.#regradeAll();
    return this.#grades;
  }

  /** Keeps the cache in step with the collections: each change regrades its subject only. */
  follow(records: CreditRecordCollection, listings: ListingCollection): () => void {
    const a = records.$.subscribe((event) => this.putRecord(event.documentData as CreditRecordDocument));
    const b = listings.$.subscribe((event) => this.putListing(event.documentData as ListingDocument));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }

  putSubject(subject: GradedSubject): void {
    this.#subjects.set(subject.subjectId, subject);
    this.#regrade(subject.subjectId);
  }

  putRecord(record: CreditRecordDocument): void {
    replace(this.#records, record.subjectId, record);
    this.#regrade(record.subjectId);
  }

  putListing(listing: ListingDocument): void {
    replace(this.#listings, listing.subjectId, listing);
    this.#regrade(listing.subjectId);
  }

  /** New city-list entries regrade the subjects they match. */
  setCityList(city: readonly CityBlackListEntry[]): void {
    const keys = new Set([...this.#city, ...city].map((entry) => entry.subjectKey));
    this.#city = city;
    if (!this.#loaded) return;
    for (const subject of this.#subjects.values()) {
      if (keys.has(subject.subjectKey)) this.#regrade(subject.subjectId);
    }
  }

  /** Today's grade from the cache; another day's computed afresh (reproducible); none while loading. */
  gradeOf(subjectId: string, asOf = this.#today()): GradeResult | undefined {
    const subject = this.#subjects.get(subjectId);
    if (!subject || !this.#loaded) return undefined;
    if (asOf === this.#today()) return this.#current().get(subjectId);
    return this.#compute(subject, asOf);
  }

  /** City-list entries standing for the subject on `asOf`. */
  cityEntriesOf(subjectId: string, asOf = this.#today()): CityBlackListEntry[] {
    const key = this.#subjects.get(subjectId)?.subjectKey ?? '';
    return key ? cityBlackListEntriesOf(this.#city, key, asOf) : [];
  }

  /** Every subject the cache grades. */
  gradedSubjects(): IterableIterator<GradedSubject> {
    return this.#subjects.values();
  }

  /** Subject ids per grade code today (none while loading). */
  byGrade(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    if (!this.#loaded) return groups;
    for (const [subjectId, result] of this.#current()) push(groups, result.grade, subjectId);
    return groups;
  }

  creditFile(subjectId: string): CreditFile {
    const subject = this.#subjects.get(subjectId);
    const listings = this.#listings.get(subjectId) ?? [];
    return {
      subjectId,
      enrolled: true,
      records: this.#records.get(subjectId) ?? [],
      listEntries: listEntriesOf(listings, this.#city, subject?.subjectKey ?? ''),
      provincial: provincialEvaluationsOf(listings),
    };
  }

  listingsOf(subjectId: string): readonly ListingDocument[] {
    return this.#listings.get(subjectId) ?? [];
  }

  #compute(subject: GradedSubject, asOf: string): GradeResult {
    return gradeSubject(this.creditFile(subject.subjectId), this.modelFor(subject.industry, asOf), asOf);
  }

  #regrade(subjectId: string): void {
    const subject = this.#subjects.get(subjectId);
    // While the first grading runs, it grades every subject from the maps these changes filled.
    if (!subject || !this.#loaded) return;
    this.#grades.set(subjectId, this.#compute(subject, this.#gradedOn));
    this.#changes.next(this.#changes.value + 1);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function replace<T extends { id: string }>(map: Map<string, T[]>, key: string, value: T): void {
  const list = (map.get(key) ?? []).filter((existing) => existing.id !== value.id);
  list.push(value);
  map.set(key, list);
}
