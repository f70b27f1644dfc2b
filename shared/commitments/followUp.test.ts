import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { deadlinesPassed, followUpQueue, followUpState, materialsDeadline } from './followUp.ts';
import { sampleCommitment } from './testFixtures.ts';

const { calendar } = buildWorkdayCalendar();

describe('deadlines for missing materials', () => {
  it('count working days across the National Day holiday and its make-up Saturday', () => {
    // Signed Wed 2026-09-30; 1–7 Oct off; Thu 8, Fri 9, make-up Sat 10, Mon 12, Tue 13.
    expect(materialsDeadline('2026-09-30', 5, calendar)).toEqual({ date: '2026-10-13', warnings: [] });
    // Signed Fri 2026-03-06: the weekend does not count.
    expect(materialsDeadline('2026-03-06', 5, calendar).date).toBe('2026-03-13');
  });

  it('warn when the calendar lacks the year instead of silently guessing', () => {
    expect(materialsDeadline('2027-03-01', 5, calendar).warnings).toEqual([
      { code: 'calendarMissingYear', params: { year: 2027 } },
    ]);
  });

  it('are on time through the deadline day, due soon two working days before, overdue after', () => {
    const commitment = sampleCommitment({ materialsDeadline: '2026-10-13' });
    expect(followUpState(commitment, '2026-10-08', calendar)).toMatchObject({
      state: 'pending',
      workingDaysLeft: 4,
    });
    expect(followUpState(commitment, '2026-10-10', calendar)).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 2,
    });
    expect(followUpState(commitment, '2026-10-13', calendar)).toMatchObject({
      state: 'dueSoon',
      workingDaysLeft: 0,
    });
    expect(followUpState(commitment, '2026-10-14', calendar)).toMatchObject({
      state: 'overdue',
      workingDaysOverdue: 1,
    });
    expect(followUpState(commitment, '2026-10-19', calendar)).toMatchObject({
      state: 'overdue',
      workingDaysOverdue: 4,
    });
  });

  it('leave closed commitments and those without a deadline out of the queue, most urgent first', () => {
    const late = { ...sampleCommitment({ materialsDeadline: '2026-10-09' }), id: 'late' };
    const soon = { ...sampleCommitment({ materialsDeadline: '2026-10-13' }), id: 'soon' };
    const done = {
      ...sampleCommitment({ materialsDeadline: '2026-10-09', status: 'fulfilled' }),
      id: 'done',
    };
    const none = { ...sampleCommitment({ materialsDeadline: '', type: 'approvalSubstitution' }), id: 'none' };
    const { entries } = followUpQueue([soon, done, none, late], '2026-10-12', calendar);
    expect(entries.map((e) => [e.commitment.id, e.state])).toEqual([
      ['late', 'overdue'],
      ['soon', 'dueSoon'],
    ]);
    expect(followUpState(done, '2026-10-12', calendar).state).toBe('closed');
    expect(followUpState(none, '2026-10-12', calendar).state).toBe('noDeadline');
  });

  it('remind once of each deadline that passed since the last check', () => {
    const passed = { ...sampleCommitment({ materialsDeadline: '2026-10-09' }), id: 'passed' };
    const today = { ...sampleCommitment({ materialsDeadline: '2026-10-12' }), id: 'today' };
    const earlier = { ...sampleCommitment({ materialsDeadline: '2026-10-05' }), id: 'earlier' };
    const kept = {
      ...sampleCommitment({ materialsDeadline: '2026-10-09', status: 'fulfilled' }),
      id: 'kept',
    };
    const list = [passed, today, earlier, kept];
    expect(deadlinesPassed(list, '2026-10-08', '2026-10-12').map((c) => c.id)).toEqual(['passed']);
    expect(deadlinesPassed(list, '2026-10-12', '2026-10-13').map((c) => c.id)).toEqual(['today']);
  });
});
