/** Every kind of bad input gets its numbered 4xx answer, nothing is half-written, and the server stays up. */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { collectionNames, collectionPlan } from '../../../shared/base/collections.ts';
import { syncErrorCodes, syncErrorResponseSchema, type SyncErrorName } from '../../../shared/sync/errors.ts';
import { syncHeaders, syncLimits, syncPaths } from '../../../shared/sync/protocol.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { countyStaff } from '../../fixtures/users.ts';
import {
  createRows,
  type HttpResult,
  http,
  protocolHeaders,
  type TestDevice,
  type TestPlatform,
} from '../harness.ts';

export function problemDetails(result: HttpResult): unknown {
  return (result.body as { details?: unknown }).details;
}

/** Asserts a catalogue error: status, code, name and the response shape. */
export function expectProblem(result: HttpResult, name: SyncErrorName): void {
  const code = syncErrorCodes[name];
  expect({ status: result.status, body: result.body }).toMatchObject({
    status: Math.floor(code),
    body: { code, error: name },
  });
  expect(syncErrorResponseSchema.safeParse(result.body).success).toBe(true);
}

function note(county: string) {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    county,
    createdAt: now,
    updatedAt: now,
    createdBy: countyStaff(county).clerk,
    updatedBy: countyStaff(county).clerk,
    title: 'note',
  };
}

export function defineBadInputTests(env: TestPlatform): void {
  let device: TestDevice;
  const pushPath = syncPaths.push('subjects');
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    device.request(pushPath, {
      method: 'POST',
      headers: { ...device.headers('subjects'), 'content-type': 'application/json', ...headers },
      body,
    });

  test('malformed and mis-shaped bodies', async () => {
    device = await env.enroll(await env.newCounty());
    expectProblem(await post('{"rows": ['), 'invalidJson');
    expectProblem(await post('{"__proto__": {"x": 1}, "rows": []}'), 'invalidJson');
    expectProblem(await post(''), 'invalidBody');
    expectProblem(await post('{"rows": "all"}'), 'invalidBody');
    expectProblem(await post('[]'), 'invalidBody');
    expectProblem(await post('{"rows": [{"newDocumentState": {"name": "no id"}}]}'), 'invalidBody');
    expectProblem(await post('{"rows": [{"newDocumentState": 5}]}'), 'invalidBody');
    expectProblem(await post('{"rows": []}', { 'content-type': 'text/plain' }), 'unsupportedMediaType');
    expectProblem(await post('not gzip', { 'content-encoding': 'gzip' }), 'invalidEncoding');
    expectProblem(await post('{}', { 'content-encoding': 'compress' }), 'unsupportedMediaType');
  });

  test('gzip-compressed pushes are accepted', async () => {
    const subject = syntheticSubject(device.county);
    const body = gzipSync(JSON.stringify({ rows: createRows([subject]) }));
    const result = await post(body, { 'content-encoding': 'gzip' });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
  });

  test('size limits: rows per push and body bytes', async () => {
    const rows = Array.from({ length: syncLimits.maxPushRows + 1 }, () => ({
      newDocumentState: { id: uuidv7() },
    }));
    const tooMany = await post(JSON.stringify({ rows }));
    expectProblem(tooMany, 'tooManyRows');
    expect(problemDetails(tooMany)).toEqual({ count: 1_001, max: 1_000 });
    const huge = JSON.stringify({ rows: [], padding: 'x'.repeat(syncLimits.maxBodyBytes) });
    expectProblem(await post(huge), 'bodyTooLarge');
    const bomb = gzipSync(huge);
    expectProblem(await post(bomb, { 'content-encoding': 'gzip' }), 'bodyTooLarge');
  });

  test('bad pull queries and checkpoints', async () => {
    const pull = (query: string) =>
      device.request(`${syncPaths.pull('subjects')}?${query}`, { headers: device.headers('subjects') });
    expectProblem(await pull('limit=0'), 'invalidQuery');
    expectProblem(await pull('limit=abc'), 'invalidQuery');
    expectProblem(await pull(`limit=${syncLimits.maxPullLimit + 1}`), 'invalidQuery');
    const invalid = ['abc', '{"sequence":-1}', '{"seq":1}', '{"sequence":1.5}', '-3', '[1]', '{'];
    for (const checkpoint of [...invalid, '{"sequence":5,"x":1}', '{"sequence":5,"epoch":0}']) {
      expectProblem(await pull(`checkpoint=${encodeURIComponent(checkpoint)}`), 'invalidCheckpoint');
    }
    expect((await pull('checkpoint=0&limit=5')).status).toBe(200);
    expect((await pull(`checkpoint=${encodeURIComponent('{"sequence":0}')}`)).status).toBe(200);
    expectProblem(await pull('checkpoint=12'), 'checkpointAhead');
  });

  test('unknown routes and collections', async () => {
    expectProblem(await device.request('/sync/v1/nothing/here', { headers: device.headers() }), 'notFound');
    expectProblem(
      await device.request('/sync/v1/widgets/pull', { headers: device.headers() }),
      'unknownCollection',
    );
    expectProblem(
      await device.request('/sync/v1/constructor/pull', { headers: device.headers() }),
      'unknownCollection',
    );
    // A collection of the plan not in use yet is named as such; every active one is served.
    for (const name of collectionNames) {
      const result = await device.request(`/sync/v1/${name}/pull`, { headers: device.headers() });
      if (collectionPlan[name].active) expect(result.status, name).not.toBe(404);
      else expectProblem(result, 'collectionNotServed');
    }
  });

  test('missing, forged and malformed tokens', async () => {
    const url = `${env.url}${syncPaths.pull('subjects')}`;
    const headers = protocolHeaders('subjects');
    expectProblem(await http(url, { headers }), 'missingCredentials');
    expectProblem(await http(url, { headers: { ...headers, authorization: 'Basic abc' } }), 'invalidToken');
    expectProblem(
      await http(url, { headers: { ...headers, authorization: 'Bearer nonsense' } }),
      'invalidToken',
    );
    const forged = `cdt_${Buffer.alloc(32, 7).toString('base64url')}`;
    expectProblem(
      await http(url, { headers: { ...headers, authorization: `Bearer ${forged}` } }),
      'invalidToken',
    );
  });

  test('protocol and schema versions are negotiated before anything is written', async () => {
    const headers = { ...device.headers('subjects') };
    delete headers[syncHeaders.protocol];
    expectProblem(await device.request(syncPaths.pull('subjects'), { headers }), 'protocolMismatch');
    const mismatch = await device.request(syncPaths.pull('subjects'), {
      headers: { ...headers, [syncHeaders.protocol]: '2' },
    });
    expectProblem(mismatch, 'protocolMismatch');
    expect(problemDetails(mismatch)).toEqual({ expected: 1, received: '2' });
    const noVersion = { ...device.headers('subjects') };
    delete noVersion[syncHeaders.schemaVersion];
    expectProblem(await device.request(syncPaths.pull('subjects'), { headers: noVersion }), 'invalidHeader');

    // disclosures is served at schema version 1 in this suite: a version 0 client must update.
    const record = note(device.county);
    device.schemaVersions.disclosures = 0;
    const outdated = await device.push('disclosures', createRows([record]));
    expectProblem(outdated, 'clientSchemaOutdated');
    expect(problemDetails(outdated)).toEqual({
      collection: 'disclosures',
      expected: 1,
      received: 0,
    });
    device.schemaVersions.disclosures = 2;
    expectProblem(await device.push('disclosures', createRows([record])), 'platformSchemaOutdated');
    device.schemaVersions.disclosures = 1;
    expect(await device.pullAll('disclosures')).toEqual([]);
    expect((await device.push('disclosures', createRows([record]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect(await device.pullAll('disclosures')).toEqual([{ ...record, _deleted: false }]);
  });

  test('text a database cannot store is refused with a reason, not a failure', async () => {
    const nul = syntheticSubject(device.county, { address: 'Room 1\u0000' });
    const surrogate = syntheticSubject(device.county, { contactPerson: 'name \ud800' });
    const response = await device.push('subjects', createRows([nul, surrogate]));
    expect(response.status).toBe(200);
    expect(response.body.rejected).toEqual([
      { id: nul.id, issues: [{ field: 'address', code: 'unsupportedCharacter' }] },
      { id: surrogate.id, issues: [{ field: 'contactPerson', code: 'unsupportedCharacter' }] },
    ]);
    // An assumed master state too deep to read never matches: the client gets the master back.
    const subject = syntheticSubject(device.county);
    await device.push('subjects', createRows([subject]));
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const changed = JSON.stringify({ ...subject, phone: '13900000000', _deleted: false });
    const conflict = await post(
      `{"rows":[{"newDocumentState":${changed},"assumedMasterState":{"id":"${subject.id}","x":${deep}}}]}`,
    );
    expect(conflict.body).toEqual({ conflicts: [{ ...subject, _deleted: false }], rejected: [], epoch: 1 });
    const enroll = await http(`${env.url}${syncPaths.enroll}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', deviceName: 'pc\u0000' }),
    });
    expectProblem(enroll, 'invalidBody');
  });

  test('arbitrary request bodies never make the server fail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const result = await post(JSON.stringify(value));
        expect(result.status).toBeGreaterThanOrEqual(200);
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    const documentState = fc
      .tuple(fc.uuid({ version: 7 }), fc.dictionary(fc.string(), fc.jsonValue()))
      .map(([id, fields]) => ({ ...fields, id, county: device.county }));
    const rowsOf = fc.array(
      fc.record({ newDocumentState: documentState, assumedMasterState: fc.option(documentState) }),
      { maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(rowsOf, async (rows) => {
        const result = await post(JSON.stringify({ rows }));
        expect(result.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect((await http(`${env.url}${syncPaths.health}`)).status).toBe(200);
  });
}
