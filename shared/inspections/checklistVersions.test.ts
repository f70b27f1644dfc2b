import { describe, expect, it } from 'vitest';
import { capabilities } from '../capabilities.ts';
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { republishIssues, type RuleSetDocument, validateRuleSet } from '../grading/ruleSet.ts';
import { validateReferenceDocument } from '../sync/documentValidators.ts';
import { type ChecklistTemplate, defaultTemplateFor } from './checklists.ts';
import {
  checklistInForce,
  checklistVersion,
  latestChecklistItem,
  nextChecklistDraft,
  publishedChecklists,
} from './checklistVersions.ts';
import { inspectionMessages } from './messages.ts';

const context = { catalog: defaultCatalog, categories: defaultCreditCategories };
const stamps = {
  id: '018f0000-0000-7000-8000-000000000001',
  county: '000000',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'city',
  updatedBy: 'city',
};

/** Version 2 of the construction checklist: the default with one more core item. */
function version2(): ChecklistTemplate {
  const base = structuredClone(defaultTemplateFor('construction'));
  return {
    ...base,
    version: 2,
    items: [
      ...base.items,
      {
        code: 'SG-99',
        text: { zh: '施工现场扬尘治理措施落实', en: 'Dust control measures in place on site' },
        basis: ['《建设工程安全生产管理条例》'],
        catalogCode: base.items[0]!.catalogCode,
        level: 1,
      },
    ],
  };
}

function published(checklist: ChecklistTemplate, validFrom = '2026-06-01'): RuleSetDocument {
  return {
    ...stamps,
    kind: 'ruleSet',
    ruleSet: 'checklist',
    code: checklist.industry,
    version: checklist.version,
    validFrom,
    checklist,
  };
}

const codesOf = (doc: RuleSetDocument) =>
  validateRuleSet(doc, context).map((found) => `${found.field} ${found.code}`);

describe('published checklist versions', () => {
  it('accept a valid version, on the device and on the platform', () => {
    expect(validateRuleSet(published(version2()), context)).toEqual([]);
    expect(validateReferenceDocument(published(version2()), { today: '2026-06-01' })).toEqual([]);
  });

  it('refuse an empty item, an unknown catalog item, a duplicate item code and a missing legal basis', () => {
    const broken = version2();
    broken.items[0] = { ...broken.items[0]!, text: { zh: ' ', en: 'Permit' } };
    broken.items[1] = { ...broken.items[1]!, catalogCode: 'XX-NO-99' };
    broken.items[2] = { ...broken.items[2]!, code: broken.items[3]!.code };
    broken.items[4] = { ...broken.items[4]!, basis: [] };
    expect(codesOf(published(broken))).toEqual([
      'checklist.items.0 inspection.template.itemEmpty',
      'checklist.items.1.catalogCode inspection.template.unknownCatalogItem',
      'checklist.items.3.code inspection.template.itemCodeTwice',
      'checklist.items.4.basis inspection.template.basisMissing',
    ]);
  });

  it('name each refusal in zh-CN and English', () => {
    for (const code of ['itemEmpty', 'unknownCatalogItem', 'itemCodeTwice', 'basisMissing']) {
      const key = `validation.inspection.template.${code}` as keyof typeof inspectionMessages.en;
      expect(inspectionMessages['zh-CN'][key]).toMatch(/[\u4e00-\u9fff]/);
      expect(inspectionMessages.en[key]).toMatch(/^[A-Z]/);
    }
  });

  it('refuse the built-in version number, a head that differs and an unknown industry', () => {
    const first = { ...version2(), version: 1 };
    expect(codesOf(published(first))).toEqual(['version inspection.template.versionOfDefault']);
    expect(codesOf({ ...published(version2()), version: 3 })).toEqual([
      'checklist inspection.template.headMismatch',
    ]);
    expect(codesOf({ ...published(version2()), code: 'lifts' })).toEqual([
      'code inspection.template.industry',
    ]);
    expect(codesOf({ ...published(version2()), checklist: undefined })).toEqual([
      'checklist ruleSet.contentMissing',
    ]);
  });

  it('refuse a malformed template on the platform before its rules run', () => {
    const doc = published(version2()) as unknown as { checklist: { items: object[] } };
    doc.checklist.items[0] = { code: 'SG-01' };
    const found = validateReferenceDocument(doc, { today: '2026-06-01' }).map((one) => one.code);
    expect(found).toContain('missing');
  });

  it('never change once published', () => {
    const changed = version2();
    changed.items[0] = { ...changed.items[0]!, level: 3 };
    expect(republishIssues(published(version2()), published(version2()))).toEqual([]);
    expect(republishIssues(published(version2()), published(changed)).map((one) => one.code)).toEqual([
      'ruleSet.versionPublished',
    ]);
  });
});

describe('the checklist a device uses', () => {
  const versions = publishedChecklists([published(version2())]);

  it('is the default until a published version is in force, then the published one', () => {
    expect(checklistInForce([], 'construction', '2026-07-01').version).toBe(1);
    expect(checklistInForce(versions, 'construction', '2026-05-31').version).toBe(1);
    expect(checklistInForce(versions, 'construction', '2026-06-01').version).toBe(2);
    expect(checklistInForce(versions, 'propertyServices', '2026-07-01')).toBe(
      defaultTemplateFor('propertyServices'),
    );
  });

  it('reaches the device writer through the inspections descriptor, other reference kinds ignored', () => {
    const catalogItem = { ...defaultCatalog[0]!, kind: 'catalogItem' };
    const context = capabilities.validationContext(
      ['inspections'],
      [published(version2()) as unknown as Record<string, unknown>, catalogItem],
    );
    expect(context).toEqual({ checklists: versions });
  });

  it('is the latest start, then the highest number, among versions in force', () => {
    const third = publishedChecklists([
      published(version2()),
      published({ ...version2(), version: 3 }, '2026-06-01'),
      published({ ...version2(), version: 4 }, '2026-09-01'),
    ]);
    expect(checklistInForce(third, 'construction', '2026-08-01').version).toBe(3);
    expect(checklistInForce(third, 'construction', '2026-09-01').version).toBe(4);
  });

  it('renders an inspection with the version it recorded', () => {
    expect(checklistVersion(versions, 'construction', 1)).toBe(defaultTemplateFor('construction'));
    expect(checklistVersion(versions, 'construction', 2)?.items.at(-1)?.code).toBe('SG-99');
    expect(checklistVersion(versions, 'construction', 7)).toBeUndefined();
    expect(latestChecklistItem(versions, 'construction', 'SG-99')?.text.en).toMatch(/Dust/);
    expect(latestChecklistItem([], 'construction', 'SG-99')).toBeUndefined();
  });
});

describe('the draft of a next version', () => {
  it('is a publishable document of the version in force, renumbered, that stays valid once edited', () => {
    const inForce = defaultTemplateFor('realEstateBrokerage');
    const [draft] = nextChecklistDraft(inForce, {
      city: '410800',
      validFrom: '2026-07-01',
      at: '2026-06-01T00:00:00.000Z',
      by: 'admin',
    });
    const doc = { ...draft!, id: stamps.id } as RuleSetDocument;
    expect([doc.code, doc.version, doc.checklist?.version]).toEqual(['realEstateBrokerage', 2, 2]);
    expect(doc.checklist?.items).toEqual(inForce.items);
    expect(doc.checklist).not.toBe(inForce);
    expect(validateReferenceDocument(doc, { today: '2026-06-01' })).toEqual([]);
    doc.checklist!.items.push({ ...doc.checklist!.items[0]!, code: 'JJ-99' });
    expect(validateRuleSet(doc, context)).toEqual([]);
    doc.checklist!.items.push({ ...doc.checklist!.items[0]! });
    expect(codesOf(doc)).toEqual([
      `checklist.items.${doc.checklist!.items.length - 1}.code inspection.template.itemCodeTwice`,
    ]);
  });
});
