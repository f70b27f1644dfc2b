/**
 * Counts behind the dashboard figures: records in force from the totals the credit-record repository
 * keeps (per category and decision date; through the database indexes until they are loaded), the rest
 * through database indexes (renderer/kernel/db/indexedPages.ts) and the in-memory subject and grade
 * indexes, never by loading every document. Credit checks come from the audit trail's
 * `verificationQuery` entries of the period.
 */
import { commitmentStatuses } from '../../shared/commitments/types.ts';
import { inForceStatus } from '../../shared/creditRecords/model.ts';
import { industries } from '../../shared/subjects/model.ts';
import type { Period } from '../../shared/reports/file.ts';
import {
  type FigureCounts,
  type IndustryGradeTable,
  industryGradeTable,
  periodInstants,
} from '../../shared/reports/figures.ts';
import { rewardMeasures, type VerificationRecord } from '../../shared/verification/check.ts';
import type { AppServices } from '../app/services.ts';
import { indexedPage } from '../kernel/db/indexedPages.ts';

export type FiguresDependencies = Pick<
  AppServices,
  'db' | 'creditRecords' | 'subjects' | 'listings' | 'reference' | 'audit'
>;

export class FiguresService {
  readonly #deps: FiguresDependencies;

  constructor(deps: FiguresDependencies) {
    this.#deps = deps;
  }

  /** Credit categories in catalog order. */
  categories(): string[] {
    return [...new Set(this.#deps.reference.catalog().map((item) => item.category))];
  }

  async counts(period: Period): Promise<FigureCounts> {
    const [subjects, records, byCategory, commitments, inspectionsDone, checks] = await Promise.all([
      this.#subjectCounts(),
      this.records(),
      this.recordsByCategory(period),
      this.#commitmentsByStatus(),
      this.#inspectionsDone(period),
      this.#checks(period),
    ]);
    return {
      ...subjects,
      records,
      recordsByCategory: byCategory,
      commitmentsByStatus: commitments,
      inspectionsDone,
      ...checks,
    };
  }

  /** From the subject counts kept by kind and status; through the subject index if those failed. */
  async #subjectCounts(): Promise<{ subjects: number; enterprises: number }> {
    const { subjects } = this.#deps;
    const kept = subjects.counts;
    // Restored at start-up in a moment; counted (reading every subject) only after unseen changes.
    await kept.load();
    const all = kept.count();
    const enterprises = kept.count('enterprise');
    const deregistered = kept.count('enterprise', 'deregistered');
    if (all !== null && enterprises !== null && deregistered !== null) {
      return { subjects: all, enterprises: enterprises - deregistered };
    }
    // Through the database, the enterprises not deregistered would mean reading every enterprise.
    await subjects.indexed;
    const [listed, listedEnterprises, listedDeregistered] = await Promise.all([
      subjects.list({ limit: 0 }),
      subjects.list({ kind: 'enterprise', limit: 0 }),
      subjects.list({ kind: 'enterprise', status: 'deregistered', limit: 0 }),
    ]);
    return { subjects: listed.total, enterprises: listedEnterprises.total - listedDeregistered.total };
  }

  /** Records in force. */
  async records(): Promise<number> {
    return (
      this.#deps.creditRecords.inForce.count() ??
      (
        await indexedPage(this.#deps.db.creditRecords, {
          index: ['status', 'updatedAt'],
          equal: [inForceStatus],
          limit: 0,
        })
      ).total
    );
  }

  /** Records in force decided in the period, per category. */
  async recordsByCategory(period: Period): Promise<Record<string, number>> {
    const collection = this.#deps.db.creditRecords;
    const kept = this.#deps.creditRecords.inForce;
    const categories = this.categories();
    const totals = await Promise.all(
      categories.map(
        async (category) =>
          kept.count(category, period) ??
          (
            await indexedPage(collection, {
              index: ['category', 'decisionDate'],
              equal: [category],
              from: period.from,
              to: period.to,
              filter: (stored) => stored.status === inForceStatus,
              limit: 0,
            })
          ).total,
      ),
    );
    return Object.fromEntries(categories.map((category, index) => [category, totals[index]!]));
  }

  async #commitmentsByStatus(): Promise<FigureCounts['commitmentsByStatus']> {
    const collection = this.#deps.db.commitments;
    const totals = await Promise.all(
      commitmentStatuses.map(
        async (status) =>
          (
            await indexedPage(collection, {
              index: ['status', 'materialsDeadline'],
              equal: [status],
              limit: 0,
            })
          ).total,
      ),
    );
    return Object.fromEntries(commitmentStatuses.map((status, index) => [status, totals[index]!]));
  }

  /** Inspections submitted or closed whose visit started in the period (one pass over those states). */
  async #inspectionsDone(period: Period): Promise<number> {
    const { start, end } = periodInstants(period);
    const inPeriod = (stored: Record<string, unknown>) => {
      const at = String(stored.startedAt);
      return start <= at && at <= end;
    };
    const counts = await Promise.all(
      ['submitted', 'closed'].map(
        async (state) =>
          (
            await indexedPage(this.#deps.db.inspections, {
              index: ['state', 'updatedAt'],
              equal: [state],
              filter: inPeriod,
              limit: 0,
            })
          ).total,
      ),
    );
    return counts.reduce((total, count) => total + count, 0);
  }

  async #checks(period: Period): Promise<Pick<FigureCounts, 'checks' | 'measures' | 'rewards'>> {
    const { start, end } = periodInstants(period);
    const entries = await this.#deps.audit.search({ action: 'verificationQuery', from: start, to: end });
    const applied = entries
      .map((entry) => (entry.after as unknown as VerificationRecord).measureApplied)
      .filter((measure) => measure !== 'none');
    return {
      checks: entries.length,
      measures: applied.length,
      rewards: applied.filter((measure) => rewardMeasures.includes(measure)).length,
    };
  }

  /** Subjects by industry and today's grade, from the grade cache and the subject index. */
  async industryGrade(): Promise<IndustryGradeTable> {
    const { subjects, listings } = this.#deps;
    await subjects.indexed;
    const rows: { id: string; industry: (typeof industries)[number]; grade: string }[] = [];
    for (const [grade, ids] of listings.grades.byGrade()) {
      for (const id of ids) {
        const industry = subjects.index.get(id)?.industry;
        if (industry) rows.push({ id, industry, grade });
      }
    }
    const gradeOrder = listings.grades.modelFor('construction').grades.map((grade) => grade.code);
    return industryGradeTable(rows, industries, gradeOrder);
  }
}
