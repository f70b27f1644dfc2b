import { describe, expect, it } from 'vitest';
import { backoffDelay, wait } from './backoff.ts';
import { exceedsDeletionLimit } from './failSafe.ts';

describe('deletion fail-safe', () => {
  it('holds batches deleting more than 10% of a collection, from 20 documents on', () => {
    expect(exceedsDeletionLimit(19, 50)).toBe(false);
    expect(exceedsDeletionLimit(20, 50)).toBe(true);
    expect(exceedsDeletionLimit(20, 200)).toBe(false);
    expect(exceedsDeletionLimit(21, 200)).toBe(true);
    expect(exceedsDeletionLimit(100, 1_000)).toBe(false);
    expect(exceedsDeletionLimit(101, 1_000)).toBe(true);
  });

  it('follows a configured share and minimum', () => {
    const limit = { share: 0.5, minimum: 5 };
    expect(exceedsDeletionLimit(4, 4, limit)).toBe(false);
    expect(exceedsDeletionLimit(5, 10, limit)).toBe(false);
    expect(exceedsDeletionLimit(6, 10, limit)).toBe(true);
  });
});

describe('backoff', () => {
  const options = { baseMs: 100, maxMs: 2_000 };

  it('doubles up to the maximum, keeping between half and all of each step', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([
      100, 200, 400, 800, 1_600, 2_000, 2_000,
    ]);
    expect([0, 1, 2, 5].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([
      50, 100, 200, 1_000,
    ]);
  });

  it('waits, or stops waiting when aborted', async () => {
    expect(await wait(1)).toBe(true);
    const controller = new AbortController();
    const waiting = wait(60_000, controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });
});
