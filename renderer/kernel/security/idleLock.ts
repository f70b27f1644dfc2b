import { idleLockAt, isIdleLockDue } from '../../../shared/base/security/lockout.ts';

/** Schedules `run` after `ms`; returns a function that cancels it. */
export type Scheduler = (run: () => void, ms: number) => () => void;

export const timerScheduler: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface IdleLockOptions {
  timeoutMinutes: number;
  onIdle: () => void;
  /** Epoch milliseconds. */
  now?: () => number;
  schedule?: Scheduler;
}

/**
 * Locks after a stretch without user activity (shared/base/security/lockout.ts decides when). Activity only
 * records the time; one timer per stretch checks when the lock falls due and re-arms if there was
 * activity meanwhile, so a stream of pointer events costs nothing but a number.
 */
export class IdleLock {
  readonly #onIdle: () => void;
  readonly #now: () => number;
  readonly #schedule: Scheduler;
  #timeoutMinutes: number;
  #lastActivity = 0;
  #cancel: (() => void) | null = null;

  constructor(options: IdleLockOptions) {
    this.#onIdle = options.onIdle;
    this.#now = options.now ?? Date.now;
    this.#schedule = options.schedule ?? timerScheduler;
    this.#timeoutMinutes = options.timeoutMinutes;
  }

  get running(): boolean {
    return this.#cancel !== null;
  }

  start(): void {
    this.#lastActivity = this.#now();
    this.#arm();
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  activity(): void {
    this.#lastActivity = this.#now();
  }

  setTimeoutMinutes(minutes: number): void {
    this.#timeoutMinutes = minutes;
    if (this.running) this.#arm();
  }

  #arm(): void {
    this.#cancel?.();
    const policy = { timeoutMinutes: this.#timeoutMinutes };
    const wait = Math.max(0, idleLockAt(this.#lastActivity, policy) - this.#now());
    this.#cancel = this.#schedule(() => {
      if (isIdleLockDue(this.#lastActivity, this.#now(), policy)) {
        this.#cancel = null;
        this.#onIdle();
      } else {
        this.#arm();
      }
    }, wait);
  }
}
