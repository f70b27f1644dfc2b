/**
 * Batches held by the fail-safe (failSafe.ts) until a person answers: each waits under a number the
 * status shows, and resolves true to continue or false to cancel.
 */
import type { DeletionHold } from './collectionSync.ts';
import type { HeldDeletion } from './syncStatus.ts';

export class HeldDeletions {
  readonly #held = new Map<number, { hold: DeletionHold; decide: (proceed: boolean) => void }>();
  readonly #changed: (held: HeldDeletion[]) => void;
  #serial = 0;

  /** `changed` gets the batches waiting whenever one is held or answered. */
  constructor(changed: (held: HeldDeletion[]) => void) {
    this.#changed = changed;
  }

  /** Holds a batch until `decide` answers for it; `cancelled` runs when a person cancels it. */
  hold(hold: DeletionHold, cancelled: () => void): Promise<boolean> {
    const id = ++this.#serial;
    return new Promise((resolve) => {
      this.#held.set(id, {
        hold,
        decide: (proceed) => {
          if (!this.#held.delete(id)) return;
          this.#report();
          if (!proceed) cancelled();
          resolve(proceed);
        },
      });
      this.#report();
    });
  }

  /** A person's answer for one held batch; an unknown or answered one is ignored. */
  decide(id: number, proceed: boolean): void {
    this.#held.get(id)?.decide(proceed);
  }

  /** Answers "cancel" for every held batch (sync stops). */
  cancelAll(): void {
    for (const { decide } of this.#held.values()) decide(false);
  }

  #report(): void {
    this.#changed([...this.#held].map(([id, { hold }]) => ({ id, ...hold })));
  }
}
