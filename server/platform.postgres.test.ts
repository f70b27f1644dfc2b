/**
 * The platform as its own process on PostgreSQL: killed (SIGKILL) in the middle of large pushes from
 * several devices, then restarted, and restored from a pg_dump backup. Every device converges; nothing
 * is lost, written twice or half-applied; the feeds' sequences have no gaps; and after a restore the
 * devices are told to sync again from the start.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SubjectDocument } from '../shared/subjects/model.ts';
import { syncPaths } from '../shared/sync/protocol.ts';
import { addCounty } from './accounts/counties.ts';
import { createEnrollmentCode } from './accounts/devices.ts';
import { type Database, openDatabase, toNumber } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { syntheticSubject } from './fixtures/subjects.ts';
import { seedCountyStaff } from './fixtures/users.ts';
import {
  createRows,
  dropSchema,
  freshSchemaName,
  http,
  postgresTestUrl,
  protocolHeaders,
  TestDevice,
  temporaryDir,
} from './test/harness.ts';
import { expectProblem } from './test/suites/badInput.ts';

const scriptsDir = new URL('../scripts/', import.meta.url);
const cliScript = new URL('./cli.ts', import.meta.url);

interface PlatformProcess {
  url: string;
  child: ChildProcess;
}

describe.skipIf(!postgresTestUrl)('platform process on PostgreSQL', () => {
  const schema = freshSchemaName();
  const dataDir = temporaryDir('pg-process');
  const counties = ['430001', '430002'];
  const env = {
    ...process.env,
    DATABASE_URL: postgresTestUrl ?? '',
    CREDITDESK_DATABASE_SCHEMA: schema,
    CREDITDESK_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  };
  let db: Database;
  let running: PlatformProcess | null = null;
  let port = 0;

  async function startProcess(): Promise<PlatformProcess> {
    const child = spawn(process.execPath, [new URL('platform.ts', scriptsDir).pathname], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`platform exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /listening at (http\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    port = Number(new URL(url).port);
    running = { url, child };
    return running;
  }

  async function stopProcess(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = running?.child;
    running = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async function enroll(county: string, name: string): Promise<TestDevice> {
    const { code } = await createEnrollmentCode(db, {
      county,
      createdBy: null,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const enrolled = await http<{ token: string; deviceId: string }>(`${running!.url}${syncPaths.enroll}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: name }),
    });
    expect(enrolled.status).toBe(201);
    return new TestDevice(running!.url, enrolled.body.token, enrolled.body.deviceId, county);
  }

  /** Every batch is stored whole or not at all. */
  async function storedPerBatch(batches: SubjectDocument[][]): Promise<number[]> {
    const counts = [];
    for (const batch of batches) {
      const { rows } = await db.query<{ n: unknown }>(
        "SELECT count(*) AS n FROM documents WHERE collection = 'subjects' AND id = ANY($1::text[])",
        [batch.map((subject) => subject.id)],
      );
      counts.push(toNumber(rows[0]!.n));
    }
    return counts;
  }

  /** Per feed: the write log numbers 1…n without a gap, as many as the documents, and the counter agrees. */
  async function expectGaplessFeeds(): Promise<void> {
    const { rows } = await db.query<{
      feed: string;
      logged: unknown;
      top: unknown;
      last: unknown;
      docs: unknown;
    }>(
      `SELECT w.feed, count(*) AS logged, max(w.sequence) AS top, f.last,
              (SELECT count(*) FROM documents d WHERE d.collection = w.collection AND d.feed = w.feed) AS docs
       FROM write_log w JOIN feed_sequences f ON f.collection = w.collection AND f.feed = w.feed
       WHERE w.collection = 'subjects' GROUP BY w.collection, w.feed, f.last`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect({
        feed: row.feed,
        top: toNumber(row.top),
        last: toNumber(row.last),
        docs: toNumber(row.docs),
      }).toEqual({
        feed: row.feed,
        top: toNumber(row.logged),
        last: toNumber(row.logged),
        docs: toNumber(row.logged),
      });
    }
  }

  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: postgresTestUrl, dataDir, schema });
    await migrate(db);
    for (const [i, code] of counties.entries()) {
      await addCounty(db, { code, nameZh: `重启县${i}`, nameEn: `Restart County ${i}` });
      await seedCountyStaff(db, code);
    }
    await startProcess();
  }, 60_000);

  afterAll(async () => {
    await stopProcess('SIGKILL');
    await db?.close();
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const devices: TestDevice[] = [];
  const pushed = new Map<string, SubjectDocument[]>();

  test('killed with SIGKILL during large pushes, the platform restarts and every device converges', async () => {
    devices.push(
      await enroll(counties[0]!, 'A1'),
      await enroll(counties[0]!, 'A2'),
      await enroll(counties[1]!, 'B1'),
    );
    const batchCount = 4;
    const batchSize = 1_000;
    const batches = devices.map((device) =>
      Array.from({ length: batchCount }, () =>
        Array.from({ length: batchSize }, () => syntheticSubject(device.county)),
      ),
    );
    let inFlight = 0;
    let inFlightAtKill = 0;
    let restarted: Promise<void> | null = null;
    /** Pushes each batch until the platform answers it, as a client retries after a lost answer. */
    const pushAll = async (device: TestDevice, own: SubjectDocument[][]) => {
      for (const [index, batch] of own.entries()) {
        for (;;) {
          // The second batch of the first device is the one cut off: it has just reached the platform.
          if (device === devices[0] && index === 1 && !restarted) {
            restarted = (async () => {
              await new Promise((resolve) => setTimeout(resolve, 150));
              inFlightAtKill = inFlight;
              await stopProcess('SIGKILL');
              const stored = await storedPerBatch(batches.flat());
              expect(stored.filter((count) => count !== 0 && count !== batchSize)).toEqual([]);
              await expectGaplessFeeds();
              await startProcess();
            })();
          }
          inFlight++;
          try {
            const answer = await device.push('subjects', createRows(batch));
            if (answer.status === 200) {
              expect(answer.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
              break;
            }
          } catch {
            // The connection died with the platform: push the same batch again.
          } finally {
            inFlight--;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    await Promise.all(devices.map((device, i) => pushAll(device, batches[i]!)));
    await restarted;
    expect(inFlightAtKill).toBeGreaterThan(0);

    for (const [i, device] of devices.entries()) {
      const own = pushed.get(device.county) ?? [];
      own.push(...batches[i]!.flat());
      pushed.set(device.county, own);
    }
    for (const device of devices) {
      const pulled = await device.pullAll('subjects');
      const ids = pulled.map((document) => document.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(pushed.get(device.county)!.map((subject) => subject.id)));
    }
    const { rows } = await db.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM (SELECT document_id FROM write_log WHERE collection = 'subjects' GROUP BY document_id HAVING count(*) > 1) AS twice",
    );
    expect(toNumber(rows[0]!.n)).toBe(0);
    await expectGaplessFeeds();
  }, 60_000);

  test('restored from pg_dump, devices are told to sync again from the start and lose nothing', async () => {
    const [device, , other] = devices;
    const backup = join(dataDir, 'platform.dump');
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${backup}`, postgresTestUrl!]);

    // Written after the backup: the device holds it, the restored platform will not.
    const afterBackup = syntheticSubject(device!.county);
    expect((await device!.push('subjects', createRows([afterBackup]))).body.rejected).toEqual([]);
    let latest = null;
    for (;;) {
      const page = await device!.pull('subjects', latest, 1_000);
      latest = page.body.checkpoint;
      if (page.body.documents.length < 1_000) break;
    }
    const otherCheckpoint = (await other!.pull('subjects', null, 1_000)).body.checkpoint!;

    await stopProcess('SIGTERM');
    await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    execFileSync('pg_restore', ['--dbname', postgresTestUrl!, backup]);
    const restored = execFileSync(process.execPath, [cliScript.pathname, 'restored'], {
      env,
      encoding: 'utf8',
    });
    expect(restored).toMatch(/^restore generation 2: /);
    await startProcess();
    const resumed = (target: TestDevice) =>
      new TestDevice(running!.url, target.token, target.deviceId, target.county);
    const again = resumed(device!);

    expectProblem(await again.pull('subjects', latest!), 'checkpointAhead');
    expectProblem(await resumed(other!).pull('subjects', otherCheckpoint), 'checkpointAhead');
    // From the start, the device finds what the backup holds; what it wrote since, it pushes again.
    const held = new Set((await again.pullAll('subjects')).map((document) => document.id));
    expect(held.size).toBe(pushed.get(device!.county)!.length);
    expect(held.has(afterBackup.id)).toBe(false);
    const unsynced = syntheticSubject(device!.county);
    expect((await again.push('subjects', createRows([afterBackup, unsynced]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 2,
    });
    const final = (await again.pullAll('subjects')).map((document) => document.id);
    expect(final).toEqual(expect.arrayContaining([afterBackup.id, unsynced.id]));
    expect(final.at(-1)).toBe(unsynced.id);
    expect((await again.pull('subjects', null, 1)).body.checkpoint).toMatchObject({ epoch: 2 });
    await expectGaplessFeeds();
  }, 60_000);
});
