import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { commitmentRatio, fulfilmentRate, overdueCommitments } from './metrics.ts';
import type { CommitmentStatus } from './types.ts';

const c = (id: string, status: CommitmentStatus, materialsDeadline = '') => ({
  id,
  status,
  materialsDeadline,
});
const enterprise = (id: string, status: 'active' | 'deregistered' = 'active') =>
  ({ id, kind: 'enterprise', status }) as const;

describe('commitment figures', () => {
  it('ratio = (commitments made + fulfilment records) ÷ enterprises not deregistered, against 2', () => {
    const commitments = [
      c('a', 'fulfilled'),
      c('b', 'notFulfilled'),
      c('c', 'accepted'),
      c('d', 'draft'),
      c('e', 'withdrawn'),
      c('f', 'breachProposed'),
    ];
    const subjects = [
      enterprise('x'),
      enterprise('y'),
      enterprise('gone', 'deregistered'),
      { id: 'p', kind: 'practitioner', status: 'active' } as const,
    ];
    const ratio = commitmentRatio(commitments, subjects);
    expect(ratio).toEqual({
      commitmentIds: ['a', 'b', 'c', 'f'],
      fulfilmentRecordIds: ['a', 'b'],
      enterpriseIds: ['x', 'y'],
      ratio: 3,
      target: 2,
      met: true,
    });
    expect(commitmentRatio(commitments.slice(2), subjects)).toMatchObject({ ratio: 1, met: false });
    expect(commitmentRatio(commitments, [])).toMatchObject({ ratio: null, met: false });
    // Exactly 2 does not exceed the target.
    expect(commitmentRatio([c('a', 'fulfilled')], [enterprise('x')])).toMatchObject({ ratio: 2, met: false });
  });

  it('fulfilment rate = fully fulfilled ÷ confirmed findings, with the shortfall listed', () => {
    const rate = fulfilmentRate([
      c('a', 'fulfilled'),
      c('b', 'partlyFulfilled'),
      c('c', 'falseCommitment'),
      c('d', 'accepted'),
      c('e', 'fulfilled'),
    ]);
    expect(rate).toEqual({
      numerator: 2,
      denominator: 4,
      rate: 0.5,
      numeratorIds: ['a', 'e'],
      denominatorIds: ['a', 'b', 'c', 'e'],
      shortfallIds: ['b', 'c'],
    });
    expect(fulfilmentRate([c('d', 'accepted')]).rate).toBeNull();
  });

  it('counts open commitments past their deadline as overdue', () => {
    const { calendar } = buildWorkdayCalendar();
    const list = [
      c('late', 'accepted', '2026-10-09'),
      c('soon', 'accepted', '2026-10-13'),
      c('kept', 'fulfilled', '2026-10-09'),
    ];
    expect(overdueCommitments(list, '2026-10-12', calendar)).toEqual({
      count: 1,
      ids: ['late'],
      warnings: [],
    });
  });
});
