import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import {
  checkPublicityDays,
  isPublicityLate,
  latePublicity,
  publicationDateBounds,
  publicationOf,
  publicityDeadline,
  publicitySummary,
} from './publicity.ts';

const { calendar } = buildWorkdayCalendar();

const step = (action: 'submit' | 'close' | 'publish', at: string, note = '', date = '') => ({
  action,
  by: action === 'publish' ? 'r2' : 'u1',
  at,
  note,
  date,
});

const closed = {
  id: 'i1',
  subjectId: 's1',
  projectId: '',
  planId: 'p1',
  state: 'closed' as const,
  steps: [
    step('submit', '2026-03-05T02:00:00.000Z'),
    // 17:00 UTC on the 5th is already the 6th in China.
    step('close', '2026-03-05T17:00:00.000Z'),
  ],
  items: [
    { code: 'a', result: 'compliant' as const, note: '', photos: [] },
    { code: 'b', result: 'nonCompliant' as const, note: '', photos: [] },
  ],
  findings: [],
  conclusion: '责令限期整改。',
};

const published = (date: string, where: string, at = '2026-04-01T02:00:00.000Z') => ({
  ...closed,
  steps: [...closed.steps, step('publish', at, where, date)],
});

describe('publicity of inspection results', () => {
  it('summarises a closed inspection on its China-time closing day, and nothing else', () => {
    expect(publicitySummary(closed)).toMatchObject({
      closedOn: '2026-03-06',
      compliant: 1,
      nonCompliant: 1,
      publication: null,
    });
    expect(publicitySummary({ ...closed, state: 'submitted' })).toBeNull();
  });

  it('is due 20 working days after closing and late the day after, unless published', () => {
    // Friday 2026-03-06 + 20 working days (no holidays in between) is Friday 2026-04-03.
    expect(publicityDeadline({ closedOn: '2026-03-06' }, calendar)).toBe('2026-04-03');
    expect(latePublicity([closed], { calendar, today: '2026-04-03' })).toEqual([]);
    expect(latePublicity([closed], { calendar, today: '2026-04-07' }).map((late) => late.deadline)).toEqual([
      '2026-04-03',
    ]);
    expect(
      latePublicity([published('2026-04-01', '县住建局网站')], { calendar, today: '2026-04-07' }),
    ).toEqual([]);
    // A shorter configured deadline makes it late sooner.
    expect(latePublicity([closed], { calendar, today: '2026-03-20', days: 5 })).toHaveLength(1);
    expect(isPublicityLate(closed, '2026-03-20', calendar)).toBe(false);
  });

  it('skips the holidays of the calendar: closed before National Day, due after it', () => {
    const beforeHoliday = { ...closed, steps: [step('close', '2026-09-30T02:00:00.000Z')] };
    // 09-30 + 20 working days, the National Day week not counted: due by 11-03.
    expect(isPublicityLate(beforeHoliday, '2026-11-03', calendar)).toBe(false);
    expect(isPublicityLate(beforeHoliday, '2026-11-04', calendar)).toBe(true);
  });

  it('counts the last recorded publication, so a correction replaces the first record', () => {
    const first = published('2026-04-10', '公示栏');
    expect(publicationOf(first)).toEqual({ date: '2026-04-10', where: '公示栏', by: 'r2', records: 1 });
    const corrected = {
      ...first,
      steps: [...first.steps, step('publish', '2026-04-11T02:00:00.000Z', '县住建局网站', '2026-04-01')],
    };
    expect(publicationOf(corrected)).toEqual({
      date: '2026-04-01',
      where: '县住建局网站',
      by: 'r2',
      records: 2,
    });
    expect(publicitySummary(corrected)?.publication?.date).toBe('2026-04-01');
  });

  it('bounds a publication date by the closing day and today', () => {
    expect(publicationDateBounds(closed, '2026-04-07')).toEqual({
      notBefore: '2026-03-06',
      notAfter: '2026-04-07',
    });
  });

  it('takes a configured deadline of 1 to 60 whole working days', () => {
    expect(checkPublicityDays(20)).toEqual([]);
    expect(checkPublicityDays(1)).toEqual([]);
    for (const wrong of [0, 61, 7.5, Number.NaN]) {
      expect(checkPublicityDays(wrong)).toEqual([
        { field: 'publicityDays', code: 'inspection.publicity.days', params: { min: 1, max: 60 } },
      ]);
    }
  });
});
