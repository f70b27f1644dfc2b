/** The sync service against the real platform: enrollment, refused documents, revocation, fail-safe, restarts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../server/accounts/counties.ts';
import { revokeDevice } from '../../server/accounts/devices.ts';
import { seedCountyStaff } from '../../server/fixtures/users.ts';
import { startPlatform } from '../../server/index.ts';
import { syncPaths } from '../../shared/sync/protocol.ts';
import {
  memorySecrets,
  openClient,
  startTestPlatform,
  type TestClient,
  type TestPlatform,
  testCounty,
  testStaff,
} from './harness.ts';
import { platformDocuments, subjectInputs } from './workload.ts';

let platform: TestPlatform;
const opened: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  await addCounty(platform.platform.database, { code: '410824', nameZh: '修武县', nameEn: 'Xiuwu County' });
  await seedCountyStaff(platform.platform.database, '410824');
}, 60_000);

afterAll(async () => {
  for (const client of opened) await client.close().catch(() => {});
  await platform?.stop();
});

async function enrolledClient(options: Parameters<typeof openClient>[0] = {}): Promise<TestClient> {
  const client = await openClient(options);
  opened.push(client);
  const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!outcome.ok) throw new Error(`enrollment failed: ${JSON.stringify(outcome)}`);
  return client;
}

/** A fetch that counts the requests per path. */
function countingFetch(): { fetch: typeof fetch; count(path: string): number; pulled: () => number } {
  const counts = new Map<string, number>();
  let pulled = 0;
  return {
    fetch: async (input, init) => {
      const path = new URL(String(input)).pathname;
      counts.set(path, (counts.get(path) ?? 0) + 1);
      const response = await fetch(input, init);
      if (path.endsWith('/pull') && response.ok) {
        pulled += ((await response.clone().json()) as { documents: unknown[] }).documents.length;
      }
      return response;
    },
    count: (path) => counts.get(path) ?? 0,
    pulled: () => pulled,
  };
}

async function settle(client: TestClient): Promise<void> {
  client.sync.syncNow();
  await client.sync.awaitInSync();
}

describe('enrollment', () => {
  it('refuses a code of another county than the office’s, keeping no token', async () => {
    const secrets = memorySecrets();
    const client = await openClient({ secrets });
    opened.push(client);
    const code = await platform.enrollmentCode('410824');
    const outcome = await client.sync.enroll(platform.platform.url, code);
    expect(outcome).toMatchObject({ ok: false, reason: 'wrongCounty', county: { code: '410824' } });
    expect(client.sync.status.state).toBe('notEnrolled');
    expect(await secrets.get('sync.deviceToken')).toBeNull();
  });

  it('asks the shell to reach the platform first, and enrolls nothing when it may not (yet)', async () => {
    for (const allowance of ['declined', 'restarting'] as const) {
      const asked: string[] = [];
      const requests = countingFetch();
      const secrets = memorySecrets();
      const client = await openClient({
        secrets,
        fetch: requests.fetch,
        allowPlatform: async (url) => {
          asked.push(url);
          return allowance;
        },
      });
      opened.push(client);
      const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
      expect(outcome).toEqual({
        ok: false,
        reason: 'platformNotAllowed',
        restarting: allowance === 'restarting',
      });
      expect(asked).toEqual([platform.platform.url]);
      expect(requests.count(syncPaths.enroll)).toBe(0);
      expect(client.sync.status.state).toBe('notEnrolled');
      expect(await secrets.get('sync.deviceToken')).toBeNull();
    }
  });

  it('reports an unknown code with the catalogue name', async () => {
    const client = await openClient();
    opened.push(client);
    const outcome = await client.sync.enroll(platform.platform.url, 'NOT-A-CODE');
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'platform',
      problem: { error: 'enrollmentCodeUnknown' },
    });
  });
});

describe('refused documents', () => {
  it('are kept with their reasons, held back until edited, then resent', async () => {
    const requests = countingFetch();
    const client = await enrolledClient({ fetch: requests.fetch });
    const subject = await client.subjects.create(subjectInputs(11, 1)[0]!);
    await settle(client);
    expect(client.sync.records.stateOf('subjects', subject.id)).toBe('synced');

    await client.subjects.patch(subject.id, { phone: '12345' });
    await settle(client);
    const [refusal] = await client.sync.resolutions.refusals();
    expect(refusal).toMatchObject({ docId: subject.id, issues: [{ field: 'phone', code: 'phone' }] });
    expect(refusal!.baseState).toMatchObject({ phone: subject.phone });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.sync.records.stateOf('subjects', subject.id)).toBe('refused');

    // Not pushed again while unchanged, however often sync runs.
    const pushes = requests.count('/sync/v1/subjects/push');
    await settle(client);
    await settle(client);
    expect(requests.count('/sync/v1/subjects/push')).toBe(pushes);

    await client.subjects.patch(subject.id, { phone: '13912345678' });
    await settle(client);
    expect(await client.sync.resolutions.refusals()).toEqual([]);
    const master = JSON.parse((await platformDocuments(platform.platform)).get(subject.id)!);
    expect(master.phone).toBe('13912345678');
  });

  it('can be discarded, bringing the platform’s version back', async () => {
    const client = await enrolledClient();
    const subject = await client.subjects.create(subjectInputs(12, 1)[0]!);
    await settle(client);
    await client.subjects.patch(subject.id, { phone: '999', name: '改坏的名称' });
    await settle(client);
    expect(await client.sync.resolutions.refusals()).toHaveLength(1);

    await client.sync.resolutions.discardRefusal('subjects', subject.id);
    await settle(client);
    expect(await client.sync.store.refusals()).toEqual([]);
    expect(await client.subjects.get(subject.id)).toMatchObject({ phone: subject.phone, name: subject.name });
  });

  it('include writes by a user whose role does not allow them, and by a user the platform does not know', async () => {
    const inspector = await enrolledClient({ userId: testStaff.inspector });
    const byInspector = await inspector.subjects.create(subjectInputs(16, 1)[0]!);
    await settle(inspector);
    const stranger = await enrolledClient({ userId: '00000000-0000-7000-8000-999999999999' });
    const byStranger = await stranger.subjects.create(subjectInputs(17, 1)[0]!);
    await settle(stranger);

    expect(await inspector.sync.resolutions.refusals()).toMatchObject([
      {
        docId: byInspector.id,
        issues: [{ field: 'createdBy', code: 'permission.denied', params: { action: 'subject.create' } }],
      },
    ]);
    expect(await stranger.sync.resolutions.refusals()).toMatchObject([
      { docId: byStranger.id, issues: [{ field: 'createdBy', code: 'permission.unknownUser' }] },
    ]);
    expect(inspector.sync.records.stateOf('subjects', byInspector.id)).toBe('refused');
    const master = await platformDocuments(platform.platform);
    expect(master.has(byInspector.id)).toBe(false);
    expect(master.has(byStranger.id)).toBe(false);
  });
});

describe('stopping', () => {
  it('stops with "enroll again" when the device is revoked', async () => {
    const client = await enrolledClient();
    await settle(client);
    await revokeDevice(platform.platform.database, client.sync.status.enrollment!.deviceId);
    // The platform caches device sessions for five seconds; a revocation from outside takes that long.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    await client.subjects.create(subjectInputs(13, 1)[0]!);
    for (let i = 0; i < 100 && client.sync.status.state !== 'blocked'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(client.sync.status.blocked).toMatchObject({
      reason: 'unauthorized',
      problem: { error: 'deviceRevoked' },
    });
  }, 20_000);

  it('stops with "update CreditDesk" when the platform expects a newer schema', async () => {
    const newer = await startPlatform({
      dataDir: `${platform.dataDir}-newer`,
      logLevel: 'silent',
      schemaVersions: { subjects: 99 },
    });
    try {
      await addCounty(newer.database, testCounty);
      await seedCountyStaff(newer.database, testCounty.code);
      const { createEnrollmentCode } = await import('../../server/accounts/devices.ts');
      const { code } = await createEnrollmentCode(newer.database, {
        county: testCounty.code,
        createdBy: null,
        expiresAt: new Date(Date.now() + 60_000),
      });
      const client = await openClient();
      opened.push(client);
      await client.sync.enroll(newer.url, code);
      for (let i = 0; i < 100 && client.sync.status.state !== 'blocked'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(client.sync.status.blocked).toMatchObject({
        reason: 'update',
        problem: { error: 'clientSchemaOutdated' },
      });
      await client.close();
      opened.pop();
    } finally {
      await newer.close();
    }
  }, 60_000);
});

describe('fail-safe', () => {
  it('holds a push deleting too much until a person continues, and the pull on the other side too', async () => {
    const sender = await enrolledClient();
    const receiver = await enrolledClient();
    const subjects = [];
    for (const input of subjectInputs(14, 30)) subjects.push(await sender.subjects.create(input));
    await settle(sender);
    await settle(receiver);
    const before = await receiver.db.subjects.count().exec();

    await sender.sync.pause();
    const doomed = await sender.db.subjects.findByIds(subjects.slice(0, 25).map((s) => s.id)).exec();
    for (const doc of doomed.values()) await doc.remove();
    await sender.sync.resume();
    for (let i = 0; i < 100 && sender.sync.status.held.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [held] = sender.sync.status.held;
    expect(held).toMatchObject({ direction: 'push', deletions: 25 });
    sender.sync.decideHeldDeletion(held!.id, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sender.sync.status.state).toBe('paused');
    expect(await receiver.db.subjects.count().exec()).toBe(before);

    await sender.sync.resume();
    for (let i = 0; i < 100 && sender.sync.status.held.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    sender.sync.decideHeldDeletion(sender.sync.status.held[0]!.id, true);
    await sender.sync.awaitInSync();

    receiver.sync.syncNow();
    for (let i = 0; i < 100 && receiver.sync.status.held.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(receiver.sync.status.held[0]).toMatchObject({ direction: 'pull', deletions: 25 });
    receiver.sync.decideHeldDeletion(receiver.sync.status.held[0]!.id, true);
    await receiver.sync.awaitInSync();
    expect(await receiver.db.subjects.count().exec()).toBe(before - 25);
  }, 60_000);
});

describe('restarts', () => {
  it('resume where they stopped: nothing pending is lost, nothing pulled is fetched again', async () => {
    const secrets = memorySecrets();
    const name = `restart-client-${Date.now()}`;
    const requests = countingFetch();
    let client = await openClient({ name, secrets, pushBatchSize: 50, fetch: requests.fetch });
    const inputs = subjectInputs(15, 300);
    const created = [];
    for (const input of inputs) created.push(await client.subjects.create(input));
    const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
    expect(outcome.ok).toBe(true);
    // Close the app in the middle of the upload.
    for (let i = 0; i < 200 && requests.count('/sync/v1/subjects/push') < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await client.close();
    const onPlatform = (await platformDocuments(platform.platform)).size;

    client = await openClient({ name, secrets, pushBatchSize: 50, fetch: requests.fetch });
    opened.push(client);
    await client.sync.start();
    await settle(client);
    const master = await platformDocuments(platform.platform);
    expect(created.every((doc) => master.has(doc.id))).toBe(true);
    expect(client.sync.records.pendingCount('subjects')).toBe(0);
    expect(onPlatform).toBeLessThan(master.size);

    // A second start pulls nothing it already has.
    await client.close();
    opened.pop();
    const pulledBefore = requests.pulled();
    client = await openClient({ name, secrets, fetch: requests.fetch });
    opened.push(client);
    await client.sync.start();
    await settle(client);
    expect(requests.pulled() - pulledBefore).toBe(0);
  }, 60_000);
});
