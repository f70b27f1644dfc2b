import { issue, type ValidationIssue } from '../validation.ts';

/**
 * Sign-in lockout, per username and per device (the state stays local, never in the synced user
 * document), and the idle lock. Pure functions: the caller passes the clock (`now`, epoch milliseconds)
 * and stores the returned state.
 *
 * Sign-in order: ask `lockoutStatus` first and, while locked, refuse without checking the password;
 * otherwise verify and record the outcome with `recordFailure` or `recordSuccess`.
 */

export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  maxFailures: number;
  /** Length of the first lock. */
  lockMinutes: number;
  /** Each further lock without a successful sign-in in between lasts this many times longer. */
  growthFactor: number;
  maxLockMinutes: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  growthFactor: 2,
  maxLockMinutes: 24 * 60,
};

export interface LockoutState {
  /** Failures since the last success or the end of the last lock. */
  failures: number;
  /** Locks so far without a success in between; makes the next one longer. */
  locks: number;
  /** Epoch milliseconds the current lock ends, or null when not locked. */
  lockedUntil: number | null;
}

export const initialLockoutState: LockoutState = { failures: 0, locks: 0, lockedUntil: null };

export type LockoutStatus =
  | { locked: false; remainingAttempts: number }
  | { locked: true; until: number; issue: ValidationIssue };

export const lockoutIssueCodes = ['lockout.locked', 'idleLock.outOfRange'] as const;

/** A lock that has run out is over: the failure count starts again, the lock count stays. */
function current(state: LockoutState, now: number): LockoutState {
  if (state.lockedUntil !== null && now >= state.lockedUntil)
    return { ...state, failures: 0, lockedUntil: null };
  return state;
}

export function lockoutStatus(
  state: LockoutState,
  now: number,
  policy: LockoutPolicy = defaultLockoutPolicy,
): LockoutStatus {
  const live = current(state, now);
  if (live.lockedUntil === null) {
    return { locked: false, remainingAttempts: Math.max(0, policy.maxFailures - live.failures) };
  }
  const minutes = Math.ceil((live.lockedUntil - now) / 60_000);
  return {
    locked: true,
    until: live.lockedUntil,
    issue: issue('password', 'lockout.locked', { minutes, count: live.failures }),
  };
}

/** Length of the lock that starts after `previousLocks` earlier locks. */
export function lockDurationMinutes(
  previousLocks: number,
  policy: LockoutPolicy = defaultLockoutPolicy,
): number {
  return Math.min(policy.maxLockMinutes, policy.lockMinutes * policy.growthFactor ** previousLocks);
}

/** Counts a wrong password; the `maxFailures`-th in a row starts a lock. Ignored while locked. */
export function recordFailure(
  state: LockoutState,
  now: number,
  policy: LockoutPolicy = defaultLockoutPolicy,
): LockoutState {
  const live = current(state, now);
  if (live.lockedUntil !== null) return live;
  const failures = live.failures + 1;
  if (failures < policy.maxFailures) return { ...live, failures };
  return {
    failures,
    locks: live.locks + 1,
    lockedUntil: now + lockDurationMinutes(live.locks, policy) * 60_000,
  };
}

/** A successful sign-in clears failures and the lock history. */
export function recordSuccess(): LockoutState {
  return initialLockoutState;
}

export interface IdleLockPolicy {
  /** Minutes without input after which the screen locks and asks for the password again. */
  timeoutMinutes: number;
}

export const defaultIdleLockPolicy: IdleLockPolicy = { timeoutMinutes: 10 };

export const idleLockLimits = { minMinutes: 1, maxMinutes: 60 } as const;

/** Epoch milliseconds at which the idle lock falls due. */
export function idleLockAt(lastActivityAt: number, policy: IdleLockPolicy = defaultIdleLockPolicy): number {
  return lastActivityAt + policy.timeoutMinutes * 60_000;
}

export function isIdleLockDue(
  lastActivityAt: number,
  now: number,
  policy: IdleLockPolicy = defaultIdleLockPolicy,
): boolean {
  return now >= idleLockAt(lastActivityAt, policy);
}

/** Checks an idle timeout an administrator enters in settings. */
export function checkIdleTimeout(minutes: number): ValidationIssue | null {
  const { minMinutes, maxMinutes } = idleLockLimits;
  if (Number.isInteger(minutes) && minutes >= minMinutes && minutes <= maxMinutes) return null;
  return issue('timeoutMinutes', 'idleLock.outOfRange', { min: minMinutes, max: maxMinutes });
}
