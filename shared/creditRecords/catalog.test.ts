import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './defaultCatalog.ts';
import {
  type CatalogItem,
  catalogItemAppliesOn,
  defaultCreditCategories,
  findCatalogItem,
  validateCatalog,
  validateCatalogItem,
} from './catalog.ts';

const base = defaultCatalog.find((item) => item.code === 'WY-YB-01')!;

function variant(overrides: Partial<CatalogItem>): CatalogItem {
  return { ...base, ...overrides };
}

describe('default catalog', () => {
  it('passes its own validation', () => {
    expect(validateCatalog(defaultCatalog)).toEqual([]);
  });

  it('has at least 30 items covering all five categories, both subject types and four sectors', () => {
    expect(defaultCatalog.length).toBeGreaterThanOrEqual(30);
    const categories = new Set(defaultCatalog.map((item) => item.category));
    expect([...categories].sort()).toEqual(defaultCreditCategories.map((c) => c.code).sort());
    const subjects = new Set(defaultCatalog.flatMap((item) => item.subjectTypes));
    expect(subjects).toEqual(new Set(['enterprise', 'practitioner']));
    for (const industry of [
      'construction',
      'realEstateDevelopment',
      'propertyServices',
      'realEstateBrokerage',
    ]) {
      expect(defaultCatalog.some((item) => item.industries.includes(industry as never))).toBe(true);
    }
  });

  it('offers an item for general and serious penalties of enterprises and practitioners', () => {
    for (const severity of ['general', 'serious'] as const) {
      for (const subject of ['enterprise', 'practitioner'] as const) {
        const found = defaultCatalog.some(
          (i) => i.penaltySeverity === severity && i.subjectTypes.includes(subject),
        );
        expect(found, `${severity} ${subject}`).toBe(true);
      }
    }
  });
});

describe('catalog item rules', () => {
  it.each<[Partial<CatalogItem>, string, string]>([
    [{ code: '' }, 'code', 'required'],
    [{ code: 'wy-yb-01' }, 'code', 'catalog.codeFormat'],
    [{ code: 'WY--01' }, 'code', 'catalog.codeFormat'],
    [{ name: { zh: '', en: 'x' } }, 'name.zh', 'required'],
    [{ content: { zh: 'x', en: 'y'.repeat(1001) } }, 'content.en', 'tooLong'],
    [{ category: 'bad' }, 'category', 'oneOf'],
    [{ disclosure: 'open' as never }, 'disclosure', 'oneOf'],
    [{ sharingMethod: 'fax' as never }, 'sharingMethod', 'oneOf'],
    [{ updateFrequency: 'hourly' as never }, 'updateFrequency', 'oneOf'],
    [{ basis: [] }, 'basis', 'required'],
    [{ basis: ['  '] }, 'basis.0', 'required'],
    [{ subjectTypes: [] }, 'subjectTypes', 'required'],
    [{ subjectTypes: ['enterprise', 'enterprise'] }, 'subjectTypes.1', 'catalog.duplicateEntry'],
    [{ industries: ['mining' as never] }, 'industries.0', 'oneOf'],
    [
      { category: 'enhancing', penaltySeverity: 'general' },
      'penaltySeverity',
      'catalog.severityNeedsDishonestCategory',
    ],
    [
      { publicity: { whileValid: false, minMonths: 6, maxMonths: 12, defaultMonths: 4 } },
      'publicity',
      'catalog.publicityOrder',
    ],
    [
      { publicity: { whileValid: false, minMonths: 3, maxMonths: 12, defaultMonths: 13 } },
      'publicity',
      'catalog.publicityOrder',
    ],
    [
      { publicity: { whileValid: false, minMonths: -1, maxMonths: 12, defaultMonths: 6 } },
      'publicity.minMonths',
      'catalog.months',
    ],
    [
      { publicity: { whileValid: false, minMonths: 3, maxMonths: 12.5, defaultMonths: 6 } },
      'publicity.maxMonths',
      'catalog.months',
    ],
    [
      { publicity: { whileValid: true, minMonths: 3, maxMonths: 12, defaultMonths: 6 } },
      'publicity',
      'catalog.whileValidMonths',
    ],
    [
      { publicity: { whileValid: false, minMonths: 13, maxMonths: 24, defaultMonths: 24 } },
      'publicity',
      'catalog.publicityConflict',
    ],
    [
      { category: 'basic', publicity: { whileValid: false, minMonths: 1, maxMonths: 12, defaultMonths: 6 } },
      'publicity.whileValid',
      'catalog.publicityWhileValid',
    ],
    [{ catalogVersion: '' }, 'catalogVersion', 'required'],
    [{ validFrom: '2026-02-30' }, 'validFrom', 'dateFormat'],
    [{ validUntil: '2020-12-31' }, 'validUntil', 'catalog.validityOrder'],
  ])('%o breaks %s: %s', (overrides, field, code) => {
    const issues = validateCatalogItem(variant(overrides));
    expect(issues.map((i) => [i.field, i.code])).toContainEqual([field, code]);
  });

  it('names the conflicting bounds', () => {
    const issues = validateCatalogItem(
      variant({ publicity: { whileValid: false, minMonths: 13, maxMonths: 24, defaultMonths: 24 } }),
    );
    expect(issues).toEqual([
      { field: 'publicity', code: 'catalog.publicityConflict', params: { min: 13, max: 12 } },
    ]);
  });

  it('accepts categories configured as data', () => {
    const categories = [
      ...defaultCreditCategories,
      { code: 'bad', polarity: 'negative' as const, dishonest: true },
    ];
    const item = variant({
      category: 'bad',
      publicity: { whileValid: false, minMonths: 1, maxMonths: 60, defaultMonths: 24 },
    });
    expect(validateCatalogItem(item, { categories })).toEqual([]);
    expect(validateCatalogItem(item).map((i) => i.code)).toEqual(['oneOf']);
  });

  it('finds duplicate codes across the catalog, naming the first position', () => {
    const issues = validateCatalog([
      defaultCatalog[0]!,
      defaultCatalog[1]!,
      { ...defaultCatalog[2]!, code: defaultCatalog[0]!.code },
    ]);
    expect(issues).toEqual([
      {
        field: 'items.2.code',
        code: 'catalog.duplicateCode',
        params: { code: defaultCatalog[0]!.code, first: 0 },
      },
    ]);
  });

  it('prefixes item issues with their position', () => {
    const issues = validateCatalog([base, variant({ code: 'WY-YB-09', category: 'x' })]);
    expect(issues).toEqual([{ field: 'items.1.category', code: 'oneOf' }]);
  });

  it('finds items by code and validity', () => {
    const limited = variant({ code: 'WY-YB-09', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    expect(catalogItemAppliesOn(limited, '2026-06-30')).toBe(true);
    expect(catalogItemAppliesOn(limited, '2027-01-01')).toBe(false);
    expect(findCatalogItem([limited], 'WY-YB-09', '2025-12-31')).toBeUndefined();
    expect(findCatalogItem([limited], 'WY-YB-09')).toBe(limited);
  });
});
