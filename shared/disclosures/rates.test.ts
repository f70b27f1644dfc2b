import { describe, expect, it } from 'vitest';
import type { DisclosureDocument } from './model.ts';
import { computeDisclosureRates } from './rates.ts';
import { asDocument, fixtureId, sampleLicence, samplePenalty } from '../creditRecords/testFixtures.ts';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';

const { calendar } = buildWorkdayCalendar();

const records: DisclosureDocument[] = [
  asDocument(sampleLicence({ decisionDate: '2026-03-06', reportedAt: '2026-03-17' }), 1),
  asDocument(samplePenalty({ decisionDate: '2026-03-06', reportedAt: '2026-03-18' }), 2),
  asDocument(samplePenalty({ decisionDate: '2026-03-10' }), 3),
  asDocument(samplePenalty({ decisionDate: '2026-03-12', reportedAt: '2026-03-13', legalBasis: '' }), 4),
  asDocument(samplePenalty({ decisionDate: '2026-03-15', simpleProcedure: true, severity: 'minor' }), 5),
  asDocument(samplePenalty({ decisionDate: '2026-02-27', reportedAt: '2026-03-02' }), 6),
  asDocument(sampleLicence({ decisionDate: '2026-03-31', reportedAt: '2026-04-01' }), 7),
];

const period = { from: '2026-03-01', to: '2026-03-31', today: '2026-04-10', calendar };

describe('双公示 rates', () => {
  it('computes reporting, compliance and timeliness over the decisions of the period', () => {
    const rates = computeDisclosureRates(records, period);
    expect(rates.reporting).toEqual({
      numerator: 4,
      denominator: 5,
      rate: 0.8,
      numeratorIds: [fixtureId(1), fixtureId(2), fixtureId(4), fixtureId(7)],
      denominatorIds: [fixtureId(1), fixtureId(2), fixtureId(3), fixtureId(4), fixtureId(7)],
      shortfallIds: [fixtureId(3)],
    });
    expect(rates.compliance).toMatchObject({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
      shortfallIds: [fixtureId(4)],
    });
    expect(rates.timeliness).toMatchObject({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
      shortfallIds: [fixtureId(2)],
    });
    expect(rates.warnings).toEqual([]);
  });

  it('narrows to one kind', () => {
    const rates = computeDisclosureRates(records, { ...period, kind: 'licence' });
    expect([rates.reporting.rate, rates.compliance.rate, rates.timeliness.rate]).toEqual([1, 1, 1]);
    expect(rates.reporting.denominatorIds).toEqual([fixtureId(1), fixtureId(7)]);
  });

  it('takes the deadline as configuration', () => {
    const rates = computeDisclosureRates(records, { ...period, deadlineDays: 8 });
    expect(rates.timeliness.rate).toBe(1);
  });

  it('gives null rates when there is nothing to count', () => {
    const rates = computeDisclosureRates(records, { ...period, from: '2025-01-01', to: '2025-01-31' });
    expect(rates.reporting).toMatchObject({ numerator: 0, denominator: 0, rate: null, shortfallIds: [] });
    expect(rates.compliance.rate).toBeNull();
    expect(rates.timeliness.rate).toBeNull();
    const none = computeDisclosureRates(
      [asDocument(samplePenalty({ decisionDate: '2026-03-10' }), 8)],
      period,
    );
    expect([none.reporting.rate, none.compliance.rate, none.timeliness.rate]).toEqual([0, null, null]);
  });

  it('passes on the warning of a missing calendar year', () => {
    const december = asDocument(
      samplePenalty({
        decisionDate: '2026-12-28',
        reportedAt: '2027-01-05',
        validUntil: '2027-12-28',
        publicityEnd: '2027-12-28',
      }),
      9,
    );
    const rates = computeDisclosureRates([december], {
      ...period,
      from: '2026-12-01',
      to: '2026-12-31',
      today: '2027-01-10',
    });
    expect(rates.timeliness.rate).toBe(1);
    expect(rates.warnings).toEqual([{ code: 'calendarMissingYear', params: { year: 2027 } }]);
  });
});
