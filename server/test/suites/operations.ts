/** The operator API, health, metrics, OpenAPI, compression and cross-origin access. */
import { expect, test } from 'vitest';
import {
  adminPaths,
  type DeviceListResponse,
  type EnrollmentCodeResponse,
} from '../../../shared/sync/adminProtocol.ts';
import { syncPaths } from '../../../shared/sync/protocol.ts';
import { addOperator } from '../../accounts/operators.ts';
import { toNumber } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { createRows, http, protocolHeaders, type TestPlatform } from '../harness.ts';
import { expectProblem } from './badInput.ts';

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export function defineOperationsTests(env: TestPlatform): void {
  test('a county operator issues codes and manages the devices of their own county only', async () => {
    const county = await env.newCounty();
    const otherCounty = await env.newCounty();
    const password = 'correct horse battery';
    await addOperator(env.platform.database, { username: `admin-${county}`, password, county });
    const headers = {
      ...protocolHeaders(),
      authorization: basic(`admin-${county}`, password),
      'content-type': 'application/json',
    };
    const issue = (body: object) =>
      http<EnrollmentCodeResponse>(`${env.url}${adminPaths.enrollmentCodes}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });

    const issued = await issue({ validHours: 2 });
    expect(issued.status).toBe(201);
    expect(issued.body.county).toBe(county);
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(7_000_000);
    expectProblem(await issue({ county: otherCounty }), 'countyForbidden');
    expectProblem(await issue({ validHours: 0 }), 'invalidBody');

    const enrolled = await http<{ deviceId: string; token: string }>(`${env.url}${syncPaths.enroll}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ code: issued.body.code, deviceName: 'clerk laptop' }),
    });
    expect(enrolled.status).toBe(201);
    const foreignDevice = await env.enroll(otherCounty);

    const listed = await http<DeviceListResponse>(`${env.url}${adminPaths.devices}`, { headers });
    expect(listed.body.devices.map((device) => [device.id, device.name, device.revokedAt])).toEqual([
      [enrolled.body.deviceId, 'clerk laptop', null],
    ]);
    const revokeForeign = await http(`${env.url}${adminPaths.revokeDevice(foreignDevice.deviceId)}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), authorization: headers.authorization },
    });
    expectProblem(revokeForeign, 'countyForbidden');
    const revoked = await http<{ revokedAt: string | null }>(
      `${env.url}${adminPaths.revokeDevice(enrolled.body.deviceId)}`,
      { method: 'POST', headers: { ...protocolHeaders(), authorization: headers.authorization } },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const pull = await http(`${env.url}${syncPaths.pull('subjects')}`, {
      headers: { ...protocolHeaders('subjects'), authorization: `Bearer ${enrolled.body.token}` },
    });
    expectProblem(pull, 'deviceRevoked');
    expect((await foreignDevice.pull('subjects')).status).toBe(200);

    const wrongPassword = { ...headers, authorization: basic(`admin-${county}`, 'not the password') };
    expectProblem(
      await http(`${env.url}${adminPaths.devices}`, { headers: wrongPassword }),
      'operatorAuthFailed',
    );
    const unknown = { ...headers, authorization: basic('nobody', password) };
    expectProblem(await http(`${env.url}${adminPaths.devices}`, { headers: unknown }), 'operatorAuthFailed');
    expectProblem(
      await http(`${env.url}${adminPaths.devices}`, { headers: protocolHeaders() }),
      'missingCredentials',
    );
    const withNul = { ...headers, authorization: basic('admin\u0000', password) };
    expectProblem(await http(`${env.url}${adminPaths.devices}`, { headers: withNul }), 'operatorAuthFailed');
    const unknownDevice = await http(`${env.url}${adminPaths.revokeDevice('no-such-device')}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), authorization: headers.authorization },
    });
    expectProblem(unknownDevice, 'deviceNotFound');
  });

  test('running the migrations again on a live database changes nothing', async () => {
    const count = async () =>
      toNumber(
        (await env.platform.database.query<{ n: unknown }>('SELECT count(*) AS n FROM documents')).rows[0]!.n,
      );
    const before = await count();
    expect(await migrate(env.platform.database)).toEqual([]);
    expect(await migrate(env.platform.database)).toEqual([]);
    expect(await count()).toBe(before);
  });

  test('health, OpenAPI and cross-origin preflight', async () => {
    const health = await http(`${env.url}${syncPaths.health}`);
    expect(health.body).toEqual({ status: 'ok', protocolVersion: 1, database: env.backend });
    const openApi = await http<{ openapi: string; paths: Record<string, unknown> }>(
      `${env.url}${syncPaths.openApi}`,
    );
    expect(openApi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining(['/sync/v1/{collection}/pull', '/sync/v1/{collection}/push', '/blobs/{sha256}']),
    );
    const preflight = await fetch(`${env.url}${syncPaths.push('subjects')}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-CreditDesk-Protocol');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('large pulls are gzip-compressed', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    await device.push('subjects', createRows(Array.from({ length: 50 }, () => syntheticSubject(county))));
    const response = await fetch(`${env.url}${syncPaths.pull('subjects')}`, {
      headers: { ...device.headers('subjects'), 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as { documents: unknown[] }).documents).toHaveLength(50);
  });

  test('metrics count requests, pushed and pulled documents, conflicts, refusals and latency', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const read = async () => (await http<string>(`${env.url}${syncPaths.metrics}`)).body;
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };
    const before = await read();
    const subject = syntheticSubject(county);
    const duplicate = syntheticSubject(county, { code: subject.code });
    await device.push('subjects', createRows([subject, duplicate]));
    await device.push('subjects', createRows([{ ...subject, name: '另一个名称' }]));
    await device.pull('subjects');
    const after = await read();
    const pushed = (outcome: string) =>
      `creditdesk_sync_pushed_documents_total{collection="subjects",outcome="${outcome}"}`;
    for (const [outcome, delta] of [
      ['written', 1],
      ['rejected', 1],
      ['conflict', 1],
    ] as const) {
      expect(value(after, pushed(outcome)) - value(before, pushed(outcome))).toBe(delta);
    }
    const pulled = 'creditdesk_sync_pulled_documents_total{collection="subjects"}';
    expect(value(after, pulled) - value(before, pulled)).toBe(1);
    expect(after).toContain('# TYPE creditdesk_http_request_duration_seconds histogram');
    expect(after).toMatch(
      /creditdesk_http_requests_total\{method="POST",route="\/sync\/v1\/:collection\/push",status="200"\} \d+/,
    );
    expect(after).toMatch(
      /creditdesk_http_request_duration_seconds_bucket\{route="\/sync\/v1\/:collection\/pull",le="\+Inf"\} \d+/,
    );
  });
}
