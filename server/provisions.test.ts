/**
 * What the platform hands an enrolled device (shared/provisions/protocol.ts), on PGlite and, when
 * CREDITDESK_TEST_DATABASE_URL is set, on PostgreSQL: commitment serial blocks that never overlap within
 * a county whatever the timing, and the city's matching key.
 */
import { describe, expect, it } from 'vitest';
import { blocksPerCounty } from '../shared/commitments/numbering.ts';
import {
  maxSerialBlocksPerDevice,
  type ProvisionsResponse,
  provisionPaths,
} from '../shared/provisions/protocol.ts';
import type { SyncErrorResponse } from '../shared/sync/errors.ts';
import { addOperator } from './accounts/operators.ts';
import { adminPaths } from '../shared/sync/adminProtocol.ts';
import {
  http,
  postgresTestUrl,
  protocolHeaders,
  type TestBackend,
  type TestDevice,
  usePlatform,
} from './test/harness.ts';

const provisions = (device: TestDevice) =>
  device.request<ProvisionsResponse>(provisionPaths.provisions, { headers: device.headers() });
const moreSerials = (device: TestDevice) =>
  device.request<ProvisionsResponse & SyncErrorResponse>(provisionPaths.serialBlocks, {
    method: 'POST',
    headers: device.headers(),
  });

const password = 'county administrator pw';
const backends: TestBackend[] = postgresTestUrl ? ['pglite', 'postgres'] : ['pglite'];

describe.each(backends)('device provisions on %s', (backend) => {
  const env = usePlatform(backend);

  it('gives each enrolled device of a county its own block, and another county blocks of its own', async () => {
    const county = await env.newCounty({ staffed: false });
    const other = await env.newCounty({ staffed: false });
    const first = await provisions(await env.enroll(county));
    const second = await provisions(await env.enroll(county));
    const elsewhere = await provisions(await env.enroll(other));
    expect(first.status).toBe(200);
    expect(first.body.serialBlocks).toEqual([1]);
    expect(second.body.serialBlocks).toEqual([2]);
    expect(elsewhere.body.serialBlocks).toEqual([1]);
    // One city, one key, for every device of every county.
    expect(first.body.matchingKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.body.matchingKey).toBe(first.body.matchingKey);
    expect(elsewhere.body.matchingKey).toBe(first.body.matchingKey);
  });

  it('never gives one block twice when devices ask at the same time', async () => {
    const county = await env.newCounty({ staffed: false });
    const devices = await Promise.all([1, 2, 3].map((n) => env.enroll(county, `counter ${n}`)));
    const answers = await Promise.all(devices.flatMap((device) => [1, 2, 3].map(() => moreSerials(device))));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const held = await Promise.all(
      devices.map(async (device) => (await provisions(device)).body.serialBlocks),
    );
    expect(held.map((blocks) => blocks.length)).toEqual([4, 4, 4]);
    const all = held.flat();
    expect(new Set(all).size).toBe(12);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('gives a device enrolled before blocks existed its first block on its next sync', async () => {
    const county = await env.newCounty({ staffed: false });
    const device = await env.enroll(county);
    await env.platform.database.query('DELETE FROM serial_blocks WHERE device_id = $1', [device.deviceId]);
    expect((await provisions(device)).body.serialBlocks).toEqual([1]);
    expect((await provisions(device)).body.serialBlocks).toEqual([1]);
  });

  it('refuses a block beyond the device limit, when the county has none left, and to a revoked device', async () => {
    const county = await env.newCounty({ staffed: false });
    const device = await env.enroll(county);
    for (let n = 1; n < maxSerialBlocksPerDevice; n++) expect((await moreSerials(device)).status).toBe(200);
    const overLimit = await moreSerials(device);
    expect(overLimit.status).toBe(409);
    expect(overLimit.body).toMatchObject({
      error: 'serialBlockLimit',
      details: { max: maxSerialBlocksPerDevice },
    });

    const other = await env.enroll(county);
    await env.platform.database.query(
      `INSERT INTO serial_blocks (county, block_index, device_id)
       SELECT $1, i, $2 FROM generate_series(1, $3::int) AS i
       WHERE NOT EXISTS (SELECT 1 FROM serial_blocks WHERE county = $1 AND block_index = i)`,
      [county, device.deviceId, blocksPerCounty - 1],
    );
    const none = await moreSerials(other);
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ error: 'serialBlocksExhausted', details: { county } });

    await addOperator(env.platform.database, { username: `admin-${county}`, password, county });
    const revocation = await http(`${env.url}${adminPaths.revokeDevice(other.deviceId)}`, {
      method: 'POST',
      headers: {
        ...protocolHeaders(),
        authorization: `Basic ${Buffer.from(`admin-${county}:${password}`).toString('base64')}`,
      },
    });
    expect(revocation.status).toBe(200);
    const revoked = await moreSerials(other);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toBe('deviceRevoked');
  });
});
