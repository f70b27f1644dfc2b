/** The audit trail on arrival: append-only, deduplicated, chains verified and problems flagged. */
import { expect, test } from 'vitest';
import type { AuditEntry } from '../../../shared/base/auditEntry.ts';
import { appendEntry, entryHash } from '../../../shared/base/security/auditChain.ts';
import { adminPaths, type AuditProblemListResponse } from '../../../shared/sync/adminProtocol.ts';
import { syncPaths } from '../../../shared/sync/protocol.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { addOperator } from '../../accounts/operators.ts';
import { runCli } from '../../admin/commands.ts';
import { countyStaff } from '../../fixtures/users.ts';
import { createRows, http, protocolHeaders, type TestDevice, type TestPlatform } from '../harness.ts';

/** A chain of `length` entries of one app profile (`chain`), signed in as the county's clerk. */
async function chainOf(county: string, length: number, chain = uuidv7()): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) {
    const failed = i === 0;
    entries.push(
      await appendEntry(entries.at(-1) ?? null, {
        county,
        deviceId: chain,
        at: new Date(Date.UTC(2026, 0, 6, 2, 0, i)).toISOString(),
        // A failed sign-in with an unknown username has no user.
        userId: failed ? '' : countyStaff(county).clerk,
        action: failed ? 'signInFailed' : 'update',
        collectionName: failed ? '' : 'subjects',
        documentId: failed ? '' : uuidv7(),
        before: failed ? null : { name: `旧名称${i}` },
        after: failed ? null : { name: `新名称${i}` },
      }),
    );
  }
  return entries;
}

export function defineAuditTrailTests(env: TestPlatform): void {
  const problemsOf = async (county: string) => {
    const { rows } = await env.platform.database.query<{ chain: string; seq: unknown; code: string }>(
      'SELECT chain_device_id AS chain, seq, code FROM audit_problems WHERE county = $1 ORDER BY id',
      [county],
    );
    return rows.map((row) => ({ chain: row.chain, seq: Number(row.seq), code: row.code }));
  };
  const pushEntries = (device: TestDevice, entries: readonly AuditEntry[]) =>
    device.push('auditLog', createRows(entries.map((entry) => ({ ...entry }))));

  test('a valid chain arrives in several pushes; a re-push is a no-op; entries never change', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const entries = await chainOf(county, 5);
    for (const batch of [entries.slice(0, 2), entries.slice(2, 4), entries.slice(4)]) {
      expect((await pushEntries(device, batch)).body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    }
    expect((await pushEntries(device, entries.slice(2, 4))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    const stored = await device.pullAll('auditLog');
    expect(stored).toEqual(entries.map((entry) => ({ ...entry, _deleted: false })));
    expect(await problemsOf(county)).toEqual([]);

    const altered = { ...entries[1]!, reason: '事后补写的理由' };
    const changed = await device.push('auditLog', [
      {
        newDocumentState: { ...altered, _deleted: false },
        assumedMasterState: { ...entries[1]!, _deleted: false },
      },
    ]);
    expect(changed.body).toEqual({
      conflicts: [],
      rejected: [{ id: altered.id, issues: [{ field: 'id', code: 'auditLog.appendOnly' }] }],
      epoch: 1,
    });
    const deleted = await device.push('auditLog', [
      {
        newDocumentState: { ...entries[1]!, _deleted: true },
        assumedMasterState: { ...entries[1]!, _deleted: false },
      },
    ]);
    expect(deleted.body.rejected).toEqual([
      { id: entries[1]!.id, issues: [{ field: '_deleted', code: 'auditLog.appendOnly' }] },
    ]);
    expect(await device.pullAll('auditLog')).toEqual(stored);
  });

  test('tampered, removed, reordered and foreign entries are stored and flagged with their seq', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const other = await env.enroll(county, 'second office');

    const tampered = await chainOf(county, 3);
    tampered[1] = { ...tampered[1]!, after: { name: '被篡改的名称' } };
    expect(await entryHash(tampered[1]!)).not.toBe(tampered[1]!.hash);
    const gapped = await chainOf(county, 4);
    const reordered = await chainOf(county, 3);
    const foreign = await chainOf(county, 3);

    for (const batch of [
      tampered,
      [gapped[0]!, gapped[1]!, gapped[3]!],
      [reordered[0]!, reordered[2]!, reordered[1]!],
    ]) {
      expect((await pushEntries(device, batch)).body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    }
    expect((await pushEntries(device, foreign.slice(0, 2))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect((await pushEntries(other, foreign.slice(2))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    // The missing entry arrives late: it is stored and flagged as out of order.
    expect((await pushEntries(device, [gapped[2]!])).body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    expect(await problemsOf(county)).toEqual([
      { chain: tampered[0]!.deviceId, seq: 2, code: 'auditChain.altered' },
      { chain: gapped[0]!.deviceId, seq: 3, code: 'auditChain.removed' },
      { chain: reordered[0]!.deviceId, seq: 2, code: 'auditChain.reordered' },
      { chain: foreign[0]!.deviceId, seq: 3, code: 'auditChain.wrongDevice' },
      { chain: gapped[0]!.deviceId, seq: 3, code: 'auditChain.reordered' },
    ]);
    const stored = new Set((await device.pullAll('auditLog')).map((entry) => entry.id));
    for (const entry of [...tampered, ...gapped, ...reordered, ...foreign])
      expect(stored.has(entry.id)).toBe(true);

    // Operators list the problems (newest first) over HTTP and with the CLI; /metrics counts them.
    const password = 'correct horse battery';
    await addOperator(env.platform.database, { username: `auditor-${county}`, password, county });
    const listed = await http<AuditProblemListResponse>(`${env.url}${adminPaths.auditProblems}`, {
      headers: {
        ...protocolHeaders(),
        authorization: `Basic ${Buffer.from(`auditor-${county}:${password}`).toString('base64')}`,
      },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.problems.map((found) => [found.code, found.seq])).toEqual([
      ['auditChain.reordered', 3],
      ['auditChain.wrongDevice', 3],
      ['auditChain.reordered', 2],
      ['auditChain.removed', 3],
      ['auditChain.altered', 2],
    ]);
    expect(listed.body.problems[4]).toMatchObject({
      county,
      chainDeviceId: tampered[0]!.deviceId,
      entryId: tampered[1]!.id,
      pushedBy: device.deviceId,
      params: { seq: 2 },
    });
    expect(listed.body.problems[3]).toMatchObject({ entryId: null, params: { seq: 3, count: 1 } });

    const printed: string[] = [];
    const exitCode = await runCli(['audit', 'problems', '--county', county], {
      database: env.platform.database,
      print: (line) => printed.push(line),
      readPassword: async () => '',
      env: {},
    });
    expect(exitCode).toBe(0);
    expect(printed.at(-1)).toBe('5 problems');
    expect(printed[0]).toContain('auditChain.reordered');

    const metrics = (await http<string>(`${env.url}${syncPaths.metrics}`)).body;
    expect(metrics).toMatch(/creditdesk_audit_problems_total\{code="auditChain\.altered"\} [1-9]/);
  });
}
