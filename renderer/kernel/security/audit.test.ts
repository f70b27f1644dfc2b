import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/base/auditEntry.ts';
import { bulkCreationLimit, bulkCreationOf, verifyChain } from '../../../shared/base/security/auditChain.ts';
import { canonicalHash } from '../../../shared/base/security/canonicalJson.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { bulkCreations } from './audit.ts';
import { IdleLockSetting } from './idleLockSetting.ts';
import { maskPersonalData } from './personalData.ts';
import { memorySecretStore, openTestProfile, type TestProfile, testSession } from './testSupport.ts';

let profile: TestProfile | null = null;
let counter = 0;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

async function open(name: string, secrets = memorySecretStore()): Promise<TestProfile> {
  profile = await openTestProfile(name, { secrets });
  return profile;
}

describe('audit service', () => {
  it('chains entries across restarts and verifies the whole chain', async () => {
    const name = `test-audit-${++counter}`;
    const secrets = memorySecretStore();
    let p = await open(name, secrets);
    const deviceId = p.audit.deviceId;
    await p.audit.append('user-1', { action: 'signIn', collectionName: 'users', documentId: 'user-1' });
    await p.audit.append('user-1', {
      action: 'create',
      collectionName: 'subjects',
      documentId: 's-1',
      after: { name: '甲' },
    });
    await p.close();

    p = await open(name, secrets);
    expect(p.audit.deviceId).toBe(deviceId);
    const third = await p.audit.append('user-1', {
      action: 'signOut',
      collectionName: 'users',
      documentId: 'user-1',
    });
    expect(third.seq).toBe(3);
    const entries = (await p.audit.search()).reverse();
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'signIn'],
      [2, 'create'],
      [3, 'signOut'],
    ]);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, head: { seq: 3, hash: third.hash } });
    expect(await p.audit.verify()).toEqual([
      {
        deviceId,
        entries: 3,
        verdict: { ok: true, head: { deviceId, county: '410823', seq: 3, hash: third.hash } },
      },
    ]);
  });

  it('appends concurrent calls one at a time without forking the chain', async () => {
    const p = await open(`test-audit-${++counter}`);
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        p.audit.append('user-1', { action: 'verificationQuery', documentId: `doc-${i}` }),
      ),
    );
    expect(appended.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const [report] = await p.audit.verify();
    expect(report?.verdict.ok).toBe(true);
    expect(report?.entries).toBe(20);
  });

  it('detects an entry changed, and entries cut off the end, behind its back', async () => {
    const p = await open(`test-audit-${++counter}`);
    for (const documentId of ['a', 'b', 'c', 'd']) {
      await p.audit.append('user-1', {
        action: 'revealPersonalData',
        collectionName: 'subjects',
        documentId,
        reason: '核对身份',
      });
    }
    const second = await p.db.auditLog.findOne({ selector: { seq: 2 } }).exec();
    await second!.incrementalPatch({ reason: '随便看看' });
    const [altered] = await p.audit.verify();
    expect(altered?.verdict).toEqual({
      ok: false,
      problems: [{ code: 'auditChain.altered', seq: 2, params: { seq: 2 } }],
    });

    await second!.getLatest().incrementalPatch({ reason: '核对身份' });
    expect((await p.audit.verify())[0]?.verdict.ok).toBe(true);
    const last = await p.db.auditLog.findOne({ selector: { seq: 4 } }).exec();
    await last!.remove();
    expect((await p.audit.verify())[0]?.verdict).toEqual({
      ok: false,
      problems: [{ code: 'auditChain.removed', seq: 4, params: { seq: 4, count: 1 } }],
    });
  });

  it('searches by user, action, document and time', async () => {
    const p = await open(`test-audit-${++counter}`);
    const at = (iso: string) => {
      p.now.value = new Date(iso);
    };
    at('2026-11-20T08:00:00Z');
    await p.audit.append('user-1', { action: 'signIn' });
    at('2026-11-21T08:00:00Z');
    await p.audit.append('user-2', { action: 'signIn' });
    await p.audit.append('user-2', {
      action: 'update',
      collectionName: 'subjects',
      documentId: 's-9',
      after: { a: 1 },
    });
    at('2026-11-22T08:00:00Z');
    await p.audit.append('', { action: 'signInFailed', after: { username: 'nobody' } });

    expect((await p.audit.search({ userId: 'user-2' })).map((e) => e.action)).toEqual(['update', 'signIn']);
    expect((await p.audit.search({ action: 'signIn' })).map((e) => e.userId)).toEqual(['user-2', 'user-1']);
    expect((await p.audit.search({ documentId: 's-9' })).map((e) => e.seq)).toEqual([3]);
    const day = await p.audit.search({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-21T23:59:59.999Z' });
    expect(day.map((e) => e.seq)).toEqual([3, 2]);
    expect((await p.audit.search({ limit: 1 })).map((e) => e.action)).toEqual(['signInFailed']);
  });

  it('records bulk creations in entries that list the documents, verify and are found', async () => {
    const p = await open(`test-audit-${++counter}`);
    await p.audit.append('user-1', { action: 'signIn' });
    const documents = Array.from({ length: bulkCreationLimit + 5 }, (_, i) => ({
      id: uuidv7(),
      kind: 'practitioner',
      name: `从业人员${i}`,
      code: '11010519491231002X',
      phone: '13812345678',
    }));
    const entries = await p.audit.appendCreations(
      'user-clerk',
      'subjects',
      await bulkCreations('subjects', documents),
    );
    expect(entries.map((e) => [e.seq, e.action, e.userId, e.collectionName, e.documentId])).toEqual([
      [2, 'create', 'user-clerk', 'subjects', ''],
      [3, 'create', 'user-clerk', 'subjects', ''],
    ]);
    expect(entries.flatMap((entry) => bulkCreationOf(entry)!.documents)).toEqual(documents.map((d) => d.id));
    const lastFive = documents.slice(bulkCreationLimit).map((doc) => maskPersonalData('subjects', doc));
    expect(bulkCreationOf(entries[1]!)!.digest).toBe(await canonicalHash(lastFive));
    const stored = JSON.stringify(await p.audit.search());
    for (const clear of ['11010519491231002X', '13812345678']) expect(stored).not.toContain(clear);
    expect(stored).toContain(documents[0]!.id);
    const [report] = await p.audit.verify();
    expect(report).toMatchObject({ entries: 3, verdict: { ok: true } });

    const last = documents.at(-1)!.id;
    expect((await p.audit.search({ documentId: last })).map((e) => e.seq)).toEqual([3]);
    await p.audit.append('user-2', {
      action: 'update',
      collectionName: 'subjects',
      documentId: last,
      after: { name: '改名' },
    });
    expect((await p.audit.search({ documentId: last })).map((e) => e.seq)).toEqual([4, 3]);
    expect((await p.audit.search({ documentId: last, limit: 1 })).map((e) => e.seq)).toEqual([4]);
    expect((await p.audit.search({ documentId: last, action: 'create' })).map((e) => e.seq)).toEqual([3]);
    expect((await p.audit.search({ documentId: last, userId: 'user-2' })).map((e) => e.seq)).toEqual([4]);
    expect((await p.audit.search({ documentId: documents[0]!.id })).map((e) => e.seq)).toEqual([2]);
    expect(
      await p.audit.appendCreations('user-clerk', 'subjects', await bulkCreations('subjects', [])),
    ).toEqual([]);
  });

  it('exports entries only for auditors, with a reason, and audits the export', async () => {
    const p = await open(`test-audit-${++counter}`);
    await p.audit.append('user-1', { action: 'signIn' });
    await p.audit.append('user-1', { action: 'signOut' });
    const saved: AuditEntry[][] = [];
    const save = async (entries: AuditEntry[]) => {
      saved.push(entries);
      return true;
    };
    expect(await p.audit.exportEntries(testSession(['countyAdmin']), {}, '年度检查', save)).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'audit.export' } }],
    });
    const auditor = testSession(['auditor'], 'auditor-1');
    expect(await p.audit.exportEntries(auditor, {}, ' ', save)).toEqual({
      ok: false,
      issues: [{ field: 'reason', code: 'auditEntry.reasonRequired' }],
    });
    expect(saved).toEqual([]);
    expect(await p.audit.exportEntries(auditor, { userId: 'user-1' }, '年度检查', save)).toEqual({
      ok: true,
      saved: true,
      count: 2,
    });
    expect(saved[0]!.map((entry) => entry.action)).toEqual(['signIn', 'signOut']);
    expect((await p.audit.search({ action: 'auditExport' }))[0]).toMatchObject({
      userId: 'auditor-1',
      reason: '年度检查',
      after: { filter: { userId: 'user-1' }, entries: 2 },
    });
  });

  it('lets administrators change the idle lock, within limits, and audits the change', async () => {
    const p = await open(`test-audit-${++counter}`);
    const setting = await IdleLockSetting.open(p.local);
    expect(setting.minutes$.value).toBe(10);
    p.actAs(testSession(['clerk']));
    expect((await setting.change(p.context, 5))?.code).toBe('permission.denied');
    p.actAs(testSession(['countyAdmin'], 'admin-1'));
    expect(await setting.change(p.context, 0)).toEqual({
      field: 'timeoutMinutes',
      code: 'idleLock.outOfRange',
      params: { min: 1, max: 60 },
    });
    expect(await setting.change(p.context, 5)).toBeNull();
    expect(setting.minutes$.value).toBe(5);
    expect((await IdleLockSetting.open(p.local)).minutes$.value).toBe(5);
    expect(await p.audit.search()).toMatchObject([
      {
        userId: 'admin-1',
        action: 'update',
        collectionName: 'settings',
        before: { timeoutMinutes: 10 },
        after: { timeoutMinutes: 5 },
      },
    ]);
  });
});
