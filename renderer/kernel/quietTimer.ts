/**
 * Runs a task once pokes have stopped for a while (a debounce). A poke only notes when the task falls
 * due, so a burst of thousands of changes arms one timer instead of clearing and setting one per change.
 */
export class QuietTimer {
  readonly #task: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firesAt = 0;
  #dueAt = 0;

  constructor(task: () => void) {
    this.#task = task;
  }

  /** Puts the task off until `delayMs` from now (sooner too, when that is earlier than planned). */
  poke(delayMs: number): void {
    const now = Date.now();
    this.#dueAt = now + delayMs;
    if (this.#timer === undefined || this.#dueAt < this.#firesAt) this.#arm(now);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(now: number): void {
    clearTimeout(this.#timer);
    this.#firesAt = this.#dueAt;
    this.#timer = setTimeout(() => this.#fire(), this.#dueAt - now);
  }

  #fire(): void {
    this.#timer = undefined;
    const now = Date.now();
    if (now < this.#dueAt) this.#arm(now);
    else this.#task();
  }
}
