/**
 * The platform's restore generation (server/OPERATIONS.md): every pull and push answer carries it, and
 * a platform restored from a backup answers with a new one. The device remembers the one it learned;
 * when it changes, every collection replicates again from the start under a new identifier, so RxDB
 * pulls everything and pushes whatever the restored platform lacks.
 */
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { SyncStore } from './syncStore.ts';

const keys = {
  /** How often this device found the platform restored: part of the replication identifiers. */
  generation: 'restoreGeneration',
  /** The platform's restore generation as its answers last gave it. */
  epoch: 'platformEpoch',
} as const;

export interface RestoreGenerationOptions {
  store: SyncStore;
  /** Runs the restart in turn with the service's other starts and stops. */
  queue: (work: () => Promise<void>) => Promise<void>;
  /** Stops every replication and starts them again (under the identifiers of the new generation). */
  restart: () => Promise<void>;
}

/** What the sync store remembers of earlier restores. */
export interface RememberedRestores {
  generation: number;
  /** Undefined until the first answer that carries it. */
  epoch: number | undefined;
}

export class RestoreGeneration {
  readonly #options: RestoreGenerationOptions;
  #generation: number;
  #epoch: number | undefined;
  #restoring = false;

  constructor(options: RestoreGenerationOptions, remembered: RememberedRestores) {
    this.#options = options;
    this.#generation = remembered.generation;
    this.#epoch = remembered.epoch;
  }

  static async remembered(store: SyncStore): Promise<RememberedRestores> {
    const [generation, epoch] = await Promise.all([
      store.getSetting<number>(keys.generation),
      store.getSetting<number>(keys.epoch),
    ]);
    return { generation: generation ?? 0, epoch };
  }

  /** The generation replications started now belong to. */
  get current(): number {
    return this.#generation;
  }

  /** The replication identifier of a collection in a generation: a new one starts RxDB's replication afresh. */
  static identifier(
    enrollment: { platformUrl: string; county: { code: string } },
    collection: CollectionName,
    generation: number,
  ): string {
    const restored = generation > 0 ? `|restore-${generation}` : '';
    return `creditdesk|${enrollment.platformUrl}|${enrollment.county.code}|${collection}${restored}`;
  }

  /**
   * Learns the platform's restore generation from an answer to a replication of `generation`. A different
   * one than learned before means the platform was restored: every collection starts again. True when
   * the asking replication must stop (that, or a restore already replaced it).
   */
  noteEpoch(epoch: number, generation: number): boolean {
    if (generation !== this.#generation) return true;
    if (this.#epoch === epoch) return false;
    const restored = this.#epoch !== undefined;
    this.#epoch = epoch;
    void this.#options.store.setSetting(keys.epoch, epoch);
    if (restored) this.restored();
    return restored;
  }

  /** Replicates every collection again from the start, once for all collections that noticed. */
  restored(): void {
    if (this.#restoring) return;
    this.#restoring = true;
    // Raised at once, so answers to the replications being replaced are not taken (see noteEpoch).
    this.#generation++;
    void this.#options.queue(async () => {
      try {
        await this.#options.store.setSetting(keys.generation, this.#generation);
        await this.#options.restart();
      } finally {
        this.#restoring = false;
      }
    });
  }

  /** Another platform or county: its restore generation is learned afresh from its first answer. */
  async forgetEpoch(): Promise<void> {
    this.#epoch = undefined;
    await this.#options.store.deleteSetting(keys.epoch);
  }
}
