import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import {
  checklistDepths,
  checklistIndustries,
  defaultChecklistTemplates,
  defaultDepthPolicy,
  defaultTemplateFor,
  depthFor,
  itemsAtDepth,
  validateTemplate,
} from './checklists.ts';

describe('default checklist templates', () => {
  it('cover each industry with at least 15 items, each valid against the catalog', () => {
    expect(defaultChecklistTemplates.map((t) => t.industry)).toEqual([...checklistIndustries]);
    for (const template of defaultChecklistTemplates) {
      expect(template.items.length).toBeGreaterThanOrEqual(15);
      expect(validateTemplate(template, defaultCatalog)).toEqual([]);
    }
  });

  it('map failures to a risk warning or dishonest catalog item', () => {
    for (const template of defaultChecklistTemplates) {
      for (const item of template.items) {
        const target = defaultCatalog.find((entry) => entry.code === item.catalogCode)!;
        expect(['riskWarning', 'generalDishonest', 'seriousDishonest']).toContain(target.category);
      }
    }
  });

  it('refuses a template with a repeated code, an unknown or foreign catalog item, no basis, no core item', () => {
    const base = defaultTemplateFor('construction');
    const [first, second] = base.items;
    const broken = {
      ...base,
      items: [
        { ...first!, level: 2 as const, basis: [' '] },
        { ...second!, code: first!.code, level: 3 as const, catalogCode: 'XX-01' },
        { ...second!, code: 'SG-99', level: 3 as const, catalogCode: 'WY-FX-01' },
      ],
    };
    expect(validateTemplate(broken, defaultCatalog).map((found) => [found.field, found.code])).toEqual([
      ['items.0.basis', 'inspection.template.basisMissing'],
      ['items.1.code', 'inspection.template.itemCodeTwice'],
      ['items.1.catalogCode', 'inspection.template.unknownCatalogItem'],
      ['items.2.catalogCode', 'inspection.template.catalogIndustry'],
      ['items', 'inspection.template.noCoreItem'],
    ]);
  });
});

describe('checklist depth by credit state', () => {
  it('gives lower grades more items, each depth containing the shallower one', () => {
    const template = defaultTemplateFor('propertyServices');
    const counts = ['AAA', 'A', 'C'].map(
      (grade) => itemsAtDepth(template, depthFor(defaultDepthPolicy, { grade, raised: false })).length,
    );
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    expect(counts[2]).toBe(template.items.length);
    const [basic, standard, full] = checklistDepths.map((depth) => itemsAtDepth(template, depth));
    for (const item of basic!) expect(standard).toContain(item);
    for (const item of standard!) expect(full).toContain(item);
  });

  it('goes to full depth for an open warning or overdue rectification, standard when ungraded', () => {
    expect(depthFor(defaultDepthPolicy, { grade: 'AAA', raised: true })).toBe('full');
    expect(depthFor(defaultDepthPolicy, { grade: null, raised: false })).toBe('standard');
    expect(depthFor(defaultDepthPolicy, { grade: 'unknown', raised: false })).toBe('standard');
  });
});
