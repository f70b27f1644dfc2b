import { describe, expect, it } from 'vitest';
import {
  checkIdleTimeout,
  defaultLockoutPolicy,
  idleLockAt,
  initialLockoutState,
  isIdleLockDue,
  type LockoutState,
  lockDurationMinutes,
  lockoutStatus,
  recordFailure,
  recordSuccess,
} from './lockout.ts';

const minute = 60_000;
const start = Date.parse('2026-03-02T08:00:00Z');

function failTimes(state: LockoutState, times: number, now: number): LockoutState {
  let next = state;
  for (let i = 0; i < times; i++) next = recordFailure(next, now);
  return next;
}

describe('sign-in lockout', () => {
  it('counts down the remaining attempts', () => {
    const state = failTimes(initialLockoutState, 3, start);
    expect(lockoutStatus(state, start)).toEqual({ locked: false, remainingAttempts: 2 });
  });

  it('locks for 15 minutes after the fifth failure in a row', () => {
    const state = failTimes(initialLockoutState, 5, start);
    expect(state).toEqual({ failures: 5, locks: 1, lockedUntil: start + 15 * minute });
    expect(lockoutStatus(state, start + 1000)).toEqual({
      locked: true,
      until: start + 15 * minute,
      issue: { field: 'password', code: 'lockout.locked', params: { minutes: 15, count: 5 } },
    });
    const later = lockoutStatus(state, start + 14 * minute + 1);
    expect(later.locked && later.issue.params).toEqual({ minutes: 1, count: 5 });
  });

  it('ignores failures while locked', () => {
    const locked = failTimes(initialLockoutState, 5, start);
    expect(recordFailure(locked, start + 5 * minute)).toEqual(locked);
  });

  it('unlocks when the time is up, and the next lock lasts longer', () => {
    const locked = failTimes(initialLockoutState, 5, start);
    const after = start + 15 * minute;
    expect(lockoutStatus(locked, after)).toEqual({ locked: false, remainingAttempts: 5 });
    const second = failTimes(locked, 5, after);
    expect(second.lockedUntil).toBe(after + 30 * minute);
    const third = failTimes(second, 5, after + 30 * minute);
    expect(third.lockedUntil).toBe(after + 30 * minute + 60 * minute);
  });

  it('caps the growth at a day', () => {
    expect([0, 1, 2, 3, 6, 7, 20].map((locks) => lockDurationMinutes(locks))).toEqual([
      15, 30, 60, 120, 960, 1440, 1440,
    ]);
  });

  it('clears failures and lock history on success', () => {
    const locked = failTimes(failTimes(initialLockoutState, 5, start), 4, start + 15 * minute);
    expect(locked).toMatchObject({ failures: 4, locks: 1 });
    const cleared = recordSuccess();
    expect(cleared).toEqual(initialLockoutState);
    expect(failTimes(cleared, 5, start + 20 * minute).lockedUntil).toBe(start + 35 * minute);
  });

  it('follows a custom policy', () => {
    const policy = { ...defaultLockoutPolicy, maxFailures: 3, lockMinutes: 5, growthFactor: 3 };
    let state = initialLockoutState;
    for (let i = 0; i < 3; i++) state = recordFailure(state, start, policy);
    expect(state.lockedUntil).toBe(start + 5 * minute);
    for (let i = 0; i < 3; i++) state = recordFailure(state, start + 5 * minute, policy);
    expect(state.lockedUntil).toBe(start + 5 * minute + 15 * minute);
  });
});

describe('idle lock', () => {
  it('falls due after 10 minutes without input by default', () => {
    expect(idleLockAt(start)).toBe(start + 10 * minute);
    expect(isIdleLockDue(start, start + 10 * minute - 1)).toBe(false);
    expect(isIdleLockDue(start, start + 10 * minute)).toBe(true);
    expect(isIdleLockDue(start, start + 3 * minute, { timeoutMinutes: 2 })).toBe(true);
  });

  it('checks the timeout an administrator sets', () => {
    expect(checkIdleTimeout(10)).toBeNull();
    expect(checkIdleTimeout(60)).toBeNull();
    for (const bad of [0, 61, 2.5, Number.NaN]) {
      expect(checkIdleTimeout(bad)).toEqual({
        field: 'timeoutMinutes',
        code: 'idleLock.outOfRange',
        params: { min: 1, max: 60 },
      });
    }
  });
});
