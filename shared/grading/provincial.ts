/**
 * The province's comprehensive public credit evaluation (公共信用综合评价), imported per subject and used
 * as a grading input (Xingyang points §7). Provinces publish four levels, as letters (A/B/C/D) or as
 * words (优/良/中/差); both spellings name the same level here. A scoring model may add points per level
 * and cap the grade a level allows; an evaluation counts from its date until a newer one (or the
 * configured months) ends it, so a grade at a past date sees only the evaluations known by then.
 */
import { addDays, addMonths } from '../base/calendar/dates.ts';
import { isRealDate, isValidUscc, normalizeCode } from '../base/identifiers.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';

export const provincialLevels = ['A', 'B', 'C', 'D'] as const;
export type ProvincialLevel = (typeof provincialLevels)[number];

const levelSpellings: Readonly<Record<string, ProvincialLevel>> = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  优: 'A',
  良: 'B',
  中: 'C',
  差: 'D',
};

/** The level a published spelling names ("a", "A级", "优"), or undefined. */
export function provincialLevelOf(text: string): ProvincialLevel | undefined {
  const trimmed = text.trim().replace(/级$/, '').toUpperCase();
  return levelSpellings[trimmed];
}

/** How a scoring model uses the evaluation: points per level, the best grade a level allows, validity. */
export interface ProvincialRule {
  points: Partial<Record<ProvincialLevel, number>>;
  /** The best grade a subject evaluated at the level can get (e.g. D → at best C). */
  gradeCaps: Partial<Record<ProvincialLevel, string>>;
  /** Months an evaluation counts from its date when no newer one replaces it. */
  months: number;
}

export interface ProvincialEvaluation {
  /** The document holding it. */
  id: string;
  level: ProvincialLevel;
  /** The evaluation date (YYYY-MM-DD). */
  date: string;
  score: number | null;
}

/** The evaluation in force on `asOf`: the latest dated on or before it and within `months`, with its last day. */
export function provincialEvaluationOn(
  evaluations: readonly ProvincialEvaluation[],
  months: number,
  asOf: string,
): { evaluation: ProvincialEvaluation; validUntil: string } | undefined {
  const sorted = evaluations
    .filter((found) => found.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted.at(-1);
  if (!latest) return undefined;
  const newer = evaluations
    .filter((found) => found.date > latest.date)
    .map((found) => found.date)
    .sort()[0];
  const expires = addDays(addMonths(latest.date, months), -1);
  const validUntil = newer && addDays(newer, -1) < expires ? addDays(newer, -1) : expires;
  return asOf <= validUntil ? { evaluation: latest, validUntil } : undefined;
}

/** The issues of a model's provincial rule (`validation.grading.*`), under `provincial`. */
export function validateProvincialRule(
  rule: ProvincialRule,
  gradeCodes: ReadonlySet<string>,
  limits: { pointsAbs: number; months: number },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [level, points] of Object.entries(rule.points)) {
    if (!provincialLevels.includes(level as ProvincialLevel))
      issues.push(issue(`provincial.points.${level}`, 'oneOf'));
    else if (!Number.isFinite(points) || Math.abs(points ?? 0) > limits.pointsAbs)
      issues.push(issue(`provincial.points.${level}`, 'grading.points', { max: limits.pointsAbs }));
  }
  for (const [level, grade] of Object.entries(rule.gradeCaps)) {
    if (!provincialLevels.includes(level as ProvincialLevel))
      issues.push(issue(`provincial.gradeCaps.${level}`, 'oneOf'));
    else if (!gradeCodes.has(grade ?? ''))
      issues.push(issue(`provincial.gradeCaps.${level}`, 'grading.unknownGrade', { grade: grade ?? '' }));
  }
  if (!Number.isInteger(rule.months) || rule.months < 1 || rule.months > limits.months)
    issues.push(issue('provincial.months', 'grading.validityMonths', { max: limits.months }));
  return issues;
}

/** One data row of an import file, read: USCC, level, date and optional score, or why it cannot be. */
export type ProvincialRow =
  | { ok: true; row: number; uscc: string; level: ProvincialLevel; date: string; score: number | null }
  | { ok: false; row: number; code: ProvincialRowProblem; value: string };

export type ProvincialRowProblem = 'uscc' | 'level' | 'date' | 'score' | 'columns' | 'duplicate';

/**
 * Reads an import file's rows (first row the header: USCC, level, date, optional score). Row numbers are
 * the file's, counting the header as 1. A USCC given twice in the file is refused on its second row.
 */
export function readProvincialRows(rows: readonly (readonly string[])[], today: string): ProvincialRow[] {
  const seen = new Set<string>();
  const read: ProvincialRow[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length < 3) {
      read.push({ ok: false, row, code: 'columns', value: String(cells.length) });
      return;
    }
    const uscc = normalizeCode(cells[0]!);
    const level = provincialLevelOf(cells[1]!);
    const date = cells[2]!.trim();
    const scoreText = (cells[3] ?? '').trim();
    const score = scoreText === '' ? null : Number(scoreText);
    if (!isValidUscc(uscc)) read.push({ ok: false, row, code: 'uscc', value: cells[0]! });
    else if (!level) read.push({ ok: false, row, code: 'level', value: cells[1]! });
    else if (!isRealDate(date) || date > today) read.push({ ok: false, row, code: 'date', value: date });
    else if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 1000))
      read.push({ ok: false, row, code: 'score', value: scoreText });
    else if (seen.has(uscc)) read.push({ ok: false, row, code: 'duplicate', value: uscc });
    else read.push({ ok: true, row, uscc, level, date, score });
    seen.add(uscc);
  });
  return read;
}
