// Sync benchmark (not a test): `npx node bench/sync.ts` [BENCH_SYNC_DOCS=50000] [BENCH_SYNC_STORAGE=fake-indexeddb].
// Subjects go from one client to the platform (PGlite) and on to a second client with the real sync
// service. The clients use RxDB's memory storage by default: Dexie on fake-indexeddb (the tests' storage)
// reads each upstream batch through an index cursor that gets slower as the store grows (about 66 docs/s
// at 5,000 documents), which measures fake-indexeddb rather than sync; real IndexedDB (Chromium) has no
// such cost. BENCH_SYNC_STORAGE=fake-indexeddb runs the Dexie storage anyway.
import 'fake-indexeddb/auto';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { generateDemoSubjects } from '../shared/demo/subjects.ts';
import type { SubjectDocument } from '../shared/subjects/model.ts';
import { uuidv7 } from '../shared/base/uuid.ts';
import { openClient, startTestPlatform, testCounty, testStaff } from '../test/integration/harness.ts';

const count = Number(process.env.BENCH_SYNC_DOCS ?? 50_000);
const storageName = process.env.BENCH_SYNC_STORAGE === 'fake-indexeddb' ? 'fake-indexeddb' : 'memory';
const storage = storageName === 'memory' ? (getRxStorageMemory() as RxStorage<unknown, unknown>) : undefined;
const target = 2_000;

function rate(docs: number, ms: number): string {
  return `${Math.round(docs / (ms / 1000))} docs/s`;
}

async function waitUntil(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

const platform = await startTestPlatform();
const sender = await openClient({ name: `bench-sender-${Date.now()}`, storage, pushBatchSize: 1_000 });
const receiver = await openClient({ name: `bench-receiver-${Date.now()}`, storage });
try {
  const now = new Date().toISOString();
  const documents: SubjectDocument[] = generateDemoSubjects({
    seed: 50,
    count,
    division: testCounty.code,
  }).map((input) => ({
    ...input,
    id: uuidv7(),
    county: testCounty.code,
    createdAt: now,
    updatedAt: now,
    createdBy: testStaff.clerk,
    updatedBy: testStaff.clerk,
  }));
  let start = performance.now();
  for (let offset = 0; offset < documents.length; offset += 5_000) {
    await sender.db.subjects.bulkInsert(documents.slice(offset, offset + 5_000));
  }
  const insertMs = performance.now() - start;
  await waitUntil(() => sender.sync.records.pendingCount('subjects') === count);

  start = performance.now();
  const sent = await sender.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!sent.ok) throw new Error(`enrollment failed: ${JSON.stringify(sent)}`);
  await waitUntil(() => sender.sync.records.pendingCount('subjects') === 0);
  await sender.sync.awaitInSync();
  const pushMs = performance.now() - start;

  start = performance.now();
  const received = await receiver.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!received.ok) throw new Error(`enrollment failed: ${JSON.stringify(received)}`);
  await receiver.sync.awaitInSync();
  await waitUntil(async () => (await receiver.db.subjects.count().exec()) === count);
  const pullMs = performance.now() - start;

  console.log(
    `\nSync, ${count} subjects, Node ${process.version}, client storage ${storageName}, platform on PGlite:`,
  );
  console.log(`  local insert (not sync)          ${Math.round(insertMs)} ms  (${rate(count, insertMs)})`);
  console.log(
    `  client → platform (push)         ${Math.round(pushMs)} ms  (${rate(count, pushMs)}; target ≥ ${target})`,
  );
  console.log(
    `  platform → client (pull)         ${Math.round(pullMs)} ms  (${rate(count, pullMs)}; target ≥ ${target})`,
  );
} finally {
  await sender.close();
  await receiver.close();
  await platform.stop();
}
