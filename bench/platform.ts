// Platform benchmark (figures and ratios, not a test): `npx node bench/platform.ts`.
// 1. One device pushes BENCH_PLATFORM_DOCS (50,000) subjects in batches of 1,000 over HTTP; a second device
//    pulls them back. The same documents go into a plain table with multi-row INSERTs for comparison.
// 2. BENCH_PLATFORM_CLIENTS (200) simulated devices hold their event streams open and push and pull small
//    batches concurrently (BENCH_PLATFORM_STREAMS=0: without streams); the platform process's resident
//    memory is sampled meanwhile.
// Uses PostgreSQL when DATABASE_URL or CREDITDESK_TEST_DATABASE_URL is set (fresh schemas, dropped after),
// else PGlite for both the platform and the comparison. The platform runs in its own process
// (scripts/platform.ts), as in production.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SubjectDocument } from '../shared/subjects/model.ts';
import type { SyncCheckpoint } from '../shared/sync/protocol.ts';
import { addCounty } from '../server/accounts/counties.ts';
import { createEnrollmentCode } from '../server/accounts/devices.ts';
import { type Database, openDatabase } from '../server/db/database.ts';
import { lockDataDir } from '../server/db/dataDirLock.ts';
import { migrate } from '../server/db/migrate.ts';
import { syntheticSubject } from '../server/fixtures/subjects.ts';
import { seedCountyStaff } from '../server/fixtures/users.ts';
import { type BenchDevice, createRows, enroll, percentile, pull, push, runLoad } from './platformLoad.ts';

const documentCount = Number(process.env.BENCH_PLATFORM_DOCS ?? 50_000);
const batchSize = 1_000;
const clientCount = Number(process.env.BENCH_PLATFORM_CLIENTS ?? 200);
const loadCounties = 20;
const loadRounds = Number(process.env.BENCH_PLATFORM_ROUNDS ?? 10);
const loadTimeLimitMs = 60_000;
const loadBatch = 5;
const thinkMs = Number(process.env.BENCH_PLATFORM_THINK_MS ?? 1_000);
/** BENCH_PLATFORM_STREAMS=0: the devices do not hold event streams (as before streams were measured). */
const holdStreams = process.env.BENCH_PLATFORM_STREAMS !== '0';

const databaseUrl = process.env.DATABASE_URL || process.env.CREDITDESK_TEST_DATABASE_URL || undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-'));
const suffix = randomBytes(4).toString('hex');
const platformSchema = databaseUrl ? `bench_platform_${suffix}` : undefined;
const rawSchema = databaseUrl ? `bench_raw_${suffix}` : undefined;
const bulkCounty = '410526';

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const fixed = (value: number) => value.toFixed(value < 10 ? 1 : 0);

/**
 * Counties, their staff (the synthetic subjects are written by its clerk) and one-time codes, written
 * before the platform starts (PGlite allows one process at a time).
 */
async function prepareAccounts(): Promise<{ bulk: string[]; load: { county: string; code: string }[] }> {
  const unlock = databaseUrl ? () => {} : lockDataDir(dataDir);
  const db = await openDatabase({ databaseUrl, dataDir, schema: platformSchema });
  try {
    await migrate(db);
    const expiresAt = new Date(Date.now() + 3_600_000);
    await addCounty(db, { code: bulkCounty, nameZh: '示范县', nameEn: 'Demo County' });
    await seedCountyStaff(db, bulkCounty);
    const bulk = [];
    for (let i = 0; i < 2; i++) {
      bulk.push((await createEnrollmentCode(db, { county: bulkCounty, createdBy: null, expiresAt })).code);
    }
    const load = [];
    for (let c = 0; c < loadCounties; c++) {
      const county = `42${String(c).padStart(4, '0')}`;
      await addCounty(db, { code: county, nameZh: `压测县${c}`, nameEn: `Load County ${c}` });
      await seedCountyStaff(db, county);
    }
    for (let i = 0; i < clientCount; i++) {
      const county = `42${String(i % loadCounties).padStart(4, '0')}`;
      load.push({
        county,
        code: (await createEnrollmentCode(db, { county, createdBy: null, expiresAt })).code,
      });
    }
    return { bulk, load };
  } finally {
    await db.close();
    unlock();
  }
}

/** Samples the resident set size of a process (Linux /proc) until stopped; returns the peak in MB. */
function sampleRss(pid: number): { stop(): number } {
  let peakKb = 0;
  const read = () => {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // Not Linux, or the process is gone.
    }
  };
  read();
  const timer = setInterval(read, 250);
  return {
    stop() {
      clearInterval(timer);
      read();
      return Math.round(peakKb / 1024);
    },
  };
}

async function startPlatformProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/platform.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      CREDITDESK_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      CREDITDESK_DATABASE_SCHEMA: platformSchema ?? '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`platform exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /^CreditDesk platform listening at (http\S+)/.exec(line);
      if (match) resolve(match[1]!);
      else if (line.trim() !== '') console.log(`[platform] ${line}`);
    });
  });
  return { url, child };
}

/** The comparison: the same documents into a plain table, 1,000 rows per INSERT. */
async function rawInsert(subjects: readonly SubjectDocument[]): Promise<number> {
  const db: Database = await openDatabase({ databaseUrl, dataDir: join(dataDir, 'raw'), schema: rawSchema });
  try {
    await db.exec(
      'CREATE TABLE raw_subjects (id text PRIMARY KEY, county text NOT NULL, body jsonb NOT NULL)',
    );
    const started = performance.now();
    for (let offset = 0; offset < subjects.length; offset += batchSize) {
      const batch = subjects.slice(offset, offset + batchSize);
      const placeholders = batch
        .map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`)
        .join(', ');
      const params = batch.flatMap((subject) => [subject.id, subject.county, JSON.stringify(subject)]);
      await db.query(`INSERT INTO raw_subjects (id, county, body) VALUES ${placeholders}`, params);
    }
    return performance.now() - started;
  } finally {
    await db.close();
  }
}

async function dropSchemas(): Promise<void> {
  if (!databaseUrl) return;
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    for (const schema of [platformSchema, rawSchema])
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await db.close();
  }
}

const backend = databaseUrl ? 'PostgreSQL' : 'PGlite';
console.log(
  `platform benchmark on ${backend}: ${documentCount} documents, ${clientCount} concurrent clients`,
);
const accounts = await prepareAccounts();
const { url, child } = await startPlatformProcess();
try {
  const writer = await enroll(url, accounts.bulk[0]!, bulkCounty, 'bench writer');
  const reader = await enroll(url, accounts.bulk[1]!, bulkCounty, 'bench reader');
  const subjects = Array.from({ length: documentCount }, () => syntheticSubject(bulkCounty));

  const pushStarted = performance.now();
  for (let offset = 0; offset < subjects.length; offset += batchSize) {
    const outcome = await push(writer, createRows(subjects.slice(offset, offset + batchSize)));
    if (outcome.conflicts.length > 0 || outcome.rejected.length > 0) {
      throw new Error(`bulk push refused documents: ${JSON.stringify(outcome).slice(0, 300)}`);
    }
  }
  const pushMs = performance.now() - pushStarted;

  const pullStarted = performance.now();
  let pulled = 0;
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const page = await pull(reader, checkpoint, batchSize);
    pulled += page.documents.length;
    checkpoint = page.checkpoint;
    if (page.documents.length < batchSize) break;
  }
  const pullMs = performance.now() - pullStarted;
  if (pulled !== documentCount) throw new Error(`pulled ${pulled} of ${documentCount} documents`);

  const rawMs = await rawInsert(subjects);

  const devices: BenchDevice[] = [];
  for (const [i, { county, code }] of accounts.load.entries()) {
    devices.push(await enroll(url, code, county, `bench client ${i}`));
  }
  const rssBeforeLoad = sampleRss(child.pid!).stop();
  const rss = sampleRss(child.pid!);
  const load = await runLoad({
    devices,
    rounds: loadRounds,
    timeLimitMs: loadTimeLimitMs,
    batchSize: loadBatch,
    thinkMs,
    streams: holdStreams,
  });
  const peakRssMb = rss.stop();

  const pushRate = rate(documentCount, pushMs);
  const rawRate = rate(documentCount, rawMs);
  console.log(`\nbulk (${backend}, batches of ${batchSize}):`);
  console.log(`  push over HTTP      ${pushRate} docs/s  (${fixed(pushMs / 1000)} s)   target >= 2000`);
  console.log(
    `  pull over HTTP      ${rate(documentCount, pullMs)} docs/s  (${fixed(pullMs / 1000)} s)   target >= 2000`,
  );
  console.log(`  raw multi-row INSERT ${rawRate} docs/s  (${fixed(rawMs / 1000)} s)`);
  console.log(`  push / raw insert   ${(pushRate / rawRate).toFixed(2)}`);
  console.log(
    `\n${devices.length} concurrent clients over ${loadCounties} counties, up to ${loadRounds} rounds of ` +
      `push ${loadBatch}+1 / pull, think time 0–${thinkMs} ms:`,
  );
  console.log(
    `  requests            ${load.requests} in ${fixed(load.wallMs / 1000)} s (${rate(load.requests, load.wallMs)}/s)`,
  );
  console.log(`  documents           ${load.pushedDocuments} pushed, ${load.pulledDocuments} pulled`);
  console.log(`  load generator CPU  ${Math.round((100 * load.clientCpuMs) / load.wallMs)}% of one core`);
  console.log(
    `  latency ms          p50 ${fixed(percentile(load.latenciesMs, 0.5))}  p95 ${fixed(percentile(load.latenciesMs, 0.95))}` +
      `  p99 ${fixed(percentile(load.latenciesMs, 0.99))}  max ${fixed(Math.max(...load.latenciesMs))}   target p95 < 500`,
  );
  console.log(`  stream events       ${load.streamEvents} received on ${devices.length} open streams`);
  console.log(`  platform RSS        ${rssBeforeLoad} MB before, ${peakRssMb} MB peak during the load`);
  console.log(`  errors              ${load.errors}   target 0`);
  for (const error of load.firstErrors) console.log(`    ${error}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await dropSchemas();
  rmSync(dataDir, { recursive: true, force: true });
}
