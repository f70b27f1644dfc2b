/**
 * The platform restored from a data-folder snapshot while a client kept working: the client notices the
 * platform's new restore generation, syncs again from the start, pushes back what the snapshot lacks,
 * and loses nothing.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/admin/commands.ts';
import { openDatabase } from '../../server/db/database.ts';
import { eventually, openClient, startTestPlatform, type TestClient, type TestPlatform } from './harness.ts';
import { clientDocuments, platformDocuments, subjectInputs } from './workload.ts';

let platform: TestPlatform | undefined;
let client: TestClient | undefined;

afterEach(async () => {
  await client?.close();
  await platform?.stop();
  client = undefined;
  platform = undefined;
});

async function enrolledClient(
  fetchImpl?: typeof fetch,
): Promise<{ platform: TestPlatform; client: TestClient }> {
  platform = await startTestPlatform();
  client = await openClient({ fetch: fetchImpl });
  const enrolled = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!enrolled.ok) throw new Error(`enrollment failed: ${JSON.stringify(enrolled)}`);
  return { platform, client };
}

function platformHoldsClientState(platform: TestPlatform, client: TestClient): () => Promise<boolean> {
  return async () => {
    const [local, master] = [await clientDocuments(client), await platformDocuments(platform.platform)];
    return local.size === master.size && [...local].every(([id, state]) => master.get(id) === state);
  };
}

/** Copies the platform's data folder while it is stopped, as a nightly backup would. */
async function takeSnapshot(platform: TestPlatform, name: string): Promise<string> {
  const snapshot = join(platform.dataDir, '..', `${name}-snapshot`);
  await platform.restart(async () => {
    cpSync(platform.dataDir, snapshot, { recursive: true });
  });
  return snapshot;
}

/** Puts the snapshot back and tells the platform it was restored (`creditdesk-platform restored`). */
async function restoreSnapshot(platform: TestPlatform, snapshot: string): Promise<void> {
  await platform.restart(async () => {
    rmSync(platform.dataDir, { recursive: true });
    cpSync(snapshot, platform.dataDir, { recursive: true });
    rmSync(snapshot, { recursive: true });
    const database = await openDatabase({ dataDir: platform.dataDir });
    const output: string[] = [];
    try {
      const io = {
        database,
        print: (line: string) => output.push(line),
        readPassword: async () => '',
        env: {},
      };
      expect(await runCli(['restored'], io)).toBe(0);
    } finally {
      await database.close();
    }
    expect(output[0]).toMatch(/^restore generation 2:/);
  });
}

describe('a platform restored from a backup', () => {
  it('gets back from the client everything written after the backup', async () => {
    const { platform, client } = await enrolledClient();
    const inSync = platformHoldsClientState(platform, client);
    const inputs = subjectInputs(11, 4);
    const kept = [await client.subjects.create(inputs[0]!), await client.subjects.create(inputs[1]!)];
    await eventually(inSync);
    const snapshot = await takeSnapshot(platform, client.name);

    // Written and synced after the backup: the restored platform will not have these.
    const later = await client.subjects.create(inputs[2]!);
    await client.subjects.patch(kept[0]!.id, { phone: '13900001111' });
    await eventually(inSync);

    await restoreSnapshot(platform, snapshot);
    const master = await platformDocuments(platform.platform);
    expect(master.has(later.id)).toBe(false);

    // Edited while the platform was being restored: an ordinary unsynced edit.
    const unsynced = await client.subjects.create(inputs[3]!);
    client.sync.syncNow();
    await eventually(inSync, 30_000);
    const local = await clientDocuments(client);
    expect([...local.keys()].sort()).toEqual([kept[0]!.id, kept[1]!.id, later.id, unsynced.id].sort());
    // The edit made after the backup is either the platform's state now or kept as a conflict for the
    // user (the restored platform's older state and the edit have no common base).
    const phone = JSON.parse(local.get(kept[0]!.id)!).phone;
    const conflicts = await client.sync.store.allConflicts();
    const keptAsConflict = conflicts.some(
      (entry) => entry.docId === kept[0]!.id && entry.localState.phone === '13900001111',
    );
    expect({ phone, keptAsConflict }).toSatisfy(
      (outcome: { phone: string; keptAsConflict: boolean }) =>
        outcome.phone === '13900001111' || outcome.keptAsConflict,
    );
  }, 90_000);

  it('is noticed by a client that only pushed (no checkpoint to compare), which then pushes what it lacks', async () => {
    // Pulls fail as on a network that drops them: the client holds no checkpoint, only what its
    // pushes were answered with.
    let pullsFail = false;
    const droppingPulls: typeof fetch = (input, init) =>
      pullsFail && String(input).includes('/pull')
        ? Promise.reject(new TypeError('fetch failed'))
        : fetch(input, init);
    const { platform, client } = await enrolledClient(droppingPulls);
    const inSync = platformHoldsClientState(platform, client);
    pullsFail = true;
    const inputs = subjectInputs(12, 3);
    const kept = await client.subjects.create(inputs[0]!);
    await eventually(inSync);
    const snapshot = await takeSnapshot(platform, client.name);
    const later = await client.subjects.create(inputs[1]!);
    await eventually(inSync);

    await restoreSnapshot(platform, snapshot);
    expect((await platformDocuments(platform.platform)).has(later.id)).toBe(false);
    pullsFail = false;
    const unsynced = await client.subjects.create(inputs[2]!);
    client.sync.syncNow();
    await eventually(inSync, 30_000);
    expect([...(await platformDocuments(platform.platform)).keys()].sort()).toEqual(
      [kept.id, later.id, unsynced.id].sort(),
    );
  }, 90_000);
});
