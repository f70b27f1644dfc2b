/**
 * The platform restored from a data-folder snapshot while a client kept working: the client is told to
 * sync again from the start, pushes back what the snapshot lacks, and loses nothing.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/admin/commands.ts';
import { openDatabase } from '../../server/db/database.ts';
import { eventually, openClient, startTestPlatform, type TestClient, type TestPlatform } from './harness.ts';
import { clientDocuments, platformDocuments, subjectInputs } from './workload.ts';

let platform: TestPlatform;
let client: TestClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = await openClient();
  const enrolled = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!enrolled.ok) throw new Error(`enrollment failed: ${JSON.stringify(enrolled)}`);
}, 60_000);

afterAll(async () => {
  await client?.close();
  await platform?.stop();
});

async function platformHoldsClientState(): Promise<boolean> {
  const [local, master] = [await clientDocuments(client), await platformDocuments(platform.platform)];
  return local.size === master.size && [...local].every(([id, state]) => master.get(id) === state);
}

describe('a platform restored from a backup', () => {
  it('gets back from the client everything written after the backup', async () => {
    const inputs = subjectInputs(11, 4);
    const kept = [await client.subjects.create(inputs[0]!), await client.subjects.create(inputs[1]!)];
    await eventually(platformHoldsClientState);
    const snapshot = join(platform.dataDir, '..', `${client.name}-snapshot`);
    await platform.restart(async () => {
      cpSync(platform.dataDir, snapshot, { recursive: true });
    });

    // Written and synced after the backup: the restored platform will not have these.
    const later = await client.subjects.create(inputs[2]!);
    await client.subjects.patch(kept[0]!.id, { phone: '13900001111' });
    await eventually(platformHoldsClientState);

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
    const master = await platformDocuments(platform.platform);
    expect(master.has(later.id)).toBe(false);

    // Edited while the platform was being restored: an ordinary unsynced edit.
    const unsynced = await client.subjects.create(inputs[3]!);
    client.sync.syncNow();
    await eventually(platformHoldsClientState, 30_000);
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
});
