/**
 * Import of the province's comprehensive public credit evaluations (公共信用综合评价): a CSV of USCC,
 * level, date and optional score. Each evaluation of a subject of this office is recorded as a listing of
 * kind `provincial` (history: one document per evaluation date; the newest dated on or before a day is the
 * one in force, see shared/grading/provincial.ts).
 *
 * The file is read in full before anything is written. A row that cannot be read, or one contradicting an
 * evaluation already recorded for the same subject and date, refuses the whole file: nothing is written.
 * A USCC of no subject here (a province file covers every county) is reported by row and skipped, and an
 * evaluation recorded already is left as it is, so importing a file again changes nothing.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { decodeCsvBytes, parseCsv } from '../../shared/base/io/csv.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import { readProvincialRows } from '../../shared/grading/provincial.ts';
import {
  emptyListingInput,
  type ListingDocument,
  noProvincialScore,
  provincialRule,
  validateListingInput,
} from '../../shared/lists/listing.ts';
import { takeListingStep } from '../../shared/lists/workflow.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { ListingCollection } from '../kernel/db/database.ts';
import { authorOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import { refusalOf } from '../creditRecords/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import { gradePublicationChunk } from './gradePublication.ts';

/** Why a row is not imported: unreadable, duplicated in the file, contradicting the record, or no subject here. */
export type ProvincialRowOutcome = {
  row: number;
  code: 'uscc' | 'level' | 'date' | 'score' | 'columns' | 'duplicate' | 'conflict' | 'unmatched';
  value: string;
};

export interface ProvincialImportPlan {
  /** Rows that refuse the file (nothing is written while there is one). */
  problems: ProvincialRowOutcome[];
  /** Rows of USCCs no subject here holds: skipped. */
  unmatched: ProvincialRowOutcome[];
  /** Evaluations already recorded as they are: skipped. */
  unchanged: number;
  /** What the import will record, one per subject. */
  toRecord: ListingDocument[];
}

export class ProvincialImport {
  readonly #collection: ListingCollection;
  readonly #context: RepositoryContext;
  readonly #journal: WriteJournal;
  readonly #subjects: SubjectRepository;
  readonly #subjectKeyOf: (subject: SubjectDocument) => Promise<string>;

  constructor(
    collection: ListingCollection,
    context: RepositoryContext,
    journal: WriteJournal,
    subjects: SubjectRepository,
    subjectKeyOf: (subject: SubjectDocument) => Promise<string>,
  ) {
    this.#collection = collection;
    this.#context = context;
    this.#journal = journal;
    this.#subjects = subjects;
    this.#subjectKeyOf = subjectKeyOf;
  }

  /** Reads the file's bytes and says what importing it would do; nothing is written. */
  async plan(bytes: Uint8Array): Promise<Validated<ProvincialImportPlan>> {
    const acting = actingUser(this.#context, 'list.propose');
    if (!acting.ok) return acting;
    const parsed = parseCsv(decodeCsvBytes(bytes));
    if (!parsed.ok)
      return { ok: false, issues: [issue('file', 'file.unclosedQuote', { line: parsed.line })] };
    const now = this.#context.clock().toISOString();
    const plan: ProvincialImportPlan = { problems: [], unmatched: [], unchanged: 0, toRecord: [] };
    for (const row of readProvincialRows(parsed.rows, chinaDateOf(this.#context.clock()))) {
      if (!row.ok) {
        plan.problems.push({ row: row.row, code: row.code, value: row.value });
        continue;
      }
      const subject = await this.#subjects.findByCode(row.uscc);
      if (!subject) {
        plan.unmatched.push({ row: row.row, code: 'unmatched', value: row.uscc });
        continue;
      }
      const sameDay = (
        await this.#collection
          .find({ selector: { subjectId: subject.id, kind: 'provincial', start: row.date } })
          .exec()
      ).map((doc) => doc.toJSON() as ListingDocument);
      const score = row.score ?? noProvincialScore;
      if (sameDay.some((listing) => listing.grade === row.level && listing.score === score)) {
        plan.unchanged++;
        continue;
      }
      if (sameDay.length > 0) {
        plan.problems.push({ row: row.row, code: 'conflict', value: row.uscc });
        continue;
      }
      const draft: ListingDocument = {
        ...emptyListingInput(subject.id, await this.#subjectKeyOf(subject)),
        kind: 'provincial',
        rule: provincialRule,
        grade: row.level,
        score,
        start: row.date,
        id: uuidv7(this.#context.clock().getTime()),
        county: acting.session.county,
        createdAt: now,
        updatedAt: now,
        createdBy: acting.session.userId,
        updatedBy: acting.session.userId,
      };
      const recorded = takeListingStep(draft, 'record', acting.session, now);
      if (!recorded.ok) return { ok: false, issues: refusalOf(recorded.issues, 'list.propose') };
      const content = validateListingInput(recorded.value, []);
      if (content.length > 0) return { ok: false, issues: content };
      plan.toRecord.push(recorded.value);
    }
    return { ok: true, value: plan };
  }

  /**
   * Records a plan without problems, in chunks each written whole; importing the file again after an
   * interruption records the rest (what is recorded already is left as it is).
   */
  async record(plan: ProvincialImportPlan): Promise<Validated<number>> {
    const acting = actingUser(this.#context, 'list.propose');
    if (!acting.ok) return acting;
    if (plan.problems.length > 0)
      return {
        ok: false,
        issues: [issue('file', 'lists.provincialFileRefused', { count: plan.problems.length })],
      };
    for (let start = 0; start < plan.toRecord.length; start += gradePublicationChunk) {
      await this.#journal.run(authorOf(acting.session), [
        {
          kind: 'create',
          collection: 'listings',
          docs: plan.toRecord.slice(start, start + gradePublicationChunk),
        },
      ]);
    }
    return { ok: true, value: plan.toRecord.length };
  }
}
