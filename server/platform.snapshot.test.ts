/**
 * Backup of a PGlite platform: a copy of its stopped data folder, restored in place, then `restored`.
 * Devices holding newer checkpoints are told to sync again from the start; they push again what the
 * snapshot lacks, and nothing is lost.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { syncPaths } from '../shared/sync/protocol.ts';
import { addCounty } from './accounts/counties.ts';
import { syntheticSubject } from './fixtures/subjects.ts';
import { seedCountyStaff } from './fixtures/users.ts';
import { type RunningPlatform, startPlatform } from './index.ts';
import { createRows, enrollTestDevice, TestDevice, temporaryDir } from './test/harness.ts';
import { expectProblem } from './test/suites/badInput.ts';

const root = temporaryDir('snapshot');
const dataDir = join(root, 'platform');
const snapshot = join(root, 'snapshot');
const county = '440001';

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(): Promise<RunningPlatform> {
  return startPlatform({ dataDir, logLevel: 'silent' });
}

test('a restored data-folder snapshot tells devices to resync, and they lose nothing', async () => {
  let platform = await start();
  await addCounty(platform.database, { code: county, nameZh: '快照县', nameEn: 'Snapshot County' });
  await seedCountyStaff(platform.database, county);
  const enrolled = await enrollTestDevice(platform, county, 'office pc');
  // The platform comes back on another port: the same device, addressed anew.
  const device = (url: string) => new TestDevice(url, enrolled.token, enrolled.deviceId, county);
  const before = syntheticSubject(county);
  await device(platform.url).push('subjects', createRows([before]));
  const blob = Buffer.from('扫描件 scanned decision');
  const sha256 = createHash('sha256').update(blob).digest('hex');
  const put = await device(platform.url).request(syncPaths.blob(sha256), {
    method: 'PUT',
    headers: { ...device(platform.url).headers(), 'content-type': 'application/octet-stream' },
    body: blob,
  });
  expect(put.status).toBe(201);
  await platform.close();
  cpSync(dataDir, snapshot, { recursive: true });

  platform = await start();
  const after = syntheticSubject(county);
  await device(platform.url).push('subjects', createRows([after]));
  const latest = (await device(platform.url).pull('subjects')).body.checkpoint!;
  expect(latest.sequence).toBe(2);
  await platform.close();

  rmSync(dataDir, { recursive: true });
  cpSync(snapshot, dataDir, { recursive: true });
  const cli = new URL('./cli.ts', import.meta.url).pathname;
  const restored = execFileSync(process.execPath, [cli, 'restored'], {
    env: { ...process.env, DATABASE_URL: '', CREDITDESK_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(restored).toMatch(/^restore generation 2: /);

  platform = await start();
  try {
    const again = device(platform.url);
    expectProblem(await again.pull('subjects', latest), 'checkpointAhead');
    expect((await again.pullAll('subjects')).map((document) => document.id)).toEqual([before.id]);
    const unsynced = syntheticSubject(county);
    expect((await again.push('subjects', createRows([after, unsynced]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 2,
    });
    expect((await again.pullAll('subjects')).map((document) => document.id)).toEqual([
      before.id,
      after.id,
      unsynced.id,
    ]);
    expect((await again.request(syncPaths.blob(sha256), { headers: again.headers() })).status).toBe(200);
  } finally {
    await platform.close();
  }
}, 60_000);
