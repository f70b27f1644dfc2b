/**
 * Platform hardening: revocation ends open streams, enrollment survives a lost answer, sign-in attempts
 * are throttled, each county's feed has its own sequence, the CLI works while the platform runs, and
 * unauthenticated callers learn nothing about parsing. Runs on its own platform, with short delays.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { adminPaths } from '../../../shared/sync/adminProtocol.ts';
import { syncErrorCodes } from '../../../shared/sync/errors.ts';
import { type EnrollResponse, syncPaths } from '../../../shared/sync/protocol.ts';
import { createEnrollmentCode, revokeDevice } from '../../accounts/devices.ts';
import { addOperator } from '../../accounts/operators.ts';
import type { SignInPolicy } from '../../auth/signInThrottle.ts';
import { runCli } from '../../admin/commands.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { createRows, http, postgresTestUrl, protocolHeaders, type TestPlatform } from '../harness.ts';
import { expectProblem } from './badInput.ts';
import { openStream, streamCount } from './blobsAndStream.ts';

export const hardeningSignInPolicy: SignInPolicy = {
  freeFailures: 3,
  baseDelayMs: 400,
  maxDelayMs: 800,
  lockAfter: 6,
};
export const hardeningRecheckMs = 200;

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

const cliScript = fileURLToPath(new URL('../../cli.ts', import.meta.url));

/** Runs the admin CLI as its own process, as an operator would next to the running platform. */
function runCliProcess(env: TestPlatform, args: string[]): Promise<{ code: number; output: string }> {
  const databaseEnv =
    env.backend === 'postgres'
      ? { DATABASE_URL: postgresTestUrl!, CREDITDESK_DATABASE_SCHEMA: env.schema! }
      : { DATABASE_URL: '' };
  const child = spawn(process.execPath, [cliScript, ...args], {
    env: { ...process.env, ...databaseEnv, CREDITDESK_DATA_DIR: env.dataDir },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, output })));
}

async function issueCode(env: TestPlatform, county: string): Promise<string> {
  const issued = await createEnrollmentCode(env.platform.database, {
    county,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return issued.code;
}

function enroll(env: TestPlatform, body: object) {
  return http<EnrollResponse>(`${env.url}${syncPaths.enroll}`, {
    method: 'POST',
    headers: { ...protocolHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ deviceName: 'front desk', ...body }),
  });
}

async function cli(env: TestPlatform, args: string[]): Promise<{ code: number; output: string[] }> {
  const output: string[] = [];
  const code = await runCli(args, {
    database: env.platform.database,
    print: (line) => output.push(line),
    readPassword: async () => '',
    env: {},
  });
  return { code, output };
}

async function metric(env: TestPlatform, pattern: RegExp): Promise<number> {
  const text = (await http<string>(`${env.url}${syncPaths.metrics}`)).body;
  return Number(pattern.exec(text)?.[1] ?? 0);
}

export function defineHardeningTests(env: TestPlatform): void {
  test('revoking a device through the operator API ends its open streams within a second', async () => {
    const county = await env.newCounty();
    const password = 'revoking operator pw';
    await addOperator(env.platform.database, { username: `revoker-${county}`, password, county });
    const device = await env.enroll(county);
    const other = await env.enroll(county);
    const stream = await openStream(device);
    const otherStream = await openStream(other);
    try {
      expect((await stream.next()).event).toBe('RESYNC');
      const revoked = await http(`${env.url}${adminPaths.revokeDevice(device.deviceId)}`, {
        method: 'POST',
        headers: { ...protocolHeaders(), authorization: basic(`revoker-${county}`, password) },
      });
      expect(revoked.status).toBe(200);
      const started = performance.now();
      await stream.ended();
      expect(performance.now() - started).toBeLessThan(1_000);
      // The county's other device keeps its stream and hears the county's changes.
      expect((await otherStream.next()).event).toBe('RESYNC');
      await other.push('subjects', createRows([syntheticSubject(county)]));
      expect((await otherStream.next()).event).toBe('change');
      expectProblem(await device.request(syncPaths.stream, { headers: device.headers() }), 'deviceRevoked');
    } finally {
      stream.close();
      otherStream.close();
    }
  });

  test('a revocation written by another process ends the stream at the next token check', async () => {
    const device = await env.enroll(await env.newCounty());
    const stream = await openStream(device);
    try {
      expect((await stream.next()).event).toBe('RESYNC');
      const started = performance.now();
      await revokeDevice(env.platform.database, device.deviceId);
      await stream.ended();
      expect(performance.now() - started).toBeLessThan(hardeningRecheckMs * 5);
    } finally {
      stream.close();
    }
  });

  test('a token holds at most four streams; the fifth is refused with 429 until one closes', async () => {
    const device = await env.enroll(await env.newCounty());
    const before = await streamCount(env);
    const streams = [];
    try {
      for (let i = 0; i < 4; i++) streams.push(await openStream(device));
      const fifth = await device.request(syncPaths.stream, { headers: device.headers() });
      expectProblem(fifth, 'tooManyStreams');
      expect(fifth.headers.get('retry-after')).toBe('60');
      streams.pop()!.close();
      await expect.poll(() => streamCount(env), { timeout: 5_000 }).toBe(before + 3);
      streams.push(await openStream(device));
    } finally {
      for (const stream of streams) stream.close();
    }
    await expect.poll(() => streamCount(env), { timeout: 5_000 }).toBe(before);
  });

  test('an enrollment retried with the same key returns the same device with a fresh token', async () => {
    const county = await env.newCounty();
    const code = await issueCode(env, county);
    const requestKey = 'k'.repeat(10) + Math.random().toString(36).slice(2, 12);
    const first = await enroll(env, { code, requestKey });
    expect(first.status).toBe(201);
    // The answer was lost: the client retries with its stored key.
    const again = await enroll(env, { code: code.toLowerCase(), requestKey });
    expect(again.status).toBe(201);
    expect(again.body.deviceId).toBe(first.body.deviceId);
    expect(again.body.token).not.toBe(first.body.token);
    const session = (token: string) =>
      http(`${env.url}${syncPaths.session}`, {
        headers: { ...protocolHeaders(), authorization: `Bearer ${token}` },
      });
    expectProblem(await session(first.body.token), 'invalidToken');
    expect((await session(again.body.token)).status).toBe(200);
    // Without the key, or with another, the code stays used.
    expectProblem(await enroll(env, { code }), 'enrollmentCodeUsed');
    expectProblem(await enroll(env, { code, requestKey: `${requestKey}x` }), 'enrollmentCodeUsed');
    const devices = await cli(env, ['device', 'list', '--county', county]);
    expect(devices.output).toHaveLength(1);
    expectProblem(await enroll(env, { code, requestKey: 'short' }), 'invalidBody');
    await cli(env, ['sign-in', 'unlock', '127.0.0.1']);
  });

  test('devices that never used their token are listed and revoked in one command', async () => {
    const county = await env.newCounty();
    const used = await env.enroll(county);
    expect((await used.pull('subjects')).status).toBe(200);
    const orphan = await env.enroll(county, 'lost answer');
    const listed = await cli(env, ['device', 'orphans', '--days', '0', '--county', county]);
    expect(listed.code).toBe(0);
    expect(listed.output).toEqual([
      expect.stringMatching(new RegExp(`^${orphan.deviceId}\\t${county}\\tlost answer\\t`)),
      '1 device never used their token',
    ]);
    expect((await cli(env, ['device', 'orphans', '--county', county])).output).toEqual([
      '0 devices never used their token',
    ]);
    const revoked = await cli(env, ['device', 'revoke-orphans', '--days', '0', '--county', county]);
    expect(revoked.output.at(-1)).toBe('1 device revoked');
    expectProblem(await orphan.pull('subjects'), 'deviceRevoked');
    expect((await used.pull('subjects')).status).toBe(200);
  });

  test('wrong operator passwords are delayed, then lock the account until an operator lifts it', async () => {
    const county = await env.newCounty();
    const username = `throttled-${county}`;
    const password = 'the right password';
    await addOperator(env.platform.database, { username, password, county });
    const list = (name: string, secret: string) =>
      http(`${env.url}${adminPaths.devices}`, {
        headers: { ...protocolHeaders(), authorization: basic(name, secret) },
      });
    const failuresBefore = await metric(env, /creditdesk_sign_in_failures_total\{kind="operator"\} (\d+)/);
    for (let i = 0; i < hardeningSignInPolicy.freeFailures; i++) {
      expectProblem(await list(username, 'wrong password'), 'operatorAuthFailed');
    }
    // Even the right password waits now, and an unknown name is answered the same way.
    const throttled = await list(username, password);
    expectProblem(throttled, 'signInThrottled');
    expect((throttled.body as { details: { seconds: number } }).details.seconds).toBe(1);
    expectProblem(await list(`nobody-${county}`, password), 'signInThrottled');
    await new Promise((resolve) => setTimeout(resolve, hardeningSignInPolicy.maxDelayMs + 50));
    expect((await list(username, password)).status).toBe(200);
    expect(
      await metric(env, /creditdesk_sign_in_failures_total\{kind="operator"\} (\d+)/),
    ).toBeGreaterThanOrEqual(failuresBefore + hardeningSignInPolicy.freeFailures);
    expect(
      await metric(
        env,
        /creditdesk_sign_in_refusals_total\{kind="operator",reason="signInThrottled"\} (\d+)/,
      ),
    ).toBeGreaterThanOrEqual(2);

    // A success cleared the account, not the address (lifted here); waiting out each delay, the
    // account locks at its sixth failure.
    const pause = () => new Promise((resolve) => setTimeout(resolve, hardeningSignInPolicy.maxDelayMs + 50));
    for (let failures = 0; failures < hardeningSignInPolicy.lockAfter; failures++) {
      await cli(env, ['sign-in', 'unlock', '127.0.0.1']);
      if (failures >= hardeningSignInPolicy.freeFailures) await pause();
      expectProblem(await list(username, 'wrong password'), 'operatorAuthFailed');
    }
    await cli(env, ['sign-in', 'unlock', '127.0.0.1']);
    expectProblem(await list(username, password), 'signInLocked');
    const listed = await cli(env, ['sign-in', 'list']);
    expect(listed.output[0]).toMatch(new RegExp(`^operator\\t${username}\\t6 failures\\t.*\\tlocked since `));
    expect((await cli(env, ['sign-in', 'unlock', username])).output).toEqual([
      `sign-in lock and delays of ${username} lifted`,
    ]);
    expect((await list(username, password)).status).toBe(200);
  }, 30_000);

  test('wrong enrollment codes from one address are delayed', async () => {
    await cli(env, ['sign-in', 'unlock', '127.0.0.1']);
    for (let i = 0; i < hardeningSignInPolicy.freeFailures; i++) {
      expectProblem(await enroll(env, { code: 'AAAA-BBBB-CCCC' }), 'enrollmentCodeUnknown');
    }
    const code = await issueCode(env, await env.newCounty());
    expectProblem(await enroll(env, { code }), 'signInThrottled');
    expect(
      await metric(env, /creditdesk_sign_in_failures_total\{kind="enrollmentAddress"\} (\d+)/),
    ).toBeGreaterThanOrEqual(hardeningSignInPolicy.freeFailures);
    await cli(env, ['sign-in', 'unlock', '127.0.0.1']);
    expect((await enroll(env, { code })).status).toBe(201);
  });

  test("one county's writes do not move another county's checkpoints or stream sequences", async () => {
    const countyA = await env.newCounty();
    const countyB = await env.newCounty();
    const deviceA = await env.enroll(countyA);
    const deviceB = await env.enroll(countyB);
    await deviceA.push('subjects', createRows([syntheticSubject(countyA)]));
    const before = (await deviceA.pull('subjects')).body.checkpoint!;
    expect(before.sequence).toBe(1);
    const streamA = await openStream(deviceA);
    try {
      expect((await streamA.next()).event).toBe('RESYNC');
      const others = Array.from({ length: 25 }, () => syntheticSubject(countyB));
      expect((await deviceB.push('subjects', createRows(others))).body.rejected).toEqual([]);
      await deviceA.push('subjects', createRows([syntheticSubject(countyA)]));
      const after = await deviceA.pull('subjects', before);
      expect(after.body.documents).toHaveLength(1);
      expect(after.body.checkpoint).toEqual({ sequence: 2, epoch: 1 });
      expect(JSON.parse((await streamA.next()).data)).toEqual({ collection: 'subjects', sequence: 2 });
      expect((await deviceB.pull('subjects')).body.checkpoint).toEqual({ sequence: 25, epoch: 1 });
    } finally {
      streamA.close();
    }
  });

  test('checkpoints with extra keys, or from beyond the feed, are refused by number', async () => {
    const device = await env.enroll(await env.newCounty());
    const pull = (checkpoint: string) =>
      device.request(`${syncPaths.pull('subjects')}?checkpoint=${encodeURIComponent(checkpoint)}`, {
        headers: device.headers('subjects'),
      });
    expectProblem(await pull('{"sequence":5,"x":1}'), 'invalidCheckpoint');
    expectProblem(await pull('{"sequence":5}'), 'checkpointAhead');
    expectProblem(await pull('{"sequence":0,"epoch":2}'), 'checkpointAhead');
    expect((await pull('{"sequence":0,"epoch":1}')).status).toBe(200);
    expect(syncErrorCodes.checkpointAhead).toBe(409.1);
  });

  test('callers without a valid token or password learn nothing about how bodies are parsed', async () => {
    const push = (headers: Record<string, string>) =>
      http(`${env.url}${syncPaths.push('subjects')}`, {
        method: 'POST',
        headers: { ...protocolHeaders('subjects'), 'content-type': 'application/json', ...headers },
        body: '{"rows": [',
      });
    expectProblem(await push({}), 'missingCredentials');
    expectProblem(await push({ authorization: `Bearer cdt_${'x'.repeat(43)}` }), 'invalidToken');
    const blob = await http(`${env.url}${syncPaths.blob('0'.repeat(64))}`, {
      method: 'PUT',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: '{',
    });
    expectProblem(blob, 'missingCredentials');
    const admin = await http(`${env.url}${adminPaths.enrollmentCodes}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: '{',
    });
    expectProblem(admin, 'missingCredentials');
  });

  test('the admin CLI revokes a device while the platform runs, and its stream ends', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county, 'stolen laptop');
    const stream = await openStream(device);
    try {
      expect((await stream.next()).event).toBe('RESYNC');
      const revoked = await runCliProcess(env, ['device', 'revoke', device.deviceId]);
      expect(revoked).toMatchObject({ code: 0 });
      expect(revoked.output).toContain(`device ${device.deviceId} (stolen laptop) revoked at `);
      await stream.ended();
      expectProblem(await device.pull('subjects'), 'deviceRevoked');
      const listed = await runCliProcess(env, ['device', 'list', '--county', county]);
      expect(listed.output).toMatch(new RegExp(`${device.deviceId}\\t${county}\\tstolen laptop\\t.*revoked`));
      if (env.backend === 'pglite') {
        expect((await runCliProcess(env, ['restored'])).output).toMatch(/stop the platform first/);
      }
    } finally {
      stream.close();
    }
  }, 30_000);
}
