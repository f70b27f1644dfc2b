import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import type { WorkflowEntry } from '../creditRecords/model.ts';
import {
  type CreditFile,
  type GradedFact,
  type GradedListEntry,
  type GradedRecord,
  gradeSubject,
} from './grade.ts';
import { type GradingModel, modelInForce, validateGradingModel } from './model.ts';
import {
  defaultGradingModel,
  jinanPropertyModel,
  lianyungangPropertyModel,
  publishedModels,
  shangqiuModel,
  yantaiPropertyModel,
} from './publishedModels.ts';

let nextId = 0;

/** An approved record, approved at 10:00 China time on its publicity start. */
function record(
  category: string,
  publicityStart = '2026-03-05',
  publicityEnd = '2027-03-04',
  later: WorkflowEntry[] = [],
): GradedRecord {
  nextId++;
  return {
    id: `record-${nextId}`,
    catalogCode: `X-${category}`,
    category,
    status: later.length > 0 ? 'repaired' : 'approved',
    decisionDate: publicityStart,
    publicityStart,
    publicityEnd,
    workflow: [
      { action: 'submit', by: 'clerk', at: `${publicityStart}T01:00:00Z`, note: '' },
      { action: 'approve', by: 'reviewer', at: `${publicityStart}T02:00:00Z`, note: '' },
      ...later,
    ],
  };
}

function file(records: GradedRecord[], extra: Partial<CreditFile> = {}): CreditFile {
  return { subjectId: 'subject-1', enrolled: true, records, ...extra };
}

const many = (n: number, category: string): GradedRecord[] =>
  Array.from({ length: n }, () => record(category));
const asOf = '2026-06-01';
const graded = (model: GradingModel, records: GradedRecord[], extra: Partial<CreditFile> = {}) => {
  const result = gradeSubject(file(records, extra), model, asOf);
  return [result.score, result.grade];
};
const blackListEntry: GradedListEntry = {
  id: 'entry-1',
  list: 'seriousDishonesty',
  start: '2026-04-01',
  end: '2029-03-31',
};

describe('published models as configuration', () => {
  it('every model validates against the default catalog categories', () => {
    const context = { catalog: defaultCatalog, categories: defaultCreditCategories };
    for (const model of [defaultGradingModel('construction'), ...publishedModels]) {
      expect(validateGradingModel(model, context)).toEqual({ ok: true, value: model });
    }
  });

  it('default: base 90, A ≥ 90, B 75–89, C 60–74, D < 60, veto forces D', () => {
    const model = defaultGradingModel('construction');
    expect(graded(model, [])).toEqual([90, 'A']);
    expect(graded(model, many(1, 'generalDishonest'))).toEqual([85, 'B']);
    expect(graded(model, [...many(1, 'enhancing'), ...many(3, 'riskWarning')])).toEqual([89, 'B']);
    expect(graded(model, many(3, 'generalDishonest'))).toEqual([75, 'B']);
    expect(graded(model, many(8, 'riskWarning'))).toEqual([74, 'C']);
    expect(graded(model, [...many(1, 'seriousDishonest'), ...many(2, 'generalDishonest')])).toEqual([
      60,
      'C',
    ]);
    expect(
      graded(model, [
        ...many(1, 'seriousDishonest'),
        ...many(1, 'generalDishonest'),
        ...many(3, 'riskWarning'),
      ]),
    ).toEqual([59, 'D']);
    expect(graded(model, [...many(3, 'generalDishonest'), ...many(1, 'riskWarning')])).toEqual([73, 'C']);
    expect(graded(model, many(1, 'seriousDishonest'))).toEqual([70, 'C']);
    expect(graded(model, many(2, 'seriousDishonest'))).toEqual([50, 'D']);
    expect(graded(model, many(2, 'enhancing'), { listEntries: [blackListEntry] })).toEqual([100, 'D']);
  });

  it('Jinan: AAA ≥ 85, AA 80–85, A 70–80, B 60–70 or below 60 without negatives, C, "C (missing)"', () => {
    expect(graded(jinanPropertyModel, many(3, 'enhancing'))).toEqual([85, 'AAA']);
    expect(graded(jinanPropertyModel, many(2, 'enhancing'))).toEqual([80, 'AA']);
    expect(graded(jinanPropertyModel, [])).toEqual([70, 'A']);
    expect(graded(jinanPropertyModel, many(1, 'generalDishonest'))).toEqual([65, 'B']);
    expect(graded(jinanPropertyModel, many(3, 'generalDishonest'))).toEqual([55, 'C']);
    const lowBase = { ...jinanPropertyModel, baseScore: 55 };
    expect(graded(lowBase, [])).toEqual([55, 'B']);
    expect(graded(lowBase, many(1, 'riskWarning'))).toEqual([53, 'C']);
    expect(graded(jinanPropertyModel, many(3, 'enhancing'), { enrolled: false })).toEqual([85, 'C-missing']);
  });

  it('Yantai 2022: basic 80 + good capped at 40 − bad, a black-list grade', () => {
    expect(graded(yantaiPropertyModel, many(5, 'enhancing'))).toEqual([120, 'AAA']);
    expect(graded(yantaiPropertyModel, [...many(5, 'enhancing'), ...many(1, 'generalDishonest')])).toEqual([
      110,
      'AAA',
    ]);
    expect(graded(yantaiPropertyModel, many(1, 'generalDishonest'))).toEqual([70, 'A']);
    expect(graded(yantaiPropertyModel, many(1, 'seriousDishonest'))).toEqual([40, 'C']);
    expect(graded(yantaiPropertyModel, [], { listEntries: [blackListEntry] })).toEqual([80, 'blackList']);
  });

  it('Lianyungang: base 90 ± items, 4A ≥ 140 … A 85–100, B below 85 or by veto', () => {
    expect(graded(lianyungangPropertyModel, many(5, 'enhancing'))).toEqual([140, 'AAAA']);
    expect(graded(lianyungangPropertyModel, many(3, 'enhancing'))).toEqual([120, 'AAA']);
    expect(graded(lianyungangPropertyModel, many(2, 'enhancing'))).toEqual([110, 'AA']);
    expect(graded(lianyungangPropertyModel, [])).toEqual([90, 'A']);
    expect(graded(lianyungangPropertyModel, many(1, 'generalDishonest'))).toEqual([80, 'B']);
    expect(graded(lianyungangPropertyModel, many(5, 'enhancing'), { listEntries: [blackListEntry] })).toEqual(
      [140, 'B'],
    );
  });

  it('Shangqiu: AAA above 100, AA 90–100 … C 60–70, below 60 not graded', () => {
    expect(graded(shangqiuModel, many(2, 'enhancing'))).toEqual([110, 'AAA']);
    expect(graded(shangqiuModel, many(1, 'enhancing'))).toEqual([100, 'AA']);
    expect(graded(shangqiuModel, [])).toEqual([90, 'AA']);
    expect(graded(shangqiuModel, many(1, 'generalDishonest'))).toEqual([80, 'A']);
    expect(graded(shangqiuModel, many(2, 'generalDishonest'))).toEqual([70, 'B']);
    expect(graded(shangqiuModel, many(3, 'generalDishonest'))).toEqual([60, 'C']);
    expect(graded(shangqiuModel, many(1, 'seriousDishonest'))).toEqual([50, 'notGraded']);
  });

  it('gives each grade its supervision measures', () => {
    const model = defaultGradingModel('construction');
    const a = gradeSubject(file([]), model, asOf);
    const d = gradeSubject(file(many(2, 'seriousDishonest')), model, asOf);
    expect(a.measures).toEqual({ inspectionRatio: 0.05, greenChannel: true, toleranceAcceptance: true });
    expect(d.measures).toEqual({ inspectionRatio: 1, greenChannel: false, toleranceAcceptance: false });
  });
});

describe('gradeSubject at past dates', () => {
  const model = defaultGradingModel('construction');
  // Approved 2026-03-05 10:00 China time; repaired at 2026-10-01 01:00 China time (2026-09-30 17:00 UTC).
  const repaired = record('generalDishonest', '2026-03-05', '2027-03-04', [
    { action: 'repair', by: 'reviewer', at: '2026-09-30T17:00:00Z', note: '已修复' },
  ]);

  it('counts a record from approval to the day before its repair, whatever its status today', () => {
    expect(gradeSubject(file([repaired]), model, '2026-03-04').score).toBe(90);
    const during = gradeSubject(file([repaired]), model, '2026-03-05');
    expect(during.score).toBe(85);
    expect(during.contributions).toEqual([
      {
        item: 'generalDishonest',
        sourceId: repaired.id,
        points: -5,
        validFrom: '2026-03-05',
        validUntil: '2026-09-30',
      },
    ]);
    expect(gradeSubject(file([repaired]), model, '2026-09-30').grade).toBe('B');
    expect(gradeSubject(file([repaired]), model, '2026-10-01')).toMatchObject({
      score: 90,
      grade: 'A',
      contributions: [],
    });
  });

  it('counts a repaired record again from the day it is republished after a breached repair commitment', () => {
    const republished: GradedRecord = {
      ...repaired,
      status: 'approved',
      workflow: [
        ...repaired.workflow,
        { action: 'republish', by: 'reviewer', at: '2026-11-02T02:00:00Z', note: '违背信用修复承诺' },
      ],
    };
    expect(gradeSubject(file([republished]), model, '2026-10-15').score).toBe(90);
    expect(gradeSubject(file([republished]), model, '2026-11-02').score).toBe(85);
  });

  it('reads a step instant as the China date', () => {
    const late = record('generalDishonest', '2026-03-05');
    late.workflow[1] = { action: 'approve', by: 'reviewer', at: '2026-03-04T16:30:00Z', note: '' };
    expect(gradeSubject(file([late]), model, '2026-03-05').score).toBe(85);
  });

  it('does not count drafts, submissions or revoked records', () => {
    const draft: GradedRecord = { ...record('seriousDishonest'), status: 'submitted', workflow: [] };
    const revoked = record('seriousDishonest', '2026-03-05', '2027-03-04', [
      { action: 'revoke', by: 'reviewer', at: '2026-04-01T02:00:00Z', note: '' },
    ]);
    expect(gradeSubject(file([draft, revoked]), model, asOf).score).toBe(90);
  });

  it('counts through the last publicity day inclusive, not the day after', () => {
    const general = record('generalDishonest', '2026-03-05', '2026-06-04');
    expect(gradeSubject(file([general]), model, '2026-06-04').score).toBe(85);
    expect(gradeSubject(file([general]), model, '2026-06-05').score).toBe(90);
  });

  it('counts a months-valid item from its start to the same day months later, clamped to month end', () => {
    const fact: GradedFact = { id: 'inspection-1', kind: 'failedInspection', date: '2026-01-31' };
    expect(gradeSubject(file([], { facts: [fact] }), model, '2027-01-31').contributions).toEqual([
      {
        item: 'failedInspection',
        sourceId: 'inspection-1',
        points: -3,
        validFrom: '2026-01-31',
        validUntil: '2027-01-31',
      },
    ]);
    expect(gradeSubject(file([], { facts: [fact] }), model, '2027-02-01').score).toBe(90);
    const voided = { ...fact, voidedOn: '2026-05-01' };
    expect(gradeSubject(file([], { facts: [voided] }), model, '2026-04-30').score).toBe(87);
    expect(gradeSubject(file([], { facts: [voided] }), model, '2026-05-01').score).toBe(90);
  });

  it('Yantai: an item counts for its record period, or one year where the record has no end', () => {
    const open = record('enhancing', '2026-01-10', '');
    const closed = record('enhancing', '2026-01-10', '2026-06-30');
    expect(gradeSubject(file([open, closed]), yantaiPropertyModel, '2026-06-30').score).toBe(100);
    expect(gradeSubject(file([open, closed]), yantaiPropertyModel, '2026-07-01').score).toBe(90);
    expect(gradeSubject(file([open]), yantaiPropertyModel, '2027-01-10').score).toBe(90);
    expect(gradeSubject(file([open]), yantaiPropertyModel, '2027-01-11').score).toBe(80);
  });

  it('applies the veto only while the list entry is active', () => {
    const exited = { ...blackListEntry, exitedOn: '2026-05-01' };
    expect(gradeSubject(file([], { listEntries: [exited] }), model, '2026-04-30')).toMatchObject({
      grade: 'D',
      vetoedBy: 'entry-1',
    });
    expect(gradeSubject(file([], { listEntries: [exited] }), model, '2026-05-01')).toMatchObject({
      grade: 'A',
      vetoedBy: '',
    });
    expect(gradeSubject(file([], { listEntries: [blackListEntry] }), model, '2026-03-31').grade).toBe('A');
  });

  it('prefers an item naming the catalog item over one naming the category', () => {
    const specific: GradingModel = {
      ...model,
      items: [
        ...model.items,
        {
          code: 'unlicensed',
          name: { zh: '无证施工', en: 'Unlicensed works' },
          kind: 'record',
          catalogCode: 'X-generalDishonest',
          points: -12,
          validity: { kind: 'publicity' },
        },
      ],
    };
    expect(gradeSubject(file(many(1, 'generalDishonest')), specific, asOf).score).toBe(78);
  });
});

describe('model versions and validation', () => {
  it('picks the latest version in force on the date', () => {
    const v1 = defaultGradingModel('construction');
    const v2 = { ...v1, version: 2, validFrom: '2027-01-01', baseScore: 80 };
    expect(modelInForce([v2, v1], 'construction', '2026-12-31')).toBe(v1);
    expect(modelInForce([v1, v2], 'construction', '2027-01-01')).toBe(v2);
    expect(modelInForce([v1, v2], 'propertyServices', '2027-01-01')).toBeUndefined();
  });

  it('names each broken rule of a published model', () => {
    const base = defaultGradingModel('construction');
    const broken: GradingModel = {
      ...base,
      version: 0,
      items: [
        { ...base.items[0]!, category: 'gossip' },
        { ...base.items[0]!, catalogCode: 'JZ-YB-01' },
        {
          code: 'free',
          name: { zh: '自由项', en: 'Free' },
          kind: 'record',
          catalogCode: 'NOPE',
          points: 0,
          validity: { kind: 'months', months: 0 },
        },
        { ...base.items[4]!, validity: { kind: 'publicity' } },
      ],
      grades: [
        ...base.grades,
        { ...base.grades[0]!, measures: { ...base.grades[0]!.measures, inspectionRatio: 1.5 } },
      ],
      bands: [
        { grade: 'B', min: 75 },
        { grade: 'A', min: 90 },
        { grade: 'E', min: 0 },
      ],
      veto: { lists: [], grade: 'Z' },
    };
    const result = validateGradingModel(broken, {
      catalog: defaultCatalog,
      categories: defaultCreditCategories,
    });
    expect(result.ok).toBe(false);
    const codes = result.ok ? [] : result.issues.map((entry) => `${entry.field}:${entry.code}`);
    expect(codes).toEqual([
      'version:grading.version',
      'items.0.category:grading.unknownCategory',
      'items.1.code:grading.itemCodeDuplicate',
      'items.1:grading.itemTarget',
      'items.2.catalogCode:grading.unknownCatalogItem',
      'items.2.points:grading.points',
      'items.2.validity:grading.validityMonths',
      'items.3.validity:grading.validityNeedsRecord',
      'grades.4.code:grading.gradeDuplicate',
      'grades.4.measures.inspectionRatio:grading.inspectionRatio',
      'bands.1.min:grading.bandOrder',
      'bands.2.grade:grading.unknownGrade',
      'bands:grading.noFallbackBand',
      'veto.grade:grading.unknownGrade',
    ]);
  });

  it('refuses overlapping thresholds: a band starting where the one above starts is never reached', () => {
    const base = defaultGradingModel('construction');
    const context = { catalog: defaultCatalog, categories: defaultCreditCategories };
    const overlapping = {
      ...base,
      bands: [{ grade: 'A', min: 90 }, { grade: 'B', min: 90 }, { grade: 'D' }],
    };
    const result = validateGradingModel(overlapping, context);
    expect(result.ok ? [] : result.issues).toEqual([
      { field: 'bands.1.min', code: 'grading.bandOverlap', params: { grade: 'B', min: 90 } },
    ]);
    // Above 90 exclusive, then exactly 90: both reachable.
    const split = {
      ...base,
      bands: [{ grade: 'A', min: 90, exclusive: true }, { grade: 'B', min: 90 }, { grade: 'D' }],
    };
    expect(validateGradingModel(split, context).ok).toBe(true);
  });
});
