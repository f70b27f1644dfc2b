/** Enrollment, county isolation, city-scope data and revocation. */
import { expect, test } from 'vitest';
import { collectionPlan } from '../../../shared/base/collections.ts';
import { type SessionResponse, syncPaths } from '../../../shared/sync/protocol.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { adminPaths } from '../../../shared/sync/adminProtocol.ts';
import { createEnrollmentCode } from '../../accounts/devices.ts';
import { addOperator } from '../../accounts/operators.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { publishCityDocuments } from '../../sync/documentStore.ts';
import { suitePlatformOptions } from '../testCollections.ts';
import { createRows, http, protocolHeaders, type TestPlatform } from '../harness.ts';
import { expectProblem } from './badInput.ts';

export function defineTenancyTests(env: TestPlatform): void {
  const enrollWith = (code: string, deviceName = 'office pc') =>
    http(`${env.url}${syncPaths.enroll}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName }),
    });

  test('an enrollment code works once, ignores case and dashes, and expires', async () => {
    const county = await env.newCounty();
    const issue = (expiresAt: Date) =>
      createEnrollmentCode(env.platform.database, { county, createdBy: null, expiresAt });
    const { code } = await issue(new Date(Date.now() + 60_000));
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const enrolled = await enrollWith(typed);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ county: { code: county, name: { en: expect.any(String) } } });
    expectProblem(await enrollWith(code), 'enrollmentCodeUsed');
    expectProblem(await enrollWith('AAAA-BBBB-CCCC'), 'enrollmentCodeUnknown');
    const expired = await issue(new Date(Date.now() - 1_000));
    expectProblem(await enrollWith(expired.code), 'enrollmentCodeExpired');
    expectProblem(await enrollWith(code, ''), 'invalidBody');
    const stored = await env.platform.database.query<{ token_hash: string }>(
      'SELECT token_hash FROM devices',
    );
    const token = (enrolled.body as { token: string }).token;
    expect(stored.rows.map((row) => row.token_hash)).not.toContain(token);
  });

  test('the session names the device, its county and the served collections', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county, 'front desk');
    const session = await device.request<SessionResponse>(syncPaths.session, { headers: device.headers() });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      deviceId: device.deviceId,
      deviceName: 'front desk',
      county: { code: county },
    });
    expect(session.body.collections).toEqual(
      expect.arrayContaining([
        { name: 'subjects', schemaVersion: collectionPlan.subjects.schemaVersion, scope: 'county' },
        { name: 'reference', schemaVersion: 2, scope: 'city' },
      ]),
    );
    expect(session.body.collections.map((entry) => entry.name).sort()).toEqual(
      Object.keys(suitePlatformOptions.validators!).sort(),
    );
  });

  test('a county sees only its own documents and cannot write into another county', async () => {
    const countyA = await env.newCounty();
    const countyB = await env.newCounty();
    const deviceA = await env.enroll(countyA);
    const deviceB = await env.enroll(countyB);
    const subjectA = syntheticSubject(countyA);
    await deviceA.push('subjects', createRows([subjectA]));

    expect(await deviceB.pullAll('subjects')).toEqual([]);
    const forged = syntheticSubject(countyA);
    const forgedPush = await deviceB.push('subjects', createRows([forged]));
    expect(forgedPush.body.rejected).toEqual([
      { id: forged.id, issues: [{ field: 'county', code: 'foreignCounty', params: { county: countyB } }] },
    ]);
    const hijack = { ...subjectA, county: countyB, division: countyB };
    const hijackPush = await deviceB.push('subjects', [
      {
        newDocumentState: { ...hijack, _deleted: false },
        assumedMasterState: { ...subjectA, _deleted: false },
      },
    ]);
    expect(hijackPush.body.rejected).toEqual([
      { id: subjectA.id, issues: [{ field: 'id', code: 'idTaken' }] },
    ]);
    expect(await deviceA.pullAll('subjects')).toEqual([{ ...subjectA, _deleted: false }]);
    expect(await deviceB.pullAll('subjects')).toEqual([]);
  });

  test('city-scope collections are pulled by every county and pushed by none', async () => {
    const deviceA = await env.enroll(await env.newCounty());
    const deviceB = await env.enroll(await env.newCounty());
    const now = new Date().toISOString();
    const catalogItem = {
      id: uuidv7(),
      county: '410500',
      createdAt: now,
      updatedAt: now,
      createdBy: 'city-operator',
      updatedBy: 'city-operator',
      title: '信用信息目录条目',
    };
    const published = await publishCityDocuments(
      env.platform.database,
      { validate: suitePlatformOptions.validators!.reference! },
      'reference',
      [{ ...catalogItem, _deleted: false }],
      { today: '2026-01-01' },
    );
    expect(published.written).toBe(1);
    for (const device of [deviceA, deviceB]) {
      expect(await device.pullAll('reference')).toContainEqual({ ...catalogItem, _deleted: false });
    }
    // Publishing again replaces the city's state, whatever it was.
    const revised = { ...catalogItem, title: '信用信息目录条目（修订）' };
    const republished = await publishCityDocuments(
      env.platform.database,
      { validate: suitePlatformOptions.validators!.reference! },
      'reference',
      [{ ...revised, _deleted: false }],
      { today: '2026-01-01' },
    );
    expect(republished).toMatchObject({ written: 1, conflicts: [], rejected: [] });
    expect(await deviceB.pullAll('reference')).toContainEqual({ ...revised, _deleted: false });
    const pushed = await deviceA.push('reference', createRows([{ ...catalogItem, county: deviceA.county }]));
    expectProblem(pushed, 'cityScopeReadOnly');
  });

  test('a device revoked by its administrator is refused everywhere at once', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const keeper = await env.enroll(county);
    expect((await device.pull('subjects')).status).toBe(200);
    const password = 'administrator password';
    await addOperator(env.platform.database, { username: `revoker-${county}`, password, county });
    const revoked = await http(`${env.url}${adminPaths.revokeDevice(device.deviceId)}`, {
      method: 'POST',
      headers: {
        ...protocolHeaders(),
        authorization: `Basic ${Buffer.from(`revoker-${county}:${password}`).toString('base64')}`,
      },
    });
    expect(revoked.status).toBe(200);
    expectProblem(await device.pull('subjects'), 'deviceRevoked');
    expectProblem(await device.push('subjects', createRows([syntheticSubject(county)])), 'deviceRevoked');
    expectProblem(await device.request(syncPaths.stream, { headers: device.headers() }), 'deviceRevoked');
    expect((await keeper.pull('subjects')).status).toBe(200);
  });
}
