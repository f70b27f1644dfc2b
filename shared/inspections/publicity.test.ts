import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { latePublicity, publicityDeadline, publicitySummary } from './publicity.ts';

const { calendar } = buildWorkdayCalendar();

const closed = {
  id: 'i1',
  subjectId: 's1',
  projectId: '',
  planId: 'p1',
  state: 'closed' as const,
  steps: [
    { action: 'submit' as const, by: 'u1', at: '2026-03-05T02:00:00.000Z', note: '', date: '' },
    // 17:00 UTC on the 5th is already the 6th in China.
    { action: 'close' as const, by: 'u2', at: '2026-03-05T17:00:00.000Z', note: '', date: '' },
  ],
  items: [
    { code: 'a', result: 'compliant' as const, note: '', photos: [] },
    { code: 'b', result: 'nonCompliant' as const, note: '', photos: [] },
  ],
  findings: [],
  conclusion: '责令限期整改。',
};

describe('publicity of inspection results', () => {
  it('summarises a closed inspection on its China-time closing day, and nothing else', () => {
    expect(publicitySummary(closed)).toMatchObject({ closedOn: '2026-03-06', compliant: 1, nonCompliant: 1 });
    expect(publicitySummary({ ...closed, state: 'submitted' })).toBeNull();
  });

  it('is due 20 working days after closing and late the day after, unless published', () => {
    // Friday 2026-03-06 + 20 working days (no holidays in between) is Friday 2026-04-03.
    expect(publicityDeadline({ closedOn: '2026-03-06' }, calendar)).toBe('2026-04-03');
    const options = { calendar, published: new Set<string>() };
    expect(latePublicity([closed], { ...options, today: '2026-04-03' })).toEqual([]);
    expect(latePublicity([closed], { ...options, today: '2026-04-07' }).map((late) => late.deadline)).toEqual(
      ['2026-04-03'],
    );
    expect(latePublicity([closed], { ...options, today: '2026-04-07', published: new Set(['i1']) })).toEqual(
      [],
    );
    expect(latePublicity([closed], { ...options, today: '2026-03-20', days: 5 })).toHaveLength(1);
  });
});
