import { initialLockoutState, type LockoutState } from '../../../shared/base/security/lockout.ts';
import type { LocalStore } from '../db/localStore.ts';

/** Failed sign-ins per username, on this device only (never synced, never in the user document). */
export class LockoutStore {
  readonly #local: LocalStore;

  constructor(local: LocalStore) {
    this.#local = local;
  }

  async get(username: string): Promise<LockoutState> {
    return (await this.#local.lockouts.get(username))?.state ?? initialLockoutState;
  }

  async set(username: string, state: LockoutState): Promise<void> {
    if (state.failures === 0 && state.locks === 0 && state.lockedUntil === null) {
      await this.#local.lockouts.delete(username);
    } else {
      await this.#local.lockouts.put({ username, state });
    }
  }
}
