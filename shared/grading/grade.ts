/**
 * The grade of one subject: a pure function of its credit file, a model version and a date, so any past
 * grade can be recomputed and explained item by item. A record counts as it stood on `asOf`: its workflow
 * steps up to that day decide whether it was approved, repaired or revoked.
 */
import { chinaDateOf } from '../base/calendar/dates.ts';
import { addDays, addMonths } from '../base/calendar/dates.ts';
import { creditRecordWorkflow } from '../creditRecords/workflow.ts';
import type { CreditRecordDocument, CreditRecordStatus } from '../creditRecords/model.ts';
import { type ProvincialEvaluation, provincialEvaluationOn } from './provincial.ts';
import type { GradeMeasures, GradingModel, ItemValidity, ScoreItem, ScoreItemKind } from './model.ts';

export type GradedRecord = Pick<
  CreditRecordDocument,
  | 'id'
  | 'catalogCode'
  | 'category'
  | 'status'
  | 'decisionDate'
  | 'publicityStart'
  | 'publicityEnd'
  | 'workflow'
>;

/** A fact from the commitments or inspections capability; `voidedOn` when it was later annulled. */
export interface GradedFact {
  id: string;
  kind: Exclude<ScoreItemKind, 'record'>;
  /** The day the fact was established (YYYY-MM-DD). */
  date: string;
  voidedOn?: string;
}

/** An entry on a list (see shared/lists): active from `start` to `end` inclusive ('' open) unless exited. */
export interface GradedListEntry {
  id: string;
  list: string;
  start: string;
  end: string;
  exitedOn?: string;
}

export interface CreditFile {
  subjectId: string;
  /** False for a subject not enrolled in the grading scheme. */
  enrolled: boolean;
  records: readonly GradedRecord[];
  facts?: readonly GradedFact[];
  listEntries?: readonly GradedListEntry[];
  /** The province's comprehensive evaluations of the subject, every date imported. */
  provincial?: readonly ProvincialEvaluation[];
}

export interface Contribution {
  item: string;
  /** The record or fact that earned the points. */
  sourceId: string;
  points: number;
  validFrom: string;
  /** Last day the item counts; '' while open-ended. */
  validUntil: string;
}

export interface GradeResult {
  modelCode: string;
  modelVersion: number;
  asOf: string;
  score: number;
  grade: string;
  /** The list entry that forced the grade, '' when none did. */
  vetoedBy: string;
  /** The provincial evaluation in force that the model uses, and the best grade it allowed ('' no cap). */
  provincial: { level: string; date: string; score: number | null; cap: string } | null;
  contributions: Contribution[];
  measures: GradeMeasures;
}

export { chinaDateOf };

const ending: ReadonlySet<CreditRecordStatus> = new Set(['repaired', 'revoked']);

/**
 * A record's status on `asOf`, replayed from its workflow, and the day it was repaired or revoked ('' if
 * never). A record with no workflow (imported as approved) keeps its present status.
 */
export function recordStanding(
  record: GradedRecord,
  asOf: string,
): { status: CreditRecordStatus; endedOn: string } {
  if (record.workflow.length === 0) return { status: record.status, endedOn: '' };
  let status: CreditRecordStatus = 'draft';
  let endedOn = '';
  for (const step of record.workflow) {
    const day = chinaDateOf(step.at);
    const to = creditRecordWorkflow.transitions[step.action].to;
    if (ending.has(to)) endedOn = day;
    // Republished after a breached credit-repair commitment: the record counts again.
    else if (step.action === 'republish' && day <= asOf) endedOn = '';
    if (day <= asOf) status = to;
  }
  return { status, endedOn };
}

/** Approved or expired on `asOf`: the record counts, from approval until the day before a repair or revocation. */
export function recordCounts(status: CreditRecordStatus): boolean {
  return status === 'approved' || status === 'expired';
}

/** Last day an item counts from `start`, before any repair or revocation; '' while open-ended. */
function validityEnd(validity: ItemValidity, start: string, publicityEnd: string | null): string {
  if (validity.kind === 'months') return addMonths(start, validity.months);
  if (publicityEnd !== null && (publicityEnd !== '' || validity.kind === 'publicity')) return publicityEnd;
  return validity.kind === 'publicityOrMonths' ? addMonths(start, validity.months) : '';
}

function earlier(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return a < b ? a : b;
}

/** The item a record scores under: one naming its catalog item wins over one naming its category. */
export function itemForRecord(
  model: GradingModel,
  record: Pick<GradedRecord, 'catalogCode' | 'category'>,
): ScoreItem | undefined {
  let byCategory: ScoreItem | undefined;
  for (const item of model.items) {
    if (item.kind !== 'record') continue;
    if (item.catalogCode === record.catalogCode) return item;
    if (!byCategory && item.category === record.category) byCategory = item;
  }
  return byCategory;
}

/** Every item that counts for the subject on `asOf`, with its points and validity. */
export function contributionsOn(file: CreditFile, model: GradingModel, asOf: string): Contribution[] {
  const contributions: Contribution[] = [];
  const add = (item: ScoreItem, sourceId: string, validFrom: string, validUntil: string): void => {
    if (validFrom <= asOf && (validUntil === '' || asOf <= validUntil)) {
      contributions.push({ item: item.code, sourceId, points: item.points, validFrom, validUntil });
    }
  };
  for (const record of file.records) {
    const item = itemForRecord(model, record);
    if (!item) continue;
    const standing = recordStanding(record, asOf);
    if (!recordCounts(standing.status)) continue;
    const start = record.publicityStart || record.decisionDate;
    if (start === '') continue;
    const end = validityEnd(item.validity, start, record.publicityEnd);
    add(item, record.id, start, standing.endedOn ? earlier(end, addDays(standing.endedOn, -1)) : end);
  }
  for (const fact of file.facts ?? []) {
    const item = model.items.find((candidate) => candidate.kind === fact.kind);
    if (!item) continue;
    const end = validityEnd(item.validity, fact.date, null);
    add(item, fact.id, fact.date, fact.voidedOn ? earlier(end, addDays(fact.voidedOn, -1)) : end);
  }
  return contributions;
}

/** The provincial item code of a contribution (model items never use it: codes there are the city's). */
export const provincialItem = 'provincial';

/** The evaluation the model uses on `asOf`, and its contribution when its level earns points. */
function provincialOn(
  file: CreditFile,
  model: GradingModel,
  asOf: string,
): { result: NonNullable<GradeResult['provincial']>; contribution: Contribution | null } | null {
  const rule = model.provincial;
  const found = rule && provincialEvaluationOn(file.provincial ?? [], rule.months, asOf);
  if (!rule || !found) return null;
  const { evaluation, validUntil } = found;
  const points = rule.points[evaluation.level] ?? 0;
  return {
    result: {
      level: evaluation.level,
      date: evaluation.date,
      score: evaluation.score,
      cap: rule.gradeCaps[evaluation.level] ?? '',
    },
    contribution:
      points === 0
        ? null
        : { item: provincialItem, sourceId: evaluation.id, points, validFrom: evaluation.date, validUntil },
  };
}

/** The worse of two grades of the model (grades are listed best first). */
function worseGrade(model: GradingModel, a: string, b: string): string {
  const rank = (code: string) => model.grades.findIndex((grade) => grade.code === code);
  return rank(b) > rank(a) ? b : a;
}

/** The list entry active on `asOf` that vetoes under the model, if any. */
function vetoingEntry(file: CreditFile, model: GradingModel, asOf: string): GradedListEntry | undefined {
  return (file.listEntries ?? []).find(
    (entry) =>
      model.veto.lists.includes(entry.list) &&
      entry.start <= asOf &&
      (entry.end === '' || asOf <= entry.end) &&
      (entry.exitedOn === undefined || asOf < entry.exitedOn),
  );
}

/** Base plus capped bonuses minus deductions. */
export function scoreOf(model: GradingModel, contributions: readonly Contribution[]): number {
  let bonus = 0;
  let deduction = 0;
  for (const { points } of contributions) {
    if (points > 0) bonus += points;
    else deduction -= points;
  }
  return model.baseScore + (model.bonusCap === null ? bonus : Math.min(bonus, model.bonusCap)) - deduction;
}

/** The grade the bands give a score. */
export function gradeForScore(model: GradingModel, score: number, hasNegative: boolean): string {
  for (const band of model.bands) {
    if (band.withoutNegative && hasNegative) continue;
    if (band.min === undefined || (band.exclusive ? score > band.min : score >= band.min)) return band.grade;
  }
  return model.grades.at(-1)!.code;
}

/** Grades a subject under a (validated) model as it stood on `asOf`. */
export function gradeSubject(file: CreditFile, model: GradingModel, asOf: string): GradeResult {
  const contributions = contributionsOn(file, model, asOf);
  const provincial = provincialOn(file, model, asOf);
  if (provincial?.contribution) contributions.push(provincial.contribution);
  const score = scoreOf(model, contributions);
  const veto = vetoingEntry(file, model, asOf);
  let grade: string;
  if (veto) grade = model.veto.grade;
  else if (!file.enrolled && model.notEnrolledGrade !== null) grade = model.notEnrolledGrade;
  else
    grade = gradeForScore(
      model,
      score,
      contributions.some((c) => c.points < 0),
    );
  if (!veto && provincial?.result.cap) grade = worseGrade(model, grade, provincial.result.cap);
  const measures = model.grades.find((definition) => definition.code === grade)!.measures;
  return {
    modelCode: model.code,
    modelVersion: model.version,
    asOf,
    score,
    grade,
    vetoedBy: veto?.id ?? '',
    provincial: provincial?.result ?? null,
    contributions,
    measures,
  };
}
