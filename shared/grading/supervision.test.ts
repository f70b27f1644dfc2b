import { describe, expect, it } from 'vitest';
import { gradeSubject } from './grade.ts';
import { defaultGradingModel } from './publishedModels.ts';
import { inspectionRatioOf, mayAcceptWithMissingMaterials, measuresOfGrade } from './supervision.ts';

const model = defaultGradingModel('construction');
const clean = { subjectId: 's', enrolled: true, records: [] };

describe('supervision by grade', () => {
  it('gives a clean subject the favours of its grade and a vetoed one the strictest measures', () => {
    const good = gradeSubject(clean, model, '2026-03-10');
    expect(mayAcceptWithMissingMaterials(good)).toBe(measuresOfGrade(model, good.grade).toleranceAcceptance);
    const listed = gradeSubject(
      { ...clean, listEntries: [{ id: 'e', list: 'seriousDishonesty', start: '2026-03-01', end: '' }] },
      model,
      '2026-03-10',
    );
    expect(listed.grade).toBe(model.veto.grade);
    expect(mayAcceptWithMissingMaterials(listed)).toBe(false);
    expect(inspectionRatioOf(listed)).toBe(measuresOfGrade(model, model.veto.grade).inspectionRatio);
    expect(inspectionRatioOf(listed)).toBeGreaterThan(inspectionRatioOf(good));
  });

  it('falls back to the lowest grade’s measures for an unknown grade code', () => {
    expect(measuresOfGrade(model, 'ZZ')).toEqual(model.grades.at(-1)!.measures);
  });
});
