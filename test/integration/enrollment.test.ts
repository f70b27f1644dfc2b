/**
 * Enrollment over a network that loses the platform's answer: the client stores a key before it asks,
 * retries with it, and the platform answers a retry with the same device. No orphan device is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../shared/sync/protocol.ts';
import { LocalStore } from '../../renderer/kernel/db/localStore.ts';
import { DeviceProvisions, matchingKeySecret } from '../../renderer/provisions/deviceProvisions.ts';
import { listDevices } from '../../server/accounts/devices.ts';
import { cityMatchingKey } from '../../server/accounts/provisions.ts';
import {
  eventually,
  memorySecrets,
  openClient,
  startTestPlatform,
  type TestClient,
  type TestPlatform,
} from './harness.ts';
import { subjectInputs } from './workload.ts';

let platform: TestPlatform;
const clients: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await platform?.stop();
});

/** A fetch whose next `count` enrollment answers are lost after the platform has committed them. */
function losingEnrollmentAnswers(count: { lost: number }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith(syncPaths.enroll) && count.lost > 0) {
      count.lost--;
      await response.body?.cancel();
      throw new TypeError('fetch failed');
    }
    return response;
  };
}

async function countyDevices(): Promise<string[]> {
  const devices = await listDevices(platform.platform.database, null);
  return devices.map((device) => device.id);
}

describe('what an enrolled device receives besides its token', () => {
  it('its commitment serial block and the city matching key, when it connects, kept with the device secrets', async () => {
    const secrets = memorySecrets();
    const local = new LocalStore(`provisions-${Date.now()}`);
    const provisions = new DeviceProvisions(local, secrets);
    const client = await openClient({ secrets, provisions });
    clients.push(client);
    provisions.connect({
      enrolled: () => client.sync.status.enrollment !== null,
      fetchProvisions: (moreSerials) => client.sync.fetchProvisions(moreSerials),
    });
    expect(await provisions.serialBlocks()).toEqual({ mode: 'standalone' });
    const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
    expect(outcome.ok).toBe(true);
    await eventually(async () => (await provisions.serialBlocks()).mode === 'platform');
    const { rows } = await platform.platform.database.query<{ block_index: number }>(
      'SELECT block_index FROM serial_blocks WHERE device_id = $1',
      [outcome.ok ? outcome.enrollment.deviceId : ''],
    );
    expect(await provisions.serialBlocks()).toEqual({
      mode: 'platform',
      indexes: rows.map((row) => row.block_index),
    });
    expect(await provisions.matchingKey()).toBe(await cityMatchingKey(platform.platform.database));
    expect(await secrets.get(matchingKeySecret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    local.close();
  });
});

describe('enrollment over a network that loses answers', () => {
  it('a lost answer is retried with the same key and yields one device that syncs', async () => {
    const before = await countyDevices();
    const client = await openClient({ fetch: losingEnrollmentAnswers({ lost: 1 }) });
    clients.push(client);
    const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
    expect(outcome.ok).toBe(true);
    const deviceId = outcome.ok ? outcome.enrollment.deviceId : '';
    expect(await countyDevices()).toEqual([...before, deviceId]);

    const created = await client.subjects.create(subjectInputs(7, 1)[0]!);
    await eventually(async () => {
      const { rows } = await platform.platform.database.query('SELECT 1 FROM documents WHERE id = $1', [
        created.id,
      ]);
      return rows.length === 1;
    });
  });

  it('after every try failed, entering the same code again returns the device the platform created', async () => {
    const before = await countyDevices();
    const answers = { lost: 3 };
    const client = await openClient({ fetch: losingEnrollmentAnswers(answers) });
    clients.push(client);
    const code = await platform.enrollmentCode();
    const failed = await client.sync.enroll(platform.platform.url, code);
    expect(failed).toMatchObject({ ok: false, reason: 'platform' });
    expect(answers.lost).toBe(0);
    const orphan = (await countyDevices()).filter((id) => !before.includes(id));
    expect(orphan).toHaveLength(1);

    const retried = await client.sync.enroll(platform.platform.url, code.toLowerCase());
    expect(retried).toMatchObject({ ok: true, enrollment: { deviceId: orphan[0] } });
    expect(await countyDevices()).toEqual([...before, orphan[0]]);
  });
});
