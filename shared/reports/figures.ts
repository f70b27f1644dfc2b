/**
 * The dashboard figures (issue 15 "Dashboard figures") as pure functions of counts: the renderer reads
 * them from kept totals (never by loading every document) and these turn the counts into figures.
 * Every credit-record figure counts the same records: those in force (approved, not expired, repaired
 * or revoked; drafts and records under review are not public credit information yet).
 *
 *   records per subject (主体平均信用记录数) = records in force ÷ subjects held
 *   commitment ratio = (commitments made + fulfilment findings) ÷ enterprises not deregistered, against 2.0
 *   records by category: records in force whose decision date falls in the period, by credit category
 *   inspections done: inspections submitted or closed whose visit falls in the period
 *   checks and measures: credit checks saved in the period, and those with a measure applied
 */
import { commitmentRatioTarget } from '../commitments/metrics.ts';
import { type CommitmentStatus, decidedStatuses } from '../commitments/types.ts';
import { addDays, addMonths } from '../base/calendar/dates.ts';
import { isRealDate } from '../base/identifiers.ts';
import { type CreditRecordDocument, inForceStatus } from '../creditRecords/model.ts';
import type { Industry } from '../subjects/model.ts';
import { issue, type Validated } from '../base/validation.ts';
import type { Period } from './file.ts';

export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  /** A custom period's first and last day (YYYY-MM-DD); '' while not chosen. */
  from: string;
  to: string;
}

/**
 * The period chosen, containing `today` for month, quarter and year. Issue codes: `figures.periodEmpty`
 * (a custom period without both days), `dateFormat`, `figures.periodReversed` (ends before it starts).
 */
export function periodOf(choice: PeriodChoice, today: string): Validated<Period> {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  switch (choice.kind) {
    case 'month': {
      const from = `${today.slice(0, 7)}-01`;
      return { ok: true, value: { from, to: addDays(addMonths(from, 1), -1) } };
    }
    case 'quarter': {
      const from = `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
      return { ok: true, value: { from, to: addDays(addMonths(from, 3), -1) } };
    }
    case 'year':
      return { ok: true, value: { from: `${year}-01-01`, to: `${year}-12-31` } };
    case 'custom': {
      if (choice.from === '' || choice.to === '') {
        return { ok: false, issues: [issue(choice.from === '' ? 'from' : 'to', 'figures.periodEmpty')] };
      }
      const bad = (['from', 'to'] as const).filter((field) => !isRealDate(choice[field]));
      if (bad.length > 0) return { ok: false, issues: bad.map((field) => issue(field, 'dateFormat')) };
      if (choice.to < choice.from) return { ok: false, issues: [issue('to', 'figures.periodReversed')] };
      return { ok: true, value: { from: choice.from, to: choice.to } };
    }
  }
}

/** The instants bounding a period in China time (UTC+8), for fields holding ISO instants. */
export function periodInstants(period: Period): { start: string; end: string } {
  return {
    start: `${addDays(period.from, -1)}T16:00:00.000Z`,
    end: `${period.to}T15:59:59.999Z`,
  };
}

/** What the renderer counts through indexes. */
export interface FigureCounts {
  subjects: number;
  /** Enterprises not deregistered. */
  enterprises: number;
  /** Records in force. */
  records: number;
  /** Records in force decided in the period, per credit category. */
  recordsByCategory: Readonly<Partial<Record<string, number>>>;
  commitmentsByStatus: Partial<Record<CommitmentStatus, number>>;
  inspectionsDone: number;
  checks: number;
  /** Checks with a measure applied, and of those the rewards. */
  measures: number;
  rewards: number;
}

export interface DashboardFigures {
  period: Period;
  records: number;
  subjects: number;
  /** null without subjects. */
  recordsPerSubject: number | null;
  recordsByCategory: { category: string; count: number }[];
  commitments: number;
  fulfilmentFindings: number;
  enterprises: number;
  commitmentRatio: number | null;
  commitmentTarget: number;
  inspectionsDone: number;
  checks: number;
  measures: number;
  rewards: number;
  punishments: number;
}

const sum = (counts: Partial<Record<string, number>>, keys: readonly string[]) =>
  keys.reduce((total, key) => total + (counts[key] ?? 0), 0);

export function dashboardFigures(
  counts: FigureCounts,
  period: Period,
  categories: readonly string[],
): DashboardFigures {
  const made = Object.entries(counts.commitmentsByStatus)
    .filter(([status]) => status !== 'draft' && status !== 'withdrawn')
    .reduce((total, [, count]) => total + (count ?? 0), 0);
  const fulfilmentFindings = sum(counts.commitmentsByStatus, decidedStatuses);
  return {
    period,
    records: counts.records,
    subjects: counts.subjects,
    recordsPerSubject: counts.subjects === 0 ? null : counts.records / counts.subjects,
    recordsByCategory: categories.map((category) => ({
      category,
      count: counts.recordsByCategory[category] ?? 0,
    })),
    commitments: made,
    fulfilmentFindings,
    enterprises: counts.enterprises,
    commitmentRatio: counts.enterprises === 0 ? null : (made + fulfilmentFindings) / counts.enterprises,
    commitmentTarget: commitmentRatioTarget,
    inspectionsDone: counts.inspectionsDone,
    checks: counts.checks,
    measures: counts.measures,
    rewards: counts.rewards,
    punishments: counts.measures - counts.rewards,
  };
}

/** What of a credit record the figures count. */
export type CountedRecord = Pick<CreditRecordDocument, 'status' | 'category' | 'decisionDate'>;

function adjusted<K extends string>(
  counts: Partial<Record<K, number>>,
  key: K,
  by: number,
): Partial<Record<K, number>> {
  return { ...counts, [key]: (counts[key] ?? 0) + by };
}

/**
 * The counts after one record changed, without counting again: `before` undefined for a new record,
 * `after` undefined for a removed one (RxDB change events carry both).
 */
export function withRecordChange(
  counts: FigureCounts,
  period: Period,
  before: CountedRecord | undefined,
  after: CountedRecord | undefined,
): FigureCounts {
  let { records, recordsByCategory } = counts;
  for (const [record, by] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (record?.status !== inForceStatus) continue;
    records += by;
    if (period.from <= record.decisionDate && record.decisionDate <= period.to) {
      recordsByCategory = adjusted(recordsByCategory, record.category, by);
    }
  }
  return { ...counts, records, recordsByCategory };
}

/** Subjects per industry and grade, with the ids behind each cell. */
export interface IndustryGradeTable {
  industries: Industry[];
  grades: string[];
  cells: Map<string, string[]>;
}

export const cellKey = (industry: string, grade: string) => `${industry}/${grade}`;

/** Cross-tabulates subjects by industry and grade; grades in `gradeOrder` first, industries as given. */
export function industryGradeTable(
  subjects: Iterable<{ id: string; industry: Industry; grade: string }>,
  industryOrder: readonly Industry[],
  gradeOrder: readonly string[],
): IndustryGradeTable {
  const cells = new Map<string, string[]>();
  const seenGrades = new Set<string>();
  const seenIndustries = new Set<Industry>();
  for (const subject of subjects) {
    seenGrades.add(subject.grade);
    seenIndustries.add(subject.industry);
    const key = cellKey(subject.industry, subject.grade);
    const ids = cells.get(key);
    if (ids) ids.push(subject.id);
    else cells.set(key, [subject.id]);
  }
  return {
    industries: industryOrder.filter((industry) => seenIndustries.has(industry)),
    grades: [...new Set([...gradeOrder.filter((grade) => seenGrades.has(grade)), ...seenGrades])],
    cells,
  };
}
