import { describe, expect, it } from 'vitest';
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import type { GradingModel } from './model.ts';
import { validateGradingModel } from './model.ts';
import { gradingMessages } from './messages.ts';
import { defaultGradingModel } from './publishedModels.ts';
import { checkRepairEligibility, defaultRepairConfig } from './repair.ts';
import { type RuleSetDocument, republishIssues, validateRuleSet } from './ruleSet.ts';
import { defaultListRules } from '../lists/rules.ts';

const zh = gradingMessages['zh-CN'];
const en = gradingMessages.en;

function codesOf(result: { ok: boolean; issues?: { code: string }[] }): string[] {
  return (result.issues ?? []).map((entry) => entry.code);
}

describe('grading messages', () => {
  it('zh-CN and en hold the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('every grading and repair issue code has a message', () => {
    const base = defaultGradingModel('construction');
    const broken: GradingModel = {
      ...base,
      version: 0,
      baseScore: Number.NaN,
      bonusCap: -1,
      items: [
        ...Array.from({ length: 201 }, () => ({ ...base.items[0]!, category: 'gossip', points: 0 })),
        { ...base.items[4]!, catalogCode: 'NOPE', validity: { kind: 'publicity' as const } },
        { ...base.items[5]!, validity: { kind: 'months' as const, months: 0 } },
      ],
      grades: [
        ...base.grades,
        ...Array.from({ length: 12 }, () => ({
          ...base.grades[0]!,
          measures: { ...base.grades[0]!.measures, inspectionRatio: 2 },
        })),
      ],
      bands: [
        { grade: 'B', min: 75 },
        { grade: 'A', min: 90 },
        { grade: 'A', min: 90 },
        { grade: 'E', min: 0 },
      ],
    };
    const published: RuleSetDocument = {
      id: 'x',
      county: '000000',
      createdAt: '',
      updatedAt: '',
      createdBy: '',
      updatedBy: '',
      kind: 'ruleSet',
      ruleSet: 'scoringModel',
      code: 'other',
      version: 1,
      validFrom: base.validFrom,
      model: base,
    };
    const ruleSetCodes = [
      ...validateRuleSet(published, { catalog: [], categories: defaultCreditCategories }),
      ...validateRuleSet({ ...published, model: undefined }, { catalog: [], categories: [] }),
      ...validateRuleSet(
        {
          ...published,
          ruleSet: 'listRules',
          model: undefined,
          listRules: [defaultListRules[2]!, defaultListRules[2]!],
        },
        { catalog: [], categories: [] },
      ),
      ...republishIssues(published, { ...published, validFrom: '2030-01-01' }),
    ].map((found) => found.code);
    const item = {
      category: 'riskWarning',
      industries: ['other' as const],
      publicity: { whileValid: false, minMonths: 3, maxMonths: 12, defaultMonths: 6 },
    };
    const refusedRecord = {
      catalogCode: 'X',
      category: 'riskWarning',
      status: 'repaired' as const,
      publicityStart: '2026-04-01',
    };
    const excluded = {
      ...defaultRepairConfig,
      nonRepairable: [{ code: 'r', basis: 'b', catalogCodes: ['X'] }],
    };
    const repair = checkRepairEligibility(
      refusedRecord,
      item,
      defaultCreditCategories,
      { applicationDate: '2026-05-01', commitment: null, obligationsPerformed: false },
      excluded,
    );
    const badDate = checkRepairEligibility(refusedRecord, item, defaultCreditCategories, {
      applicationDate: 'soon',
      commitment: null,
      obligationsPerformed: true,
    });
    const codes = new Set([
      ...codesOf(validateGradingModel(broken, { catalog: [], categories: defaultCreditCategories })),
      ...codesOf(repair),
      ...codesOf(badDate),
      ...ruleSetCodes,
    ]);
    const own = [...codes].filter((code) => /^(grading|repair|ruleSet)\./.test(code));
    expect(own.map((code) => `validation.${code}`).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
});
