import { describe, expect, it } from 'vitest';
import { type ChecklistTemplate, defaultTemplateFor, itemsAtDepth } from './checklists.ts';
import { checklistConformance } from './checklistConformance.ts';
import type { PublishedChecklist } from './checklistVersions.ts';
import { inspectionMessages } from './messages.ts';

/** Version 2 of the construction checklist: one more item, checked only at full depth. */
function version2(): ChecklistTemplate {
  const base = structuredClone(defaultTemplateFor('construction'));
  const added = { ...base.items[0]!, code: 'SG-99', level: 3 as const };
  return { ...base, version: 2, items: [...base.items, added] };
}

const published: PublishedChecklist[] = [{ validFrom: '2026-03-01', template: version2() }];

function use(version: number, depth: 'basic' | 'standard' | 'full', codes: string[], result = '') {
  return {
    templateIndustry: 'construction' as const,
    templateVersion: version,
    depth,
    items: codes.map((code) => ({ code, result })),
  };
}

const codesAt = (template: ChecklistTemplate, depth: 'basic' | 'standard' | 'full') =>
  itemsAtDepth(template, depth).map((item) => item.code);

describe('an inspection against the checklist version it names', () => {
  it('passes with the items of its depth, in the built-in or a published version', () => {
    const builtIn = defaultTemplateFor('construction');
    expect(checklistConformance(use(1, 'standard', codesAt(builtIn, 'standard'), 'compliant'), [])).toEqual(
      [],
    );
    expect(checklistConformance(use(2, 'full', codesAt(version2(), 'full'), 'compliant'), published)).toEqual(
      [],
    );
  });

  it('refuses a version nobody published', () => {
    expect(checklistConformance(use(2, 'basic', ['SG-01']), [])).toEqual([
      { field: 'templateVersion', code: 'inspection.templateUnknown', params: { version: 2 } },
    ]);
  });

  it('refuses an item code the version does not hold', () => {
    // SG-99 exists in version 2 only.
    expect(checklistConformance(use(1, 'full', ['SG-01', 'SG-99']), published)).toEqual([
      { field: 'items.1.code', code: 'inspection.itemNotInTemplate', params: { code: 'SG-99', version: 1 } },
    ]);
  });

  it('refuses a result on an item deeper than the recorded depth, not the item left unanswered', () => {
    const deep = use(2, 'standard', ['SG-01', 'SG-99']);
    expect(checklistConformance(deep, published)).toEqual([]);
    deep.items[1] = { code: 'SG-99', result: 'nonCompliant' };
    expect(checklistConformance(deep, published)).toEqual([
      { field: 'items.1.result', code: 'inspection.itemNotAtDepth', params: { code: 'SG-99' } },
    ]);
  });

  it('names every refusal in both languages', () => {
    for (const code of ['templateUnknown', 'itemNotInTemplate', 'itemNotAtDepth']) {
      for (const language of ['zh-CN', 'en'] as const)
        expect(inspectionMessages[language]).toHaveProperty([`validation.inspection.${code}`]);
    }
  });
});
