import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTimer } from './quietTimer.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a quiet timer', () => {
  it('runs once, a delay after the last of a burst of pokes, arming few timers', () => {
    const task = vi.fn();
    const timer = new QuietTimer(task);
    const armed = vi.spyOn(globalThis, 'setTimeout');
    for (let poke = 0; poke < 10_000; poke++) {
      if (poke % 1000 === 999) vi.advanceTimersByTime(100);
      timer.poke(1000);
    }
    vi.advanceTimersByTime(999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledOnce();
    expect(armed.mock.calls.length).toBeLessThan(5);
  });

  it('runs sooner when a later poke asks for a shorter delay', () => {
    const task = vi.fn();
    const timer = new QuietTimer(task);
    timer.poke(5000);
    timer.poke(0);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledOnce();
  });

  it('runs nothing once cancelled', () => {
    const task = vi.fn();
    const timer = new QuietTimer(task);
    timer.poke(100);
    timer.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
