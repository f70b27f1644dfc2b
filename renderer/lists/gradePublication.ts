/**
 * The yearly publication of grades (信用等级年度公布): a clerk proposes the year's grades of a scope as
 * `listings` of kind `grade`, and a second user, a reviewer, approves them with one decision document.
 * Both are written in chunks and are idempotent: running either again continues where it stopped, and a
 * subject whose grade for the year is already published or proposed is left as it is (so a later model
 * change does not rewrite, nor resync, grades already published). Computed grades stay local.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { GradeResult } from '../../shared/grading/grade.ts';
import {
  emptyListingInput,
  type ListingDocument,
  type ListingInput,
  validateListingInput,
} from '../../shared/lists/listing.ts';
import type { ListRule } from '../../shared/lists/rules.ts';
import { takeListingStep } from '../../shared/lists/workflow.ts';
import type { Industry } from '../../shared/subjects/model.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { ListingCollection } from '../kernel/db/database.ts';
import type { JournalStep } from '../kernel/db/writer.ts';
import { authorOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { refusalOf } from '../creditRecords/repository.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { GradeCache } from './gradeCache.ts';

/** Documents per write: a large county's year is written in several runs, each whole or not at all. */
export const gradePublicationChunk = 500;

export interface GradeYearScope {
  year: number;
  /** One industry, or every industry when null. */
  industry: Industry | null;
}

/** The day a year's grades are computed for: its last day, or today while the year runs. */
export function gradeDayOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** The listing that publishes a computed grade. */
export function gradeListingInput(subjectId: string, subjectKey: string, result: GradeResult): ListingInput {
  return {
    ...emptyListingInput(subjectId, subjectKey),
    kind: 'grade',
    rule: result.modelCode,
    grade: result.grade,
    score: result.score,
    modelVersion: result.modelVersion,
    start: result.asOf,
  };
}

/** A listing checked, stamped and proposed by the signed-in user at `clock`; nothing is written. */
export function proposedListing(
  input: ListingInput,
  rules: readonly ListRule[],
  session: SignedInSession,
  clock: Date,
): Validated<ListingDocument> {
  const issues = validateListingInput(input, rules);
  if (issues.length > 0) return { ok: false, issues };
  const now = clock.toISOString();
  const draft: ListingDocument = {
    ...input,
    id: uuidv7(clock.getTime()),
    county: session.county,
    createdAt: now,
    updatedAt: now,
    createdBy: session.userId,
    updatedBy: session.userId,
  };
  const proposed = takeListingStep(draft, 'propose', session, now);
  return proposed.ok ? proposed : { ok: false, issues: refusalOf(proposed.issues, 'list.propose') };
}

export interface GradeYearCounts {
  /** Subjects in scope without a grade for the year yet. */
  toPropose: number;
  /** Grades of the year awaiting approval. */
  proposed: number;
  published: number;
}

export class GradePublication {
  readonly #collection: ListingCollection;
  readonly #context: RepositoryContext;
  readonly #journal: WriteJournal;
  readonly #grades: GradeCache;

  constructor(
    collection: ListingCollection,
    context: RepositoryContext,
    journal: WriteJournal,
    grades: GradeCache,
  ) {
    this.#collection = collection;
    this.#context = context;
    this.#journal = journal;
    this.#grades = grades;
  }

  /** The year's grade listings in scope, by subject (rejected ones do not count: they may be proposed again). */
  async #yearListings(scope: GradeYearScope): Promise<Map<string, ListingDocument>> {
    const docs = await this.#collection
      .find({ selector: { kind: 'grade', start: { $regex: `^${scope.year}-` } } })
      .exec();
    const bySubject = new Map<string, ListingDocument>();
    for (const doc of docs) {
      const listing = doc.toJSON() as ListingDocument;
      if (listing.status !== 'rejected') bySubject.set(listing.subjectId, listing);
    }
    return bySubject;
  }

  #inScope(scope: GradeYearScope) {
    return [...this.#grades.gradedSubjects()].filter(
      (subject) => scope.industry === null || subject.industry === scope.industry,
    );
  }

  /** What proposing and approving the year would do, for the confirmation before either. */
  async counts(scope: GradeYearScope): Promise<GradeYearCounts> {
    const existing = await this.#yearListings(scope);
    const subjects = this.#inScope(scope);
    const listings = subjects.flatMap((subject) => existing.get(subject.subjectId) ?? []);
    return {
      toPropose: subjects.length - listings.length,
      proposed: listings.filter((listing) => listing.status === 'proposed').length,
      published: listings.filter((listing) => listing.status === 'listed').length,
    };
  }

  /** Proposes the year's grade of every subject in scope that has none yet; returns how many were proposed. */
  async proposeYear(scope: GradeYearScope, onProgress?: (done: number) => void): Promise<Validated<number>> {
    const acting = actingUser(this.#context, 'list.propose');
    if (!acting.ok) return acting;
    const { session } = acting;
    const today = chinaDateOf(this.#context.clock());
    if (!Number.isInteger(scope.year) || `${scope.year}-01-01` > today)
      return { ok: false, issues: [issue('year', 'lists.yearNotBegun')] };
    const day = gradeDayOf(scope.year, today);
    const existing = await this.#yearListings(scope);
    const docs: ListingDocument[] = [];
    for (const subject of this.#inScope(scope)) {
      if (existing.has(subject.subjectId)) continue;
      const result = this.#grades.gradeOf(subject.subjectId, day);
      if (!result) continue;
      const input = gradeListingInput(subject.subjectId, subject.subjectKey, result);
      const proposed = proposedListing(input, [], session, this.#context.clock());
      if (!proposed.ok) return proposed;
      docs.push(proposed.value);
    }
    for (let start = 0; start < docs.length; start += gradePublicationChunk) {
      const chunk = docs.slice(start, start + gradePublicationChunk);
      await this.#journal.run(authorOf(session), [{ kind: 'create', collection: 'listings', docs: chunk }]);
      onProgress?.(start + chunk.length);
    }
    return { ok: true, value: docs.length };
  }

  /**
   * Approves every proposed grade of the year in scope with one decision document and opinion. Judged
   * for all before anything is written: one refused (e.g. the approver proposed it) writes nothing.
   */
  async approveYear(
    scope: GradeYearScope,
    decision: { decisionNumber: string; note: string },
    onProgress?: (done: number) => void,
  ): Promise<Validated<number>> {
    const acting = actingUser(this.#context, 'list.approve');
    if (!acting.ok) return acting;
    const { session } = acting;
    const existing = await this.#yearListings(scope);
    const inScope = new Set(this.#inScope(scope).map((subject) => subject.subjectId));
    const now = this.#context.clock().toISOString();
    const steps: JournalStep[] = [];
    for (const before of existing.values()) {
      if (before.status !== 'proposed' || !inScope.has(before.subjectId)) continue;
      const filled = { ...before, decisionNumber: decision.decisionNumber.trim() };
      const stepped = takeListingStep(filled, 'approve', session, now, decision.note);
      if (!stepped.ok) return { ok: false, issues: refusalOf(stepped.issues, 'list.approve') };
      const after = { ...stepped.value, updatedAt: now, updatedBy: session.userId };
      steps.push({
        kind: 'update',
        collection: 'listings',
        before,
        after,
        audit: { action: 'approve', reason: decision.note.trim() },
      });
    }
    for (let start = 0; start < steps.length; start += gradePublicationChunk) {
      const chunk = steps.slice(start, start + gradePublicationChunk);
      await this.#journal.run(authorOf(session), chunk);
      onProgress?.(start + chunk.length);
    }
    return { ok: true, value: steps.length };
  }
}
