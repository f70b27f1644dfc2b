import { describe, expect, it } from 'vitest';
import { IdleLock, type Scheduler } from './idleLock.ts';

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = Date.parse('2026-11-20T08:00:00Z');
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const schedule: Scheduler = (run, ms) => {
    const timer = { at: now + ms, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      next.cancelled = true;
      next.run();
    }
    now = until;
  };
  return { now: () => now, schedule, advance, pending: () => timers.filter((t) => !t.cancelled).length };
}

describe('idle lock', () => {
  it('locks once the timeout passes without activity', () => {
    const time = fakeTime();
    let locks = 0;
    const idle = new IdleLock({
      timeoutMinutes: 10,
      onIdle: () => locks++,
      now: time.now,
      schedule: time.schedule,
    });
    idle.start();
    time.advance(9 * 60_000 + 59_000);
    expect(locks).toBe(0);
    time.advance(1_000);
    expect(locks).toBe(1);
    expect(idle.running).toBe(false);
    time.advance(60 * 60_000);
    expect(locks).toBe(1);
  });

  it('counts the timeout from the last activity', () => {
    const time = fakeTime();
    let locks = 0;
    const idle = new IdleLock({
      timeoutMinutes: 10,
      onIdle: () => locks++,
      now: time.now,
      schedule: time.schedule,
    });
    idle.start();
    time.advance(8 * 60_000);
    idle.activity();
    time.advance(8 * 60_000);
    expect(locks).toBe(0);
    idle.activity();
    time.advance(9 * 60_000);
    expect(locks).toBe(0);
    time.advance(60_000);
    expect(locks).toBe(1);
    expect(time.pending()).toBe(0);
  });

  it('applies a changed timeout at once and stops when asked', () => {
    const time = fakeTime();
    let locks = 0;
    const idle = new IdleLock({
      timeoutMinutes: 10,
      onIdle: () => locks++,
      now: time.now,
      schedule: time.schedule,
    });
    idle.start();
    time.advance(2 * 60_000);
    idle.setTimeoutMinutes(1);
    expect(locks).toBe(0);
    time.advance(0);
    expect(locks).toBe(1);

    idle.start();
    idle.stop();
    time.advance(60 * 60_000);
    expect(locks).toBe(1);
  });
});
