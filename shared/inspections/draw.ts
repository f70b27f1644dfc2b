/**
 * The 双随机 draw: which subjects an inspection plan inspects, and which two inspectors go to each,
 * chosen at random from a recorded seed. The same seed and the same inputs always give the same draw, so
 * anyone can re-run it from what the plan keeps.
 *
 * Sampling: every subject in scope falls in one bucket — its credit grade (by the grade names the grading
 * model configures), `ungraded` (no grade, or a grade the plan has no ratio for), or `raised` (an open risk
 * warning or an overdue rectification, whatever its grade). A bucket of n subjects at p percent draws
 * ceil(n × p / 100) of them: a non-empty bucket with a non-zero ratio is always inspected at least once.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { Industry, SubjectStatus } from '../subjects/model.ts';

export interface DrawRatios {
  /** Percent (0–100) per grade name, e.g. { AAA: 5, C: 50 }. */
  grades: Readonly<Record<string, number>>;
  /** Percent for subjects without a grade; until grading exists every subject is here. */
  ungraded: number;
  /** Percent for subjects with an open risk warning or an overdue rectification. */
  raised: number;
}

export interface DrawScope {
  /** Industries the plan covers; at least one. */
  industries: readonly Industry[];
  /** Subject statuses the plan covers; empty means every status. */
  statuses: readonly SubjectStatus[];
  /** Projects the plan covers; empty means subjects anywhere. */
  projectIds: readonly string[];
}

export interface DrawPlan {
  scope: DrawScope;
  ratios: DrawRatios;
  /** User ids of the inspectors the draw may send. */
  inspectorPool: readonly string[];
  /** The recorded seed: an integer 0 … 2³² − 1. */
  seed: number;
}

export interface DrawCandidate {
  subjectId: string;
  industry: Industry;
  status: SubjectStatus;
  projectIds: readonly string[];
  /** The grade name, or null while the subject has none. */
  grade: string | null;
  /** An open risk warning or an overdue rectification. */
  raised: boolean;
  /** Inspectors who may not inspect this subject (`conflictsOf`). */
  conflicts: readonly string[];
}

/**
 * The inspectors who may not inspect a subject: those who declared a conflict of interest with it, users
 * who are its contacts, and the inspectors of its last inspection (so no pair inspects a subject twice
 * running). Sorted, each once.
 */
export function conflictsOf(subject: {
  declared: readonly string[];
  contacts: readonly string[];
  lastInspectors: readonly string[];
}): string[] {
  return [...new Set([...subject.declared, ...subject.contacts, ...subject.lastInspectors])].sort(compare);
}

export const ungradedBucket = 'ungraded';
export const raisedBucket = 'raised';

export interface DrawAssignment {
  subjectId: string;
  bucket: string;
  inspectors: [string, string];
}

export interface DrawResult {
  assignments: DrawAssignment[];
  /** Drawn subjects for which fewer than two inspectors of the pool are free of conflict. */
  unstaffed: string[];
  /** Per bucket: how many subjects were in scope and how many were drawn. */
  buckets: { bucket: string; population: number; drawn: number }[];
}

export const maxSeed = 0xffffffff;

/** Default ratios for a plan: stricter for lower grades (grading.md: no published ratio, so configurable). */
export const defaultDrawRatios: DrawRatios = {
  grades: { AAA: 5, AA: 10, A: 15, B: 30, C: 50 },
  ungraded: 20,
  raised: 60,
};

/**
 * Every problem of a plan, before it is drawn. Issue codes: `inspection.plan.scopeEmpty`,
 * `inspection.plan.ratio`, `inspection.plan.raisedBelowGrade`, `inspection.plan.poolTooSmall`,
 * `inspection.plan.seed`.
 */
export function validateDrawPlan(plan: DrawPlan): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (plan.scope.industries.length === 0)
    issues.push(issue('scope.industries', 'inspection.plan.scopeEmpty'));
  const percents: [string, number][] = [
    ...Object.entries(plan.ratios.grades).map(([grade, percent]): [string, number] => [
      `ratios.grades.${grade}`,
      percent,
    ]),
    ['ratios.ungraded', plan.ratios.ungraded],
    ['ratios.raised', plan.ratios.raised],
  ];
  for (const [field, percent] of percents) {
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      issues.push(issue(field, 'inspection.plan.ratio'));
    }
  }
  const highest = Math.max(plan.ratios.ungraded, ...Object.values(plan.ratios.grades));
  if (plan.ratios.raised < highest) {
    issues.push(issue('ratios.raised', 'inspection.plan.raisedBelowGrade', { percent: highest }));
  }
  if (new Set(plan.inspectorPool).size < 2) {
    issues.push(issue('inspectorPool', 'inspection.plan.poolTooSmall'));
  }
  if (!Number.isInteger(plan.seed) || plan.seed < 0 || plan.seed > maxSeed) {
    issues.push(issue('seed', 'inspection.plan.seed', { max: maxSeed }));
  }
  return issues;
}

/** Whether a subject falls inside the plan's scope. */
export function inScope(scope: DrawScope, candidate: DrawCandidate): boolean {
  if (!scope.industries.includes(candidate.industry)) return false;
  if (scope.statuses.length > 0 && !scope.statuses.includes(candidate.status)) return false;
  return scope.projectIds.length === 0 || candidate.projectIds.some((id) => scope.projectIds.includes(id));
}

/** The bucket a subject is sampled in. */
export function bucketOf(ratios: DrawRatios, candidate: DrawCandidate): string {
  if (candidate.raised) return raisedBucket;
  if (candidate.grade !== null && Object.hasOwn(ratios.grades, candidate.grade)) return candidate.grade;
  return ungradedBucket;
}

/** The bucket's percent. */
export function percentOf(ratios: DrawRatios, bucket: string): number {
  if (bucket === raisedBucket) return ratios.raised;
  if (bucket === ungradedBucket) return ratios.ungraded;
  return ratios.grades[bucket] ?? ratios.ungraded;
}

/** How many of a bucket's subjects are drawn: ceil(population × percent / 100), in integers. */
export function sampleSize(population: number, percent: number): number {
  return Math.ceil((population * percent) / 100);
}

/** Picks `count` of `items` at random (a partial Fisher–Yates shuffle), in the order picked. */
function pick<T>(items: readonly T[], count: number, rng: RandomGenerator): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  for (let i = 0; i < count && i < pool.length; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    chosen.push(pool[i] as T);
  }
  return chosen;
}

/**
 * Draws the plan. Throws on a plan `validateDrawPlan` refuses. The order of the candidates and of the pool
 * does not matter: both are sorted before the draw, so only the seed and the inputs decide it.
 */
export function drawPlan(plan: DrawPlan, candidates: readonly DrawCandidate[]): DrawResult {
  const problems = validateDrawPlan(plan);
  if (problems.length > 0)
    throw new RangeError(`Plan not drawable: ${problems.map((p) => p.code).join(', ')}`);
  const rng = xoroshiro128plus(plan.seed);
  const pool = [...new Set(plan.inspectorPool)].sort();
  const byBucket = new Map<string, DrawCandidate[]>();
  const unique = new Map(candidates.map((candidate) => [candidate.subjectId, candidate]));
  for (const candidate of [...unique.values()].sort((a, b) => compare(a.subjectId, b.subjectId))) {
    if (!inScope(plan.scope, candidate)) continue;
    const bucket = bucketOf(plan.ratios, candidate);
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), candidate]);
  }
  const result: DrawResult = { assignments: [], unstaffed: [], buckets: [] };
  for (const bucket of [...byBucket.keys()].sort(compare)) {
    const members = byBucket.get(bucket) ?? [];
    const drawn = pick(members, sampleSize(members.length, percentOf(plan.ratios, bucket)), rng);
    result.buckets.push({ bucket, population: members.length, drawn: drawn.length });
    for (const subject of drawn) {
      const free = pool.filter((inspector) => !subject.conflicts.includes(inspector));
      if (free.length < 2) {
        result.unstaffed.push(subject.subjectId);
        continue;
      }
      const [first, second] = pick(free, 2, rng) as [string, string];
      result.assignments.push({ subjectId: subject.subjectId, bucket, inspectors: [first, second] });
    }
  }
  return result;
}

/** Code-point order, the same in every runtime and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
