import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts';
import { isLate, reportingDeadline } from '../../disclosures/deadlines.ts';
import { shippedHolidayYears } from './holidays.ts';
import {
  addWorkingDays,
  buildWorkdayCalendar,
  type HolidayCalendarDocument,
  isWorkingDay,
  validateHolidayCalendar,
  workingDaysBetween,
} from './workdays.ts';

const { calendar } = buildWorkdayCalendar();
const fixture = (n: number) => `0190a000-0000-7000-8000-00000000000${n}`;

function calendarDoc(overrides: Partial<HolidayCalendarDocument> = {}): HolidayCalendarDocument {
  return {
    id: '0190a000-0000-7000-8000-0000000000c1',
    county: '150300',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'admin',
    updatedBy: 'admin',
    kind: 'holidayCalendar',
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知',
    holidays: ['2027-01-01', '2027-02-05', '2027-02-08'],
    workdays: ['2027-02-07'],
    ...overrides,
  };
}

describe('dates', () => {
  it('computes weekdays and day numbers without time zones', () => {
    expect(dayOfWeek('2026-03-06')).toBe(5);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-04-01', 36)).toBe('2029-04-01');
  });

  it('refuses malformed dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('20260301', 1)).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('treats holidays on weekdays as days off and make-up Saturdays as working days', () => {
    expect(isWorkingDay('2026-02-16', calendar).working).toBe(false); // Monday in the Spring Festival block
    expect(isWorkingDay('2026-02-14', calendar).working).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-02-28', calendar).working).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-03-07', calendar).working).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-03-09', calendar).working).toBe(true);
    expect(isWorkingDay('2026-10-10', calendar).working).toBe(true); // make-up Saturday after National Day
  });

  it('adds working days across an ordinary weekend', () => {
    expect(addWorkingDays('2026-03-06', 1, calendar).date).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 7, calendar)).toEqual({ date: '2026-03-17', warnings: [] });
    expect(addWorkingDays('2026-03-09', -1, calendar).date).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-07', 0, calendar).date).toBe('2026-03-07');
  });

  it('counts working days in the half-open span', () => {
    expect(workingDaysBetween('2026-03-06', '2026-03-17', calendar).days).toBe(7);
    expect(workingDaysBetween('2026-03-17', '2026-03-06', calendar).days).toBe(-7);
    expect(workingDaysBetween('2026-02-14', '2026-02-23', calendar).days).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-06', calendar).days).toBe(0);
  });

  it('uses a loaded calendar for a year not shipped, and warns until then', () => {
    const missing = addWorkingDays('2027-02-04', 2, calendar);
    expect(missing.date).toBe('2027-02-08');
    expect(missing.warnings).toEqual([{ code: 'calendarMissingYear', params: { year: 2027 } }]);

    const built = buildWorkdayCalendar([calendarDoc()]);
    expect(built.rejected).toEqual([]);
    const loaded = addWorkingDays('2027-02-04', 2, built.calendar);
    expect(loaded).toEqual({ date: '2027-02-09', warnings: [] });
  });

  it('reports each missing year once, even when a span crosses into it', () => {
    const result = workingDaysBetween('2026-12-20', '2028-01-10', calendar);
    expect(result.warnings).toEqual([
      { code: 'calendarMissingYear', params: { year: 2027 } },
      { code: 'calendarMissingYear', params: { year: 2028 } },
    ]);
  });
});

describe('reporting deadline (7 working days)', () => {
  it('counts from the day after the decision, skipping a weekend', () => {
    expect(reportingDeadline('2026-03-06', calendar).date).toBe('2026-03-17');
    expect(isLate('2026-03-06', '2026-03-17', calendar).late).toBe(false);
    expect(isLate('2026-03-06', '2026-03-18', calendar)).toEqual({
      late: true,
      deadline: '2026-03-17',
      warnings: [],
    });
  });

  it('spans the 2026 Spring Festival block and its make-up Saturdays', () => {
    // Tue 10 Feb: 11, 12, 13, Sat 14 (make-up), then 15–23 off, 24, 25, 26.
    expect(reportingDeadline('2026-02-10', calendar).date).toBe('2026-02-26');
    // Fri 13 Feb: Sat 14 (make-up), 24, 25, 26, 27, Sat 28 (make-up), Mon 2 Mar.
    expect(reportingDeadline('2026-02-13', calendar).date).toBe('2026-03-02');
  });

  it('spans Mid-Autumn and National Day 2026 with the make-up Saturday of 10 October', () => {
    // Thu 24 Sep: 25–27 off, 28, 29, 30, 1–7 Oct off, 8, 9, Sat 10 (make-up), Mon 12.
    expect(reportingDeadline('2026-09-24', calendar).date).toBe('2026-10-12');
    expect(reportingDeadline('2026-09-30', calendar).date).toBe('2026-10-15');
  });

  it('counts a decision taken on a make-up Saturday from the next working day', () => {
    expect(reportingDeadline('2026-10-10', calendar).date).toBe('2026-10-20');
  });

  it('takes the number of days as configuration', () => {
    expect(reportingDeadline('2026-03-06', calendar, 3).date).toBe('2026-03-11');
    expect(isLate('2026-03-06', '2026-03-12', calendar, 5).late).toBe(false);
  });

  it('warns when the deadline runs into a year without a calendar', () => {
    const result = reportingDeadline('2026-12-28', calendar);
    expect(result.date).toBe('2027-01-06');
    expect(result.warnings).toEqual([{ code: 'calendarMissingYear', params: { year: 2027 } }]);
  });
});

describe('holiday calendar documents', () => {
  it('accepts the shipped years and a well-formed newer year', () => {
    for (const year of shippedHolidayYears) {
      expect(validateHolidayCalendar({ kind: 'holidayCalendar', ...year }).ok).toBe(true);
    }
    expect(validateHolidayCalendar(calendarDoc()).ok).toBe(true);
  });

  it.each<[Partial<HolidayCalendarDocument>, string, string]>([
    [{ year: 1990 }, 'year', 'holidayCalendar.year'],
    [{ holidays: ['2027-02-30'] }, 'holidays.0', 'dateFormat'],
    [{ holidays: ['2026-12-31'] }, 'holidays.0', 'holidayCalendar.outsideYear'],
    [{ workdays: ['2027-02-08'] }, 'workdays.0', 'holidayCalendar.workdayNotWeekend'],
    [{ holidays: ['2027-02-07'] }, 'workdays.0', 'holidayCalendar.duplicate'],
  ])('rejects %o', (overrides, field, code) => {
    const result = validateHolidayCalendar(calendarDoc(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.field, i.code])).toContainEqual([field, code]);
  });

  it('lets the newest valid document win and reports invalid ones', () => {
    const older = calendarDoc({
      id: fixture(1),
      holidays: ['2027-01-01'],
      updatedAt: '2026-11-01T00:00:00Z',
    });
    const newer = calendarDoc({
      id: fixture(2),
      holidays: ['2027-01-04'],
      updatedAt: '2026-12-01T00:00:00Z',
    });
    const broken = calendarDoc({
      id: fixture(3),
      workdays: ['2027-01-05'],
      updatedAt: '2026-12-24T00:00:00Z',
    });
    const { calendar: merged, rejected } = buildWorkdayCalendar([older, broken, newer]);
    expect(isWorkingDay('2027-01-04', merged).working).toBe(false);
    expect(isWorkingDay('2027-01-01', merged).working).toBe(true);
    expect(rejected.map((r) => r.id)).toEqual([fixture(3)]);
  });

  it('replaces a shipped year with a loaded correction', () => {
    const correction = calendarDoc({ year: 2026, holidays: ['2026-03-09'], workdays: [] });
    const { calendar: corrected } = buildWorkdayCalendar([correction]);
    expect(isWorkingDay('2026-03-09', corrected).working).toBe(false);
    expect(isWorkingDay('2026-02-16', corrected).working).toBe(true);
  });
});

describe('working-day properties', () => {
  const dateArb = fc
    .integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2027-06-30') })
    .map(fromDayNumber);

  it('lands on a working day, and adding more days never moves earlier', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (date, n, more) => {
          const first = addWorkingDays(date, n, calendar).date;
          const second = addWorkingDays(date, n + more, calendar).date;
          expect(isWorkingDay(first, calendar).working).toBe(true);
          expect(first > date).toBe(true);
          expect(second >= first).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is inverted by workingDaysBetween', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -30, max: 30 }), (date, n) => {
        const target = addWorkingDays(date, n, calendar).date;
        expect(workingDaysBetween(date, target, calendar).days).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
