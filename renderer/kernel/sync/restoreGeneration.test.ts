import { afterEach, describe, expect, it } from 'vitest';
import { RestoreGeneration } from './restoreGeneration.ts';
import { SyncStore } from './syncStore.ts';

const stores: SyncStore[] = [];
let serial = 0;

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** A restore generation over a fresh sync store, counting the restarts it asks for. */
async function opened(profile = `test-restore-${++serial}`) {
  const store = new SyncStore(profile);
  stores.push(store);
  const restarts: number[] = [];
  let lifecycle: Promise<unknown> = Promise.resolve();
  const restores = new RestoreGeneration(
    {
      store,
      queue: (work) => {
        const next = lifecycle.then(work);
        lifecycle = next;
        return next;
      },
      restart: async () => {
        restarts.push(restores.current);
      },
    },
    await RestoreGeneration.remembered(store),
  );
  const stored = () => store.getSetting<number>('platformEpoch');
  return { profile, restores, restarts, stored, settled: () => lifecycle };
}

describe('the platform’s restore generation', () => {
  it('learns the first generation without restarting, and restarts once when it changes', async () => {
    const { restores, restarts, stored, settled } = await opened();
    expect(restores.current).toBe(0);
    expect(restores.noteEpoch(1, 0)).toBe(false);
    expect(restores.noteEpoch(1, 0)).toBe(false);
    expect(restarts).toEqual([]);

    // Two collections notice the restore: one restart, and both replications stop.
    expect(restores.noteEpoch(2, 0)).toBe(true);
    expect(restores.noteEpoch(2, 0)).toBe(true);
    await settled();
    expect(restarts).toEqual([1]);
    expect(restores.current).toBe(1);
    // The new generation's replications go on under the generation they learned.
    expect(restores.noteEpoch(2, 1)).toBe(false);
    expect(await stored()).toBe(2);
  });

  it('names replications of a later generation apart, so RxDB starts them afresh', () => {
    const enrollment = { platformUrl: 'https://platform.example', county: { code: '410823' } };
    expect(RestoreGeneration.identifier(enrollment, 'subjects', 0)).toBe(
      'creditdesk|https://platform.example|410823|subjects',
    );
    expect(RestoreGeneration.identifier(enrollment, 'subjects', 2)).toBe(
      'creditdesk|https://platform.example|410823|subjects|restore-2',
    );
  });

  it('remembers the generation and the platform’s epoch across restarts of the app', async () => {
    const first = await opened();
    first.restores.noteEpoch(3, 0);
    first.restores.restored();
    await first.settled();
    const again = await opened(first.profile);
    expect(again.restores.current).toBe(1);
    // Epoch 3 is known: an answer carrying it is no restore.
    expect(again.restores.noteEpoch(3, 1)).toBe(false);
    expect(again.restarts).toEqual([]);
    expect(await again.stored()).toBe(3);
  });

  it('learns another platform’s generation afresh once the previous one is forgotten', async () => {
    const { restores, restarts, stored, settled } = await opened();
    restores.noteEpoch(5, 0);
    await restores.forgetEpoch();
    expect(await stored()).toBeUndefined();
    expect(restores.noteEpoch(1, 0)).toBe(false);
    await settled();
    expect(restarts).toEqual([]);
    expect(await stored()).toBe(1);
  });
});
