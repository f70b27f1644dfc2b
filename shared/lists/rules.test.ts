import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { type CreditFile, type GradedRecord, gradeSubject } from '../grading/grade.ts';
import { defaultGradingModel } from '../grading/publishedModels.ts';
import type { WorkflowEntry } from '../creditRecords/model.ts';
import {
  checkListEntryProposal,
  defaultListRules,
  exitReason,
  type ListEntry,
  type ListRule,
  type ListSubject,
  suggestListEntries,
  validateListRule,
} from './rules.ts';

const dishonestCategories = ['generalDishonest', 'seriousDishonest'];
const builder: ListSubject = { industry: 'construction', grade: 'C', dishonestCategories };
const developer: ListSubject = { industry: 'realEstateDevelopment', grade: 'C', dishonestCategories };
const rule = (code: string): ListRule => defaultListRules.find((candidate) => candidate.code === code)!;

function record(
  id: string,
  catalogCode: string,
  category: string,
  decided: string,
  later: WorkflowEntry[] = [],
): GradedRecord {
  return {
    id,
    catalogCode,
    category,
    status: 'approved',
    decisionDate: decided,
    publicityStart: decided,
    publicityEnd: '2029-12-31',
    workflow: [
      { action: 'submit', by: 'clerk', at: `${decided}T01:00:00Z`, note: '' },
      { action: 'approve', by: 'reviewer', at: `${decided}T02:00:00Z`, note: '' },
      ...later,
    ],
  };
}

const file = (records: GradedRecord[], listEntries: ListEntry[] = []): CreditFile => ({
  subjectId: 'subject-1',
  enrolled: true,
  records,
  listEntries,
});
const serious = record('r1', 'JZ-YZ-02', 'seriousDishonest', '2026-03-05');

function entryFrom(code: string, start: string, end: string, triggeredBy: string[]): ListEntry {
  const { list, basis } = rule(code);
  return { id: 'entry-1', list, rule: code, basis, triggeredBy, start, end };
}

describe('list rules as data', () => {
  it('the default rules validate, each with a legal basis', () => {
    for (const candidate of defaultListRules) {
      expect(validateListRule(candidate, { catalog: defaultCatalog })).toEqual({
        ok: true,
        value: candidate,
      });
    }
  });

  it('refuses a rule without basis, with unknown items, bad counts and periods', () => {
    const broken: ListRule = {
      ...rule('constructionBlackList'),
      basis: ['  '],
      periodMonths: 0,
      entry: { kind: 'records', catalogCodes: ['NOPE'], minCount: 0, withinMonths: 121 },
    };
    const result = validateListRule(broken, { catalog: defaultCatalog });
    expect(result.ok ? [] : result.issues.map((entry) => entry.code)).toEqual([
      'lists.basisRequired',
      'lists.months',
      'lists.unknownCatalogItem',
      'lists.minCount',
      'lists.months',
    ]);
    const red: ListRule = { ...rule('redList'), entry: { kind: 'grade', grades: [] } };
    expect(validateListRule(red, { catalog: defaultCatalog })).toEqual({
      ok: false,
      issues: [{ field: 'entry.grades', code: 'lists.noGrades' }],
    });
  });
});

describe('suggested entries', () => {
  it('a serious construction penalty suggests the construction black list for its period', () => {
    expect(suggestListEntries(defaultListRules, builder, file([serious]), '2026-03-05')).toEqual([
      {
        rule: 'constructionBlackList',
        list: 'seriousDishonesty',
        basis: rule('constructionBlackList').basis,
        triggeredBy: ['r1'],
        start: '2026-03-05',
        end: '2027-03-05',
      },
    ]);
  });

  it('a serious developer penalty suggests the real-estate market list for 36 months', () => {
    const penalty = record('r2', 'FK-YZ-01', 'seriousDishonest', '2026-05-10');
    const [suggestion] = suggestListEntries(defaultListRules, developer, file([penalty]), '2026-06-01');
    expect(suggestion).toMatchObject({
      rule: 'realEstateBlackList',
      list: 'realEstateSeriousDishonesty',
      end: '2029-06-01',
    });
    expect(suggestListEntries(defaultListRules, builder, file([penalty]), '2026-06-01')).toEqual([]);
  });

  it('counts only records decided within the window, still counting, not already listed', () => {
    expect(suggestListEntries(defaultListRules, builder, file([serious]), '2027-03-04')).toHaveLength(1);
    expect(suggestListEntries(defaultListRules, builder, file([serious]), '2027-03-05')).toEqual([]);
    expect(suggestListEntries(defaultListRules, builder, file([serious]), '2026-03-04')).toEqual([]);
    const repaired = record('r3', 'JZ-YZ-02', 'seriousDishonest', '2026-03-05', [
      { action: 'repair', by: 'reviewer', at: '2026-04-01T02:00:00Z', note: '' },
    ]);
    expect(suggestListEntries(defaultListRules, builder, file([repaired]), '2026-04-01')).toEqual([]);
    const listed = entryFrom('constructionBlackList', '2026-03-05', '2027-03-05', ['r1']);
    expect(suggestListEntries(defaultListRules, builder, file([serious], [listed]), '2026-06-01')).toEqual(
      [],
    );
  });

  it('the red list takes a qualifying grade with no dishonesty and no black-list entry', () => {
    const top = { ...developer, grade: 'A' };
    expect(suggestListEntries(defaultListRules, top, file([]), '2026-06-01')).toMatchObject([
      { rule: 'redList', triggeredBy: [], end: '2027-06-01' },
    ]);
    expect(suggestListEntries(defaultListRules, { ...top, grade: 'B' }, file([]), '2026-06-01')).toEqual([]);
    const general = record('r4', 'FK-YB-01', 'generalDishonest', '2026-05-01');
    expect(suggestListEntries(defaultListRules, top, file([general]), '2026-06-01')).toEqual([]);
    const black = entryFrom('realEstateBlackList', '2026-01-01', '2028-12-31', ['r9']);
    expect(suggestListEntries(defaultListRules, top, file([], [black]), '2026-06-01')).toEqual([]);
  });

  it('a grade-based black list (Shangqiu: C and below) takes dishonest subjects and lets them go on regrading', () => {
    const shangqiuBlack: ListRule = {
      ...rule('realEstateBlackList'),
      code: 'shangqiuBlackList',
      entry: { kind: 'grade', grades: ['C', 'notGraded'] },
      periodMonths: 12,
    };
    const general = record('r4', 'FK-YB-01', 'generalDishonest', '2026-05-01');
    const low = { ...developer, grade: 'notGraded' };
    expect(suggestListEntries([shangqiuBlack], low, file([general]), '2026-06-01')).toMatchObject([
      { rule: 'shangqiuBlackList', list: 'realEstateSeriousDishonesty', end: '2027-06-01' },
    ]);
    const listed: ListEntry = {
      id: 'entry-2',
      list: 'realEstateSeriousDishonesty',
      rule: 'shangqiuBlackList',
      basis: ['b'],
      triggeredBy: [],
      start: '2026-06-01',
      end: '2027-06-01',
    };
    expect(exitReason(listed, shangqiuBlack, low, file([general], [listed]), '2026-07-01')).toBeNull();
    expect(
      exitReason(listed, shangqiuBlack, { ...low, grade: 'B' }, file([general], [listed]), '2026-07-01'),
    ).toBe('noLongerQualifies');
  });
});

describe('exits', () => {
  const entry = entryFrom('constructionBlackList', '2026-03-05', '2027-03-05', ['r1']);

  it('a repaired or revoked trigger exits from its day, revoked named first', () => {
    const repaired = record('r1', 'JZ-YZ-02', 'seriousDishonest', '2026-03-05', [
      { action: 'repair', by: 'reviewer', at: '2026-09-01T02:00:00Z', note: '' },
    ]);
    const exit = (records: GradedRecord[], on: string) =>
      exitReason(entry, rule('constructionBlackList'), builder, file(records), on);
    expect(exit([repaired], '2026-08-31')).toBeNull();
    expect(exit([repaired], '2026-09-01')).toBe('repaired');
    const revoked = {
      ...repaired,
      workflow: [
        ...serious.workflow,
        { action: 'revoke' as const, by: 'reviewer', at: '2026-09-01T02:00:00Z', note: '' },
      ],
    };
    expect(exit([revoked], '2026-09-01')).toBe('revoked');
  });

  it('leaves when the period ended, the day after its last day', () => {
    const exit = (on: string) =>
      exitReason(entry, rule('constructionBlackList'), builder, file([serious]), on);
    expect(exit('2027-03-05')).toBeNull();
    expect(exit('2027-03-06')).toBe('periodEnded');
  });

  it('a red-list entry leaves when the grade drops or dishonesty appears', () => {
    const red = entryFrom('redList', '2026-06-01', '2027-06-01', []);
    const top = { ...developer, grade: 'A' };
    expect(exitReason(red, rule('redList'), top, file([]), '2026-07-01')).toBeNull();
    expect(exitReason(red, rule('redList'), { ...top, grade: 'B' }, file([]), '2026-07-01')).toBe(
      'noLongerQualifies',
    );
    const general = record('r4', 'FK-YB-01', 'generalDishonest', '2026-06-15');
    expect(exitReason(red, rule('redList'), top, file([general]), '2026-07-01')).toBe('noLongerQualifies');
  });

  it('end to end: listed on a serious penalty, lowest grade, repaired, exits, grade recovers', () => {
    const model = defaultGradingModel('construction');
    const [suggestion] = suggestListEntries(defaultListRules, builder, file([serious]), '2026-03-05');
    const listed: ListEntry = { id: 'entry-1', ...suggestion! };
    expect(gradeSubject(file([serious], [listed]), model, '2026-06-01')).toMatchObject({
      score: 70,
      grade: 'D',
      vetoedBy: 'entry-1',
    });
    const repaired = {
      ...serious,
      workflow: [
        ...serious.workflow,
        { action: 'repair' as const, by: 'reviewer', at: '2027-03-05T02:00:00Z', note: '' },
      ],
    };
    expect(
      exitReason(listed, rule('constructionBlackList'), builder, file([repaired], [listed]), '2027-03-05'),
    ).toBe('repaired');
    const exited = { ...listed, exitedOn: '2027-03-05' };
    expect(gradeSubject(file([repaired], [exited]), model, '2027-03-05')).toMatchObject({
      score: 90,
      grade: 'A',
      vetoedBy: '',
    });
    expect(gradeSubject(file([repaired], [exited]), model, '2026-06-01').grade).toBe('D');
  });
});

describe('entry proposals', () => {
  it('refuses a proposal without basis, rule, trigger or sound dates, naming each rule', () => {
    const proposal: ListEntry = {
      ...entryFrom('constructionBlackList', '2026-03-05', '2026-03-01', []),
      basis: [],
    };
    expect(checkListEntryProposal(proposal, defaultListRules).map((entry) => entry.code)).toEqual([
      'lists.basisRequired',
      'lists.noTrigger',
      'lists.endBeforeStart',
    ]);
    expect(checkListEntryProposal({ ...proposal, rule: 'invented' }, defaultListRules)[0]).toEqual({
      field: 'rule',
      code: 'lists.unknownRule',
      params: { rule: 'invented' },
    });
    expect(
      checkListEntryProposal(
        entryFrom('constructionBlackList', '2026-03-05', '2027-03-05', ['r1']),
        defaultListRules,
      ),
    ).toEqual([]);
  });
});
