/**
 * The only way UI code reads and writes listings (red/black list entries and published grades). Every
 * write goes through the write journal; every step is judged once by the listing workflow table, as the
 * platform judges it again on arrival.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { GradeResult } from '../../shared/grading/grade.ts';
import { inspectionRatioOf, mayAcceptWithMissingMaterials } from '../../shared/grading/supervision.ts';
import { type CityBlackListEntry, subjectKeyOf } from '../../shared/lists/cityBlackList.ts';
import {
  type ListingAction,
  type ListingDocument,
  type ListingInput,
  emptyListingInput,
  listingKindOf,
  validateListingInput,
} from '../../shared/lists/listing.ts';
import {
  everyListRule,
  listRulesInForce,
  publishedGradingModels,
  type RuleSetDocument,
} from '../../shared/grading/ruleSet.ts';
import {
  type ExitReason,
  type ListRule,
  type ListSuggestion,
  suggestListEntries,
} from '../../shared/lists/rules.ts';
import { availableListingSteps, listingWorkflow, takeListingStep } from '../../shared/lists/workflow.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import type { CreditDeskDatabase, ListingCollection } from '../kernel/db/database.ts';
import { authorOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { refusalOf } from '../creditRecords/repository.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import { afterFirstScreen as runAfterFirstScreen } from '../kernel/idle.ts';
import { GradeCache } from './gradeCache.ts';
import { GradePublication, gradeListingInput, proposedListing } from './gradePublication.ts';
import { ListingPages } from './listPages.ts';
import { ProvincialImport } from './provincialImport.ts';

/**
 * The key a computer hashes practitioners' ID numbers with (HMAC-SHA-256) while it holds no city key: one
 * not enrolled on a platform, whose lists never reach the city. An enrolled computer uses the secret key
 * the platform hands it (renderer/provisions), the same on every device of the city.
 */
export const unenrolledMatchingKey = 'creditdesk-city-subject-match-v1';

/** The city's matching key as this computer holds it; null until the platform handed it over. */
export type MatchingKeySource = () => Promise<string | null>;

/** What a reviewer gives with a decision: the opinion or reason, and the decision document's number. */
export interface ListingDecision {
  note: string;
  decisionNumber: string;
  /** For an exit: why and from which day. */
  exitReason?: ExitReason;
  exitedOn?: string;
}

export class ListingRepository {
  readonly #collection: ListingCollection;
  readonly #context: RepositoryContext;
  readonly #journal: WriteJournal;
  readonly #subjects: SubjectRepository;
  readonly #matchingKey: () => Promise<string>;
  readonly grades: GradeCache;
  /** The yearly publication of grades. */
  readonly publication: GradePublication;
  /** The import of the province's comprehensive credit evaluations. */
  readonly provincial: ProvincialImport;
  /** The lists page's pages, counts and export. */
  readonly pages: ListingPages;
  /** The city's published rule-set versions (scoring models and list rules). */
  #ruleSets: readonly RuleSetDocument[] = [];

  private constructor(
    collection: ListingCollection,
    context: RepositoryContext,
    journal: WriteJournal,
    subjects: SubjectRepository,
    matchingKey: MatchingKeySource,
  ) {
    this.#matchingKey = async () => (await matchingKey()) ?? unenrolledMatchingKey;
    this.#collection = collection;
    this.#context = context;
    this.#journal = journal;
    this.#subjects = subjects;
    this.grades = new GradeCache(() => chinaDateOf(context.clock()));
    this.publication = new GradePublication(collection, context, journal, this.grades);
    this.pages = new ListingPages(collection);
    this.provincial = new ProvincialImport(collection, context, journal, subjects, (subject) =>
      this.subjectKeyOf(subject),
    );
  }

  /**
   * Opens the repository; its grade cache follows every change at once and grades every subject after
   * the first screen (`afterFirstScreen`), in slices, then incrementally.
   */
  static async open(
    db: CreditDeskDatabase,
    context: RepositoryContext,
    journal: WriteJournal,
    subjects: SubjectRepository,
    matchingKey: MatchingKeySource,
    afterFirstScreen: (work: () => void) => void = runAfterFirstScreen,
  ): Promise<ListingRepository> {
    const repository = new ListingRepository(db.listings, context, journal, subjects, matchingKey);
    const { grades } = repository;
    const gradedSubjectOf = async (subject: SubjectDocument) => ({
      subjectId: subject.id,
      industry: subject.industry,
      subjectKey: await repository.subjectKeyOf(subject),
    });
    await repository.#loadRuleSets(db);
    grades.follow(db.creditRecords, db.listings);
    db.subjects.$.subscribe((event) => {
      void gradedSubjectOf(event.documentData as SubjectDocument).then((subject) =>
        grades.putSubject(subject),
      );
    });
    const cityList = async () =>
      (await db.reference.find({ selector: { kind: 'cityBlackList' } }).exec()).map(
        (doc) => doc.toJSON() as unknown as CityBlackListEntry,
      );
    db.reference.$.subscribe((event) => {
      if ((event.documentData as { kind?: string }).kind === 'ruleSet') void repository.#loadRuleSets(db);
      if ((event.documentData as { kind?: string }).kind !== 'cityBlackList') return;
      void cityList().then((city) => grades.setCityList(city));
    });
    afterFirstScreen(() => {
      grades
        .loadGradually(async (take) => {
          for await (const docs of pages(db.subjects)) {
            take({ subjects: await Promise.all(docs.map((doc) => gradedSubjectOf(doc as SubjectDocument))) });
          }
          for await (const docs of pages(db.creditRecords)) take({ records: docs as CreditRecordDocument[] });
          for await (const docs of pages(db.listings)) take({ listings: docs as ListingDocument[] });
          take({ city: await cityList() });
        })
        .catch((error: unknown) => {
          if (!db.closed) console.error('Grading the subjects failed', error);
        });
    });
    return repository;
  }

  /** Reads the city's rule sets and hands the scoring models to the grade cache. */
  async #loadRuleSets(db: CreditDeskDatabase): Promise<void> {
    const docs = await db.reference.find({ selector: { kind: 'ruleSet' } }).exec();
    this.#ruleSets = docs.map((doc) => doc.toJSON() as unknown as RuleSetDocument);
    this.grades.setModels(publishedGradingModels(this.#ruleSets));
  }

  /** The list rules in force today: the city's latest published version, else the defaults. */
  get rules(): readonly ListRule[] {
    return listRulesInForce(this.#ruleSets, chinaDateOf(this.#context.clock()));
  }

  /** Every list rule ever published, for checking entries decided under an earlier version. */
  get knownRules(): readonly ListRule[] {
    return everyListRule(this.#ruleSets);
  }

  get changes$(): Observable<void> {
    return this.#collection.$.pipe(map(() => undefined));
  }

  watchBySubject(subjectId: string): Observable<ListingDocument[]> {
    return this.#collection
      .find({ selector: { subjectId, kind: { $ne: 'provincial' } }, sort: [{ start: 'desc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as ListingDocument)));
  }

  /** The entries the list rules suggest for the subject today (none for lists it is on or proposed for). */
  suggestionsFor(subject: Pick<SubjectDocument, 'id' | 'industry'>): ListSuggestion[] {
    const today = chinaDateOf(this.#context.clock());
    const grade = this.grades.gradeOf(subject.id);
    const pending = this.grades
      .listingsOf(subject.id)
      .filter((listing) => listing.status === 'proposed')
      .map((listing) => listing.list);
    return suggestListEntries(
      this.rules,
      { industry: subject.industry, grade: grade?.grade ?? null, dishonestCategories: dishonest },
      this.grades.creditFile(subject.id),
      today,
    ).filter((suggestion) => !pending.includes(suggestion.list));
  }

  /** Proposes the entry a rule suggests; a reviewer decides it. */
  async propose(subject: SubjectDocument, suggestion: ListSuggestion): Promise<Validated<ListingDocument>> {
    const acting = actingUser(this.#context, 'list.propose');
    if (!acting.ok) return acting;
    const rule = this.rules.find((candidate) => candidate.code === suggestion.rule);
    const input: ListingInput = {
      ...emptyListingInput(subject.id, await this.subjectKeyOf(subject)),
      kind: listingKindOf(suggestion.list),
      list: suggestion.list,
      rule: suggestion.rule,
      basis: suggestion.basis,
      measures: rule?.measures ?? [],
      triggeredBy: suggestion.triggeredBy,
      start: suggestion.start,
      end: suggestion.end,
    };
    return this.#create(input, acting.session);
  }

  /** Proposes publishing the subject's grade of today (yearly publication); a reviewer decides it. */
  async proposeGrade(subject: SubjectDocument, result: GradeResult): Promise<Validated<ListingDocument>> {
    const acting = actingUser(this.#context, 'list.propose');
    if (!acting.ok) return acting;
    return this.#create(
      gradeListingInput(subject.id, await this.subjectKeyOf(subject), result),
      acting.session,
    );
  }

  /** Takes a reviewer's step (approve, reject, exit) with its decision document and text. */
  async act(
    id: string,
    action: ListingAction,
    decision: ListingDecision,
  ): Promise<Validated<ListingDocument>> {
    const permission = listingWorkflow.transitions[action].permission ?? 'list.approve';
    const session = this.#context.session();
    if (!session)
      return { ok: false, issues: [issue('action', 'permission.denied', { action: permission })] };
    const current = await this.#collection.findOne(id).exec();
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const before = current.toJSON() as ListingDocument;
    const filled: ListingDocument =
      action === 'approve'
        ? { ...before, decisionNumber: decision.decisionNumber.trim() }
        : action === 'exit'
          ? {
              ...before,
              exitDecisionNumber: decision.decisionNumber.trim(),
              exitReason: decision.exitReason ?? '',
              exitedOn: decision.exitedOn ?? chinaDateOf(this.#context.clock()),
            }
          : before;
    const stepped = takeListingStep(
      filled,
      action,
      session,
      this.#context.clock().toISOString(),
      decision.note,
    );
    if (!stepped.ok) return { ok: false, issues: refusalOf(stepped.issues, permission) };
    const content = validateListingInput(stepped.value, this.knownRules);
    if (content.length > 0) return { ok: false, issues: content };
    const after: ListingDocument = {
      ...stepped.value,
      updatedAt: this.#context.clock().toISOString(),
      updatedBy: session.userId,
    };
    const audit = action === 'approve' ? 'approve' : action === 'reject' ? 'reject' : 'statusChange';
    await this.#journal.run(authorOf(session), [
      {
        kind: 'update',
        collection: 'listings',
        before,
        after,
        audit: { action: audit, reason: decision.note.trim() },
      },
    ]);
    return { ok: true, value: after };
  }

  /** The steps the signed-in user may take on the listing now. */
  availableActions(listing: ListingDocument): ListingAction[] {
    const session = this.#context.session();
    if (!session) return [];
    // The decision document is entered in the step's dialog: judge as if it were given.
    return availableListingSteps({ ...listing, decisionNumber: '-', exitDecisionNumber: '-' }, session);
  }

  /**
   * What the subject's grade means for the commitments (容缺受理) and inspections (draw ratio)
   * capabilities today; undefined for a subject not graded (not in this county's database).
   */
  supervisionOf(
    subjectId: string,
  ):
    | { grade: string; inspectionRatio: number; toleranceAcceptance: boolean; onCityBlackList: boolean }
    | undefined {
    const result = this.grades.gradeOf(subjectId);
    if (!result) return undefined;
    return {
      grade: result.grade,
      inspectionRatio: inspectionRatioOf(result),
      toleranceAcceptance: mayAcceptWithMissingMaterials(result),
      onCityBlackList: this.onCityBlackList(subjectId).length > 0,
    };
  }

  /** Whether the subject is on the city-wide serious-dishonesty list today. */
  onCityBlackList(subjectId: string): CityBlackListEntry[] {
    return this.grades.cityEntriesOf(subjectId);
  }

  /** The subject's matching key, for lookups by other capabilities. */
  async subjectKeyOf(subject: Pick<SubjectDocument, 'kind' | 'code'>): Promise<string> {
    return subjectKeyOf(subject.kind, subject.code, await this.#matchingKey());
  }

  get subjects(): SubjectRepository {
    return this.#subjects;
  }

  async #create(input: ListingInput, session: SignedInSession): Promise<Validated<ListingDocument>> {
    const proposed = proposedListing(input, this.knownRules, session, this.#context.clock());
    if (!proposed.ok) return proposed;
    await this.#journal.run(authorOf(session), [
      { kind: 'create', collection: 'listings', docs: [proposed.value] },
    ]);
    return proposed;
  }
}

/** Categories whose counting records bar a red-list entry. */
const dishonest = ['generalDishonest', 'seriousDishonest'];

/** Documents read this many at a time by the first grading, with a pause between reads. */
const gradingPage = 5000;

/** Every document of the collection in pages of `gradingPage`, in id order. */
async function* pages(collection: RxCollection): AsyncGenerator<unknown[]> {
  const primaryKey = collection.schema.primaryPath as string;
  let after: string | null = null;
  for (;;) {
    const found: RxDocument[] = await collection
      .find({
        selector: after === null ? {} : { [primaryKey]: { $gt: after } },
        sort: [{ [primaryKey]: 'asc' }],
        limit: gradingPage,
      })
      .exec();
    if (found.length === 0) return;
    yield found.map((doc) => doc.toJSON());
    after = String(found[found.length - 1]!.primary);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
