/**
 * Classified supervision (分类监管) for the other capabilities: what a subject's grade means for the
 * inspections draw (its ratio) and for commitments acceptance (green channel, 容缺受理). A subject on a
 * serious-dishonesty list anywhere in the city already holds the veto grade (gradeSubject), so its
 * measures are the strictest the model has.
 */
import type { GradeResult } from './grade.ts';
import type { GradeMeasures, GradingModel } from './model.ts';

/** The measures the model sets for a grade; the lowest grade's for a code the model does not know. */
export function measuresOfGrade(model: GradingModel, grade: string): GradeMeasures {
  return (model.grades.find((definition) => definition.code === grade) ?? model.grades.at(-1)!).measures;
}

/** Whether an application of the subject may be accepted with non-essential materials missing. */
export function mayAcceptWithMissingMaterials(result: Pick<GradeResult, 'measures' | 'vetoedBy'>): boolean {
  return result.vetoedBy === '' && result.measures.toleranceAcceptance;
}

/** The share of the subject's grade drawn for double-random inspections, 0 to 1. */
export function inspectionRatioOf(result: Pick<GradeResult, 'measures'>): number {
  return result.measures.inspectionRatio;
}
