import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { defaultListRules } from '../lists/rules.ts';
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import { type CreditFile, gradeSubject } from './grade.ts';
import { gradingMessages } from './messages.ts';
import type { GradingModel } from './model.ts';
import { defaultGradingModel, publishedModels } from './publishedModels.ts';
import {
  everyListRule,
  gradingModelFor,
  listRulesInForce,
  publishedGradingModels,
  republishIssues,
  type RuleSetDocument,
  ruleSetId,
  validateRuleSet,
} from './ruleSet.ts';

const context = { catalog: defaultCatalog, categories: defaultCreditCategories };
const stamps = {
  county: '000000',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'city',
  updatedBy: 'city',
};

function modelVersion(model: GradingModel): RuleSetDocument {
  return {
    ...stamps,
    id: `${model.code}-${model.version}`,
    kind: 'ruleSet',
    ruleSet: 'scoringModel',
    code: model.code,
    version: model.version,
    validFrom: model.validFrom,
    model,
  };
}

function rulesVersion(
  version: number,
  validFrom: string,
  listRules = [...defaultListRules],
): RuleSetDocument {
  return {
    ...stamps,
    id: `rules-${version}`,
    kind: 'ruleSet',
    ruleSet: 'listRules',
    code: 'city',
    version,
    validFrom,
    listRules,
  };
}

/** A serious penalty approved on 2026-03-01 (no workflow: imported as approved). */
const file: CreditFile = {
  subjectId: 's1',
  enrolled: true,
  records: [
    {
      id: 'r1',
      catalogCode: 'JZ-YZ-02',
      category: 'seriousDishonest',
      status: 'approved',
      decisionDate: '2026-03-01',
      publicityStart: '2026-03-01',
      publicityEnd: '2029-03-01',
      workflow: [],
    },
  ],
};

describe('rule sets published by the city', () => {
  it('carries every published model of the reference as configuration alone', () => {
    for (const model of [defaultGradingModel('construction'), ...publishedModels]) {
      const published = JSON.parse(JSON.stringify(modelVersion(model))) as RuleSetDocument;
      expect(validateRuleSet(published, context)).toEqual([]);
      const [fromDocument] = publishedGradingModels([published]);
      expect(gradeSubject(file, fromDocument!, '2026-06-01')).toEqual(
        gradeSubject(file, model, '2026-06-01'),
      );
    }
  });

  it('grades under the city version in force on the date, and the default before it', () => {
    const v1 = { ...defaultGradingModel('construction'), code: 'city-construction', validFrom: '2026-07-01' };
    const v2 = { ...v1, version: 2, validFrom: '2027-01-01', baseScore: 100 };
    const published = publishedGradingModels([
      modelVersion(v2),
      modelVersion(v1),
      rulesVersion(1, '2026-01-01'),
    ]);
    expect(gradingModelFor(published, 'construction', '2026-06-30').code).toBe('default-construction');
    const mid = gradeSubject(file, gradingModelFor(published, 'construction', '2026-12-31'), '2026-12-31');
    expect(mid).toMatchObject({ modelCode: 'city-construction', modelVersion: 1, score: 70 });
    const later = gradeSubject(file, gradingModelFor(published, 'construction', '2027-01-01'), '2027-01-01');
    expect(later).toMatchObject({ modelVersion: 2, score: 80 });
    expect(gradingModelFor(published, 'propertyServices', '2027-01-01').code).toBe(
      'default-propertyServices',
    );
  });

  it('takes the list rules of the latest version in force, and keeps every rule ever published', () => {
    const narrowed = defaultListRules.filter((rule) => rule.code !== 'redList');
    const docs = [
      rulesVersion(1, '2026-01-01', narrowed),
      rulesVersion(2, '2027-01-01', [defaultListRules[0]!]),
    ];
    expect(listRulesInForce([], '2026-06-01')).toBe(defaultListRules);
    expect(listRulesInForce(docs, '2026-06-01').map((rule) => rule.code)).toEqual(
      narrowed.map((r) => r.code),
    );
    expect(listRulesInForce(docs, '2027-01-01').map((rule) => rule.code)).toEqual(['constructionBlackList']);
    expect(
      everyListRule(docs)
        .map((rule) => rule.code)
        .sort(),
    ).toEqual(defaultListRules.map((rule) => rule.code).sort());
  });

  it('derives one id per variant, code and version', async () => {
    const a = await ruleSetId('scoringModel', 'city', 1);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await ruleSetId('scoringModel', 'city', 2)).not.toBe(a);
    expect(await ruleSetId('listRules', 'city', 1)).not.toBe(a);
    expect(await ruleSetId('scoringModel', 'city', 1)).toBe(a);
  });

  it('refuses a model with overlapping thresholds or an item on an unknown catalog code, naming the rule', () => {
    const base = defaultGradingModel('construction');
    const broken: GradingModel = {
      ...base,
      items: [{ ...base.items[0]!, category: undefined, catalogCode: 'XX-99' }],
      bands: [{ grade: 'A', min: 90 }, { grade: 'B', min: 90 }, { grade: 'D' }],
    };
    const issues = validateRuleSet(modelVersion(broken), context);
    expect(issues.map((found) => `${found.field}:${found.code}`)).toEqual([
      'model.items.0.catalogCode:grading.unknownCatalogItem',
      'model.bands.1.min:grading.bandOverlap',
    ]);
    for (const found of issues) expect(gradingMessages.en[`validation.${found.code}`]).toBeDefined();
  });

  it('refuses a list rule without basis, a repeated rule code, a mismatched head and missing content', () => {
    const [first] = defaultListRules;
    const rules = [{ ...first!, basis: [' '] }, first!];
    expect(
      validateRuleSet(rulesVersion(1, '2026-01-01', rules), context).map((f) => `${f.field}:${f.code}`),
    ).toEqual(['listRules.0.basis:lists.basisRequired', 'listRules.1.code:ruleSet.ruleCodeDuplicate']);
    const model = defaultGradingModel('construction');
    expect(validateRuleSet({ ...modelVersion(model), version: 2 }, context)).toEqual([
      { field: 'model', code: 'ruleSet.headMismatch' },
    ]);
    expect(validateRuleSet(rulesVersion(1, '2026-01-01', []), context)).toEqual([
      { field: 'listRules', code: 'ruleSet.contentMissing' },
    ]);
    const { model: _dropped, ...empty } = modelVersion(model);
    expect(validateRuleSet(empty, context)).toEqual([{ field: 'model', code: 'ruleSet.contentMissing' }]);
  });
});

describe('republishing a version', () => {
  it('refuses other content under a published version and accepts the same content again', () => {
    const published = rulesVersion(1, '2026-01-01');
    expect(republishIssues(undefined, published)).toEqual([]);
    expect(republishIssues(published, { ...published, updatedAt: '2026-02-01T00:00:00.000Z' })).toEqual([]);
    expect(republishIssues(published, { ...published, listRules: [defaultListRules[0]!] })).toEqual([
      { field: 'version', code: 'ruleSet.versionPublished' },
    ]);
  });
});
