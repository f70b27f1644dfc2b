import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { type CatalogItem, defaultCreditCategories } from '../creditRecords/catalog.ts';
import {
  checkRepairEligibility,
  defaultRepairConfig,
  type RepairApplication,
  repairDecisionDeadline,
  repairShareDeadline,
} from './repair.ts';

type Item = Pick<CatalogItem, 'category' | 'industries' | 'publicity'>;
const rule = { whileValid: false, minMonths: 1, maxMonths: 36, defaultMonths: 12 };
const generalItem: Item = {
  category: 'generalDishonest',
  industries: ['realEstateDevelopment'],
  publicity: rule,
};
const seriousItem: Item = {
  category: 'seriousDishonest',
  industries: ['realEstateDevelopment'],
  publicity: rule,
};
const constructionItem: Item = {
  category: 'generalDishonest',
  industries: ['construction'],
  publicity: rule,
};

const record = (category: string, publicityStart: string, status: 'approved' | 'repaired' = 'approved') => ({
  catalogCode: 'FK-YB-01',
  category,
  status,
  publicityStart,
});
const ready = (applicationDate: string): RepairApplication => ({
  applicationDate,
  commitment: { type: 'creditRepair' },
  obligationsPerformed: true,
});
const check = (item: Item, start: string, on: string) =>
  checkRepairEligibility(record(item.category, start), item, defaultCreditCategories, ready(on));
const tooEarly = (date: string) => ({
  ok: false,
  issues: [{ field: 'applicationDate', code: 'repair.tooEarly', params: { date } }],
});

describe('repair after the minimum publicity period of the tier', () => {
  it('general: 3 months, open on the same day three months on', () => {
    expect(check(generalItem, '2026-04-30', '2026-07-29')).toEqual(tooEarly('2026-07-30'));
    expect(check(generalItem, '2026-04-30', '2026-07-30')).toEqual({
      ok: true,
      value: { earliest: '2026-07-30' },
    });
  });

  it('general: a start at month end clamps to the shorter month', () => {
    expect(check(generalItem, '2026-11-30', '2027-02-27')).toEqual(tooEarly('2027-02-28'));
    expect(check(generalItem, '2026-11-30', '2027-02-28').ok).toBe(true);
  });

  it('serious: 1 year', () => {
    expect(check(seriousItem, '2026-04-01', '2027-03-31')).toEqual(tooEarly('2027-04-01'));
    expect(check(seriousItem, '2026-04-01', '2027-04-01').ok).toBe(true);
  });

  it('construction market: the sector minimum of 6 months applies', () => {
    expect(check(constructionItem, '2026-04-01', '2026-09-30')).toEqual(tooEarly('2026-10-01'));
    expect(check(constructionItem, '2026-04-01', '2026-10-01').ok).toBe(true);
  });
});

describe('repair refusals name the rule', () => {
  it('without the commitment, with obligations outstanding', () => {
    const application = {
      applicationDate: '2027-01-01',
      commitment: { type: 'notification' },
      obligationsPerformed: false,
    };
    const result = checkRepairEligibility(
      record('generalDishonest', '2026-04-01'),
      generalItem,
      defaultCreditCategories,
      application,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'obligationsPerformed', code: 'repair.obligationsOutstanding' },
        { field: 'commitment', code: 'repair.commitmentRequired' },
      ],
    });
    const none = { ...application, commitment: null, obligationsPerformed: true };
    expect(
      checkRepairEligibility(
        record('generalDishonest', '2026-04-01'),
        generalItem,
        defaultCreditCategories,
        none,
      ),
    ).toEqual({
      ok: false,
      issues: [{ field: 'commitment', code: 'repair.commitmentRequired' }],
    });
  });

  it('a non-repairable item, with its basis', () => {
    const config = {
      ...defaultRepairConfig,
      nonRepairable: [
        { code: 'fraud', basis: '《建筑市场信用管理暂行办法》第十四条', catalogCodes: ['FK-YB-01'] },
      ],
    };
    const result = checkRepairEligibility(
      record('generalDishonest', '2026-04-01'),
      generalItem,
      defaultCreditCategories,
      ready('2027-01-01'),
      config,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'catalogCode',
          code: 'repair.notRepairable',
          params: { rule: 'fraud', basis: '《建筑市场信用管理暂行办法》第十四条' },
        },
      ],
    });
  });

  it('a record no longer under publicity, information that is not dishonest, a malformed date', () => {
    const repaired = record('generalDishonest', '2026-04-01', 'repaired');
    expect(
      checkRepairEligibility(repaired, generalItem, defaultCreditCategories, ready('2027-01-01')),
    ).toEqual({
      ok: false,
      issues: [{ field: 'status', code: 'repair.notInPublicity' }],
    });
    const enhancing: Item = { ...generalItem, category: 'enhancing' };
    expect(check(enhancing, '2026-04-01', '2027-01-01')).toEqual({
      ok: false,
      issues: [{ field: 'category', code: 'repair.notDishonest' }],
    });
    expect(check(generalItem, '2026-04-01', '2027-02-30')).toEqual({
      ok: false,
      issues: [{ field: 'applicationDate', code: 'repair.applicationDate' }],
    });
  });
});

describe('repair deadlines in working days', () => {
  const { calendar } = buildWorkdayCalendar();

  it('decides within 10 working days, skipping the National Day holiday and counting its make-up day', () => {
    expect(repairDecisionDeadline('2026-09-30', calendar)).toEqual({ date: '2026-10-20', warnings: [] });
    expect(repairDecisionDeadline('2026-09-18', calendar)).toEqual({ date: '2026-10-09', warnings: [] });
  });

  it('shares within 3 working days; a year missing from the calendar warns', () => {
    expect(repairShareDeadline('2026-10-20', calendar)).toEqual({ date: '2026-10-23', warnings: [] });
    expect(repairShareDeadline('2027-01-01', calendar).warnings).toEqual([
      { code: 'calendarMissingYear', params: { year: 2027 } },
    ]);
  });
});
