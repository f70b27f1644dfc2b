import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import { type CreditFile, gradeSubject } from './grade.ts';
import { type GradingModel, validateGradingModel } from './model.ts';
import {
  type ProvincialEvaluation,
  provincialEvaluationOn,
  provincialLevelOf,
  readProvincialRows,
} from './provincial.ts';
import { defaultGradingModel } from './publishedModels.ts';

const model: GradingModel = {
  ...defaultGradingModel('construction'),
  provincial: { points: { A: 5, C: -10, D: -20 }, gradeCaps: { D: 'C' }, months: 12 },
};

const evaluation = (
  id: string,
  level: ProvincialEvaluation['level'],
  date: string,
): ProvincialEvaluation => ({
  id,
  level,
  date,
  score: null,
});

const file = (provincial: ProvincialEvaluation[]): CreditFile => ({
  subjectId: 'subject-1',
  enrolled: true,
  records: [],
  provincial,
});

const context = { catalog: defaultCatalog, categories: defaultCreditCategories };

describe('provincial evaluation levels', () => {
  it('reads letters and words as the same four levels', () => {
    expect(['A', 'b', 'C级', ' 优 ', '良', '中', '差'].map(provincialLevelOf)).toEqual([
      'A',
      'B',
      'C',
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(provincialLevelOf('E')).toBeUndefined();
    expect(provincialLevelOf('')).toBeUndefined();
  });
});

describe('the evaluation in force', () => {
  const history = [evaluation('old', 'D', '2025-03-01'), evaluation('new', 'A', '2026-03-01')];

  it('is the latest dated on or before the day: a later one does not count yet', () => {
    expect(provincialEvaluationOn(history, 12, '2025-02-28')).toBeUndefined();
    expect(provincialEvaluationOn(history, 12, '2026-02-28')).toEqual({
      evaluation: history[0],
      validUntil: '2026-02-28',
    });
    expect(provincialEvaluationOn(history, 12, '2026-03-01')?.evaluation.id).toBe('new');
  });

  it('lapses after the configured months', () => {
    const one = [evaluation('only', 'B', '2025-03-01')];
    expect(provincialEvaluationOn(one, 12, '2026-02-28')?.validUntil).toBe('2026-02-28');
    expect(provincialEvaluationOn(one, 12, '2026-03-01')).toBeUndefined();
  });
});

describe('grading with the provincial evaluation', () => {
  it('adds the points of the level as a contribution of its own', () => {
    const result = gradeSubject(file([evaluation('e1', 'A', '2026-01-10')]), model, '2026-06-01');
    expect([result.score, result.grade]).toEqual([95, 'A']);
    expect(result.contributions).toEqual([
      { item: 'provincial', sourceId: 'e1', points: 5, validFrom: '2026-01-10', validUntil: '2027-01-09' },
    ]);
    expect(result.provincial).toEqual({ level: 'A', date: '2026-01-10', score: null, cap: '' });
  });

  it('caps the grade of a poor level although the score is higher', () => {
    const generous = { ...model, baseScore: 120 };
    const result = gradeSubject(file([evaluation('e1', 'D', '2026-01-10')]), generous, '2026-06-01');
    expect([result.score, result.grade]).toEqual([100, 'C']);
    expect(result.provincial?.cap).toBe('C');
  });

  it('never lifts a worse grade to the cap', () => {
    const low = { ...model, baseScore: 50 };
    const result = gradeSubject(file([evaluation('e1', 'D', '2026-01-10')]), low, '2026-06-01');
    expect([result.score, result.grade]).toEqual([30, 'D']);
  });

  it('is reproducible at past dates: an evaluation dated after the day does not count', () => {
    const history = [evaluation('poor', 'D', '2025-06-01'), evaluation('good', 'A', '2026-05-01')];
    const before = gradeSubject(file(history), model, '2026-04-30');
    const after = gradeSubject(file(history), model, '2026-05-01');
    expect([before.score, before.grade, before.provincial?.level]).toEqual([70, 'C', 'D']);
    expect([after.score, after.grade, after.provincial?.level]).toEqual([95, 'A', 'A']);
    expect(gradeSubject(file(history), model, '2025-05-31').provincial).toBeNull();
  });

  it('is ignored by a model that does not use it', () => {
    const plain = defaultGradingModel('construction');
    const result = gradeSubject(file([evaluation('e1', 'D', '2026-01-10')]), plain, '2026-06-01');
    expect([result.score, result.grade, result.provincial]).toEqual([90, 'A', null]);
  });

  it('a model using it validates; unknown levels, grades and months are refused by path', () => {
    expect(validateGradingModel(model, context).ok).toBe(true);
    const broken: GradingModel = {
      ...model,
      provincial: { points: { E: 5 } as never, gradeCaps: { D: 'Z' }, months: 0 },
    };
    const result = validateGradingModel(broken, context);
    expect(result.ok ? [] : result.issues.map((found) => `${found.field}:${found.code}`)).toEqual([
      'provincial.points.E:oneOf',
      'provincial.gradeCaps.D:grading.unknownGrade',
      'provincial.months:grading.validityMonths',
    ]);
  });
});

describe('reading an import file', () => {
  const header = ['统一社会信用代码', '评价等级', '评价日期', '分数'];
  const uscc = '91350100M000100Y43';

  it('reads good rows and names each bad row with its problem', () => {
    const rows = readProvincialRows(
      [
        header,
        [uscc, '良', '2026-03-01', '82.5'],
        ['91350100M000100Y44', 'A', '2026-03-01'],
        ['91310110666007217T', 'E', '2026-03-01'],
        ['91310110666007217T', 'A', '2026-02-30'],
        ['91310110666007217T', 'A', '2099-01-01'],
        ['91310110666007217T', 'A', '2026-03-01', 'many'],
        [uscc.toLowerCase(), 'A', '2026-03-01'],
        ['only two', 'cells'],
        ['', '', ''],
      ],
      '2026-06-01',
    );
    expect(rows).toEqual([
      { ok: true, row: 2, uscc, level: 'B', date: '2026-03-01', score: 82.5 },
      { ok: false, row: 3, code: 'uscc', value: '91350100M000100Y44' },
      { ok: false, row: 4, code: 'level', value: 'E' },
      { ok: false, row: 5, code: 'date', value: '2026-02-30' },
      { ok: false, row: 6, code: 'date', value: '2099-01-01' },
      { ok: false, row: 7, code: 'score', value: 'many' },
      { ok: false, row: 8, code: 'duplicate', value: uscc },
      { ok: false, row: 9, code: 'columns', value: '2' },
    ]);
  });
});
