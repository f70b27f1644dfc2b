/**
 * What this computer received from the platform besides its token (shared/provisions/protocol.ts): its
 * commitment serial blocks, kept in the local settings, and the city's matching key, kept with the
 * device's other secrets (sealed with the data key where the OS store is weak).
 */
import type { SecretStore } from '../../shared/base/platform/bridge.ts';
import type { ProvisionsResponse } from '../../shared/provisions/protocol.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { PlatformError } from '../kernel/sync/platformClient.ts';
import type { SyncProblem } from '../kernel/sync/syncStatus.ts';

const serialBlocksSetting = 'provisions.serialBlocks';
export const matchingKeySecret = 'provisions.cityMatchingKey';

/** Why no further block came: not enrolled, the platform not reached, or its refusal. */
export type SerialBlockRefusal =
  | { reason: 'notEnrolled' }
  | { reason: 'offline' }
  | ({ reason: 'refused' } & Pick<SyncProblem, 'error' | 'message' | 'details'>);

/** The platform side of provisions: the sync service, once open. */
export interface ProvisionsChannel {
  enrolled(): boolean;
  /**
   * Fetches the provisions and keeps them (through `apply`); `moreSerials` asks for one more serial
   * block. Throws when refused or not reached.
   */
  fetchProvisions(moreSerials: boolean): Promise<ProvisionsResponse>;
}

/** Where this computer numbers commitment letters from (shared/commitments/numbering.ts). */
export type SerialBlockHolding =
  /** Not enrolled on a platform: block 0, for a county that works on this one computer. */
  | { mode: 'standalone' }
  /** Enrolled, but the platform's first block has not arrived (a computer enrolled before blocks existed). */
  | { mode: 'awaiting' }
  | { mode: 'platform'; indexes: number[] };

export class DeviceProvisions {
  readonly #local: LocalStore;
  readonly #secrets: SecretStore;
  #channel: ProvisionsChannel | null = null;

  constructor(local: LocalStore, secrets: SecretStore) {
    this.#local = local;
    this.#secrets = secrets;
  }

  /** Connects the platform side (the sync service opens after the repositories). */
  connect(channel: ProvisionsChannel): void {
    this.#channel = channel;
  }

  /** Keeps what the platform handed out: its answer replaces the blocks held before. */
  async apply(provisions: ProvisionsResponse): Promise<void> {
    await this.#local.setSetting(serialBlocksSetting, provisions.serialBlocks);
    if ((await this.#secrets.get(matchingKeySecret)) !== provisions.matchingKey) {
      await this.#secrets.set(matchingKeySecret, provisions.matchingKey);
    }
  }

  async serialBlocks(): Promise<SerialBlockHolding> {
    const indexes = (await this.#local.getSetting<number[]>(serialBlocksSetting)) ?? [];
    if (indexes.length > 0) return { mode: 'platform', indexes };
    return this.#channel?.enrolled() ? { mode: 'awaiting' } : { mode: 'standalone' };
  }

  /** The city's key for `idh:` subject keys; null until the platform handed it over. */
  matchingKey(): Promise<string | null> {
    return this.#secrets.get(matchingKeySecret);
  }

  /**
   * Asks the platform for one more block; a computer still awaiting its first block fetches that one
   * (given at enrollment) instead.
   */
  async requestSerialBlock(): Promise<
    { ok: true; indexes: number[] } | ({ ok: false } & SerialBlockRefusal)
  > {
    if (!this.#channel?.enrolled()) return { ok: false, reason: 'notEnrolled' };
    const awaiting = (await this.serialBlocks()).mode === 'awaiting';
    try {
      const provisions = await this.#channel.fetchProvisions(!awaiting);
      return { ok: true, indexes: provisions.serialBlocks };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.kind === 'transient') return { ok: false, reason: 'offline' };
      return {
        ok: false,
        reason: 'refused',
        error: error.errorName,
        message: error.message,
        details: error.details,
      };
    }
  }
}
