import { describe, expect, it } from 'vitest';
import type { CatalogItem, PublicityRule } from './catalog.ts';
import type { CreditRecordDocument } from './model.ts';
import { findCatalogItem } from './catalog.ts';
import { defaultCatalog } from './defaultCatalog.ts';
import {
  checkPublicityPeriod,
  defaultPublicityConfig,
  defaultPublicityEnd,
  earliestRepairDate,
  effectivePublicityRule,
  type PublicityConfig,
} from './publicity.ts';
import { isPubliclyVisible } from './visibility.ts';
import { expireRecords } from './workflow.ts';
import { asDocument, fixtureId } from './testFixtures.ts';

const general: PublicityRule = { whileValid: false, minMonths: 3, maxMonths: 12, defaultMonths: 12 };
const whileValid: PublicityRule = { whileValid: true, minMonths: 0, maxMonths: 0, defaultMonths: 0 };

function catalogItem(code: string): CatalogItem {
  const item = findCatalogItem(defaultCatalog, code);
  if (!item) throw new Error(`no item ${code}`);
  return item;
}

describe('the publicity tiers of the reference (NDRC Order 36, 建市〔2017〕241号)', () => {
  /** An item that allows anything: only the tier's bounds narrow it. */
  const unbounded = (category: string, industries: CatalogItem['industries'] = []) => ({
    category,
    industries,
    publicity: { whileValid: false, minMonths: 0, maxMonths: 1200, defaultMonths: 600 },
  });

  it.each<[string, string, CatalogItem['industries'], number, number]>([
    ['general dishonest: 3 months to 1 year', 'generalDishonest', [], 3, 12],
    ['serious dishonest: 1 to 3 years', 'seriousDishonest', [], 12, 36],
    [
      'construction market, general bad information: 6 months to 1 year',
      'generalDishonest',
      ['construction'],
      6,
      12,
    ],
    [
      'construction market, serious bad information: 1 to 3 years',
      'seriousDishonest',
      ['construction'],
      12,
      36,
    ],
    ['construction market, good information: 3 years', 'enhancing', ['construction'], 36, 36],
  ])('%s', (_, category, industries, minMonths, maxMonths) => {
    expect(effectivePublicityRule(unbounded(category, industries)).rule).toMatchObject({
      whileValid: false,
      minMonths,
      maxMonths,
    });
  });

  it('publishes basic information while valid and minor penalties not at all, at most 3 months', () => {
    expect(effectivePublicityRule(unbounded('basic')).rule).toEqual(whileValid);
    expect(defaultPublicityConfig.minorPenalty).toEqual({ published: false, maxMonths: 3 });
  });
});

describe('effective publicity rules', () => {
  it('applies NDRC Order 36 bounds to general and serious dishonesty outside the construction market', () => {
    expect(effectivePublicityRule(catalogItem('WY-YB-01')).rule).toEqual(general);
    expect(effectivePublicityRule(catalogItem('FK-YZ-01')).rule).toEqual({
      whileValid: false,
      minMonths: 12,
      maxMonths: 36,
      defaultMonths: 36,
    });
  });

  it('narrows construction-market bad information to at least 6 months', () => {
    expect(effectivePublicityRule(catalogItem('JZ-YB-01')).rule).toEqual({
      whileValid: false,
      minMonths: 6,
      maxMonths: 12,
      defaultMonths: 12,
    });
  });

  it('keeps construction-market good information for 3 years and basic information while valid', () => {
    expect(effectivePublicityRule(catalogItem('JZ-ZX-01')).rule).toMatchObject({
      minMonths: 36,
      maxMonths: 36,
    });
    expect(effectivePublicityRule(catalogItem('JZ-JC-01')).rule).toEqual(whileValid);
  });

  it('follows changed configuration and reports conflicting bounds', () => {
    const strict: PublicityConfig = {
      ...defaultPublicityConfig,
      categories: {
        ...defaultPublicityConfig.categories,
        generalDishonest: { minMonths: 13, maxMonths: 24 },
      },
    };
    const result = effectivePublicityRule(catalogItem('WY-YB-01'), strict);
    expect(result.conflict).toBe(true);
    expect(result.rule).toMatchObject({ minMonths: 13, maxMonths: 12 });
  });

  it('clamps the item default into the combined bounds', () => {
    const item = { ...catalogItem('JZ-YB-01'), publicity: { ...general, defaultMonths: 3 } };
    expect(effectivePublicityRule(item).rule.defaultMonths).toBe(6);
  });
});

describe('publicity periods', () => {
  it('computes the default end by calendar months, clamped to the month end', () => {
    expect(defaultPublicityEnd('2026-04-01', general)).toBe('2027-04-01');
    expect(defaultPublicityEnd('2026-01-31', { ...general, defaultMonths: 1 })).toBe('2026-02-28');
    expect(defaultPublicityEnd('2026-04-01', whileValid)).toBe('');
  });

  it('gives the earliest repair date after the minimum period', () => {
    expect(earliestRepairDate('2026-04-15', general)).toBe('2026-07-15');
    expect(earliestRepairDate('2025-11-30', general)).toBe('2026-02-28');
  });

  it('accepts periods between the minimum and the maximum, inclusive', () => {
    expect(checkPublicityPeriod('2026-04-01', '2026-07-01', general)).toEqual([]);
    expect(checkPublicityPeriod('2026-04-01', '2027-04-01', general)).toEqual([]);
    expect(checkPublicityPeriod('2026-04-01', '', whileValid)).toEqual([]);
    expect(checkPublicityPeriod('2026-04-01', '2030-01-01', whileValid)).toEqual([]);
  });

  it.each([
    [
      '2026-04-01',
      '2026-06-30',
      general,
      { field: 'publicityEnd', code: 'publicity.tooShort', params: { min: 3 } },
    ],
    [
      '2026-04-01',
      '2027-04-02',
      general,
      { field: 'publicityEnd', code: 'publicity.tooLong', params: { max: 12 } },
    ],
    ['2026-04-01', '2026-03-31', general, { field: 'publicityEnd', code: 'publicity.endBeforeStart' }],
    ['2026-04-01', '2026-03-31', whileValid, { field: 'publicityEnd', code: 'publicity.endBeforeStart' }],
    ['2026-04-01', '', general, { field: 'publicityEnd', code: 'required' }],
    ['', '2026-09-01', general, { field: 'publicityStart', code: 'required' }],
    ['2026-04-31', '2026-09-01', general, { field: 'publicityStart', code: 'dateFormat' }],
    ['2026-04-01', '2026/09/01', general, { field: 'publicityEnd', code: 'dateFormat' }],
  ] as const)('%s → %s breaks a rule', (start, end, rule, expected) => {
    expect(checkPublicityPeriod(start, end, rule)).toEqual([expected]);
  });

  it('measures the minimum from a month-end start with clamping', () => {
    const rule = { ...general, minMonths: 1 };
    expect(checkPublicityPeriod('2026-01-31', '2026-02-28', rule)).toEqual([]);
    expect(checkPublicityPeriod('2026-01-31', '2026-02-27', rule)[0]?.code).toBe('publicity.tooShort');
  });
});

function record(overrides: Partial<CreditRecordDocument>, n: number): CreditRecordDocument {
  return asDocument(
    {
      subjectId: fixtureId(100),
      catalogCode: 'WY-YB-01',
      category: 'generalDishonest',
      title: '擅自改变共用部位用途',
      facts: '事实',
      documentNumber: '',
      decisionDate: '2026-01-10',
      authority: '某县住房和城乡建设局',
      legalBasis: '《物业管理条例》',
      disclosure: 'public' as const,
      publicityStart: '2026-01-10',
      publicityEnd: '2026-04-10',
      source: 'entered' as const,
      sourceId: '',
      attachments: [],
      status: 'approved' as const,
      workflow: [],
      ...overrides,
    },
    n,
  );
}

describe('visibility and expiry', () => {
  it('shows approved public records inside their period, both ends included', () => {
    const r = record({}, 1);
    expect(isPubliclyVisible(r, '2026-01-09')).toBe(false);
    expect(isPubliclyVisible(r, '2026-01-10')).toBe(true);
    expect(isPubliclyVisible(r, '2026-04-10')).toBe(true);
    expect(isPubliclyVisible(r, '2026-04-11')).toBe(false);
    expect(isPubliclyVisible({ ...r, publicityEnd: '' }, '2030-01-01')).toBe(true);
  });

  it('hides drafts, repaired records and information not disclosed to the public', () => {
    expect(isPubliclyVisible(record({ status: 'submitted' }, 1), '2026-02-01')).toBe(false);
    expect(isPubliclyVisible(record({ status: 'repaired' }, 1), '2026-02-01')).toBe(false);
    expect(isPubliclyVisible(record({ disclosure: 'shared' }, 1), '2026-02-01')).toBe(false);
  });

  it('expires approved records whose period ended before today, and only those', () => {
    const records = [
      record({}, 1),
      record({ publicityEnd: '2026-04-11' }, 2),
      record({ status: 'submitted', publicityEnd: '2026-02-01' }, 3),
      record({ publicityEnd: '' }, 4),
      record({ publicityEnd: '2026-03-01' }, 5),
    ];
    const expired = expireRecords(records, '2026-04-11', '2026-04-11T00:05:00.000Z');
    expect(expired.map((r) => r.id)).toEqual([fixtureId(1), fixtureId(5)]);
    expect(expired[0]).toMatchObject({
      status: 'expired',
      workflow: [{ action: 'expire', by: 'system', at: '2026-04-11T00:05:00.000Z', note: '' }],
    });
    expect(records[0]!.status).toBe('approved');
  });
});
