import { sha256Hex } from '../../../shared/base/security/blobCrypto.ts';
import { toBase64 } from '../../../shared/base/security/encoding.ts';
import { AttachmentStore } from '../attachments.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySubjectInput } from '../../../shared/subjects/model.ts';
import { sealBackup } from '../../../shared/base/security/backup.ts';
import { migratePersonalCollections } from '../db/database.ts';
import { SubjectRepository } from '../../subjects/repository.ts';
import {
  backupAdministrator,
  BackupService,
  inspectBackup,
  type OpenedPayload,
  openBackupPayload,
} from './backupService.ts';
import type { SignedInSession } from './session.ts';
import {
  cheapArgon2,
  memorySecretStore,
  openTestProfile,
  type TestProfile,
  testSession,
} from './testSupport.ts';

const backupPassword = 'Backup#Wuzhi2026';
const decisionScan = new TextEncoder().encode('%PDF-1.7 行政处罚决定书');
const today = '2026-11-20';
const profiles: TestProfile[] = [];
let counter = 0;

afterEach(async () => {
  for (const p of profiles.splice(0)) await p.close();
});

interface Office {
  p: TestProfile;
  subjects: SubjectRepository;
  backup: BackupService;
  admin: SignedInSession;
  saved: Uint8Array[];
}

/**
 * Closes a computer's profile once its backup is made: RxDB's open edition holds 13 collections open
 * per page and a profile has 10, so the old computer goes before the new one opens.
 */
async function retire(o: Office): Promise<void> {
  profiles.splice(profiles.indexOf(o.p), 1);
  await o.p.close();
}

async function office(county = '410823', secrets = memorySecretStore()): Promise<Office> {
  const p = await openTestProfile(`test-backup-${++counter}`, { county, secrets });
  profiles.push(p);
  const created = await p.users.createFirstAdministrator(county, {
    username: 'zhangmin',
    displayName: '张敏',
    password: 'Wuzhi-Admin-2026',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const admin = { ...testSession(['countyAdmin'], created.value.id), username: 'zhangmin', county };
  await migratePersonalCollections(p.db);
  const subjects = await SubjectRepository.open(p.db.subjects, p.local, p.context);
  const saved: Uint8Array[] = [];
  const bridge = {
    async saveFile(request: { data: string | Uint8Array }) {
      saved.push(request.data as Uint8Array);
      return { saved: true };
    },
  };
  const backup = new BackupService({ ...p, bridge, clock: () => p.now.value, kdf: cheapArgon2 });
  return { p, subjects, backup, admin, saved };
}

async function withRecords(o: Office): Promise<{ practitionerId: string }> {
  o.p.actAs(testSession(['clerk'], 'clerk-1'));
  const enterprise = await o.subjects.create({
    ...emptySubjectInput('enterprise'),
    name: '武陟县宏达建筑工程有限公司',
    code: '91350100M000100Y43',
    legalRepresentative: '王伟',
    division: '410823',
  });
  const practitioner = await o.subjects.create({
    ...emptySubjectInput('practitioner'),
    name: '李秀英',
    code: '11010519491231002X',
    phone: '13812345678',
  });
  if (!enterprise.ok || !practitioner.ok) throw new Error('setup');
  await o.subjects.update(practitioner.value.id, {
    ...emptySubjectInput('practitioner'),
    name: '李秀英',
    code: '11010519491231002X',
    phone: '13987654321',
  });
  await o.p.local.setSetting('office', { officeName: '武陟县住房和城乡建设局', county: o.p.audit.county });
  const kept = await new AttachmentStore(o.p.local, o.p.personalData, () => o.p.now.value).keep({
    name: '处罚决定书.pdf',
    data: decisionScan,
  });
  if (!kept.ok) throw new Error('setup');
  o.p.actAs(o.admin);
  return { practitionerId: practitioner.value.id };
}

async function exported(o: Office): Promise<Uint8Array> {
  const result = await o.backup.export(o.admin, backupPassword, '换电脑前备份');
  expect(result).toEqual({ ok: true, saved: true });
  return o.saved.at(-1)!;
}

/** Everything a restore could change, to show that a refused one changed nothing. */
async function snapshot(p: TestProfile): Promise<string> {
  const collections = await Promise.all(
    (['subjects', 'users', 'auditLog'] as const).map(async (name) =>
      (await p.db[name].find().exec()).map((doc) => doc.toJSON()),
    ),
  );
  return JSON.stringify([collections, await p.local.history.toArray(), await p.local.settings.toArray()]);
}

describe('backups', () => {
  it('round-trips the whole local database into a fresh profile', async () => {
    const source = await office();
    const { practitionerId } = await withRecords(source);
    const bytes = await exported(source);
    expect(new TextDecoder().decode(bytes)).not.toContain('李秀英');
    expect(await source.p.audit.search({ action: 'backupExport' })).toMatchObject([
      {
        userId: source.admin.userId,
        reason: '换电脑前备份',
        after: { counts: { subjects: 2, users: 1, history: 1, attachments: 1 } },
      },
    ]);

    expect(inspectBackup(bytes)).toEqual({
      ok: true,
      origin: { county: '410823', deviceId: source.p.audit.deviceId, createdAt: '2026-11-20T08:00:00.000Z' },
    });
    const opened = await openBackupPayload(bytes, backupPassword, null, today);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const restorer = backupAdministrator(opened.payload, 'zhangmin');
    expect(restorer?.id).toBe(source.admin.userId);

    await retire(source);
    // A new computer: its own profile, data key and device id.
    const target = await openTestProfile(`test-backup-${++counter}`);
    profiles.push(target);
    await migratePersonalCollections(target.db);
    const service = new BackupService({
      ...target,
      bridge: { saveFile: async () => ({ saved: false }) },
      clock: () => target.now.value,
    });
    const restored = await service.restore({ ...source.admin }, opened, '旧电脑硬盘损坏');
    expect(restored).toMatchObject({
      ok: true,
      summary: { written: { subjects: 2, users: 1, history: 1, attachments: 1 } },
    });
    const files = new AttachmentStore(target.local, target.personalData, () => target.now.value);
    const scan = await files.read(await sha256Hex(decisionScan));
    expect(scan.ok && new TextDecoder().decode(scan.value)).toBe('%PDF-1.7 行政处罚决定书');
    expect(await files.pendingCount()).toBe(1);

    const subjects = await SubjectRepository.open(target.db.subjects, target.local, target.context);
    await subjects.indexed;
    expect(await subjects.get(practitionerId)).toMatchObject({
      code: '11010519491231002X',
      phone: '13987654321',
    });
    expect((await subjects.history(practitionerId))[0]?.snapshot).toMatchObject({ phone: '13812345678' });
    expect((await subjects.list({ text: '宏达' })).total).toBe(1);
    expect(await target.local.getSetting('office')).toEqual({
      officeName: '武陟县住房和城乡建设局',
      county: '410823',
    });
    expect((await target.auth.signIn('zhangmin', 'Wuzhi-Admin-2026')).ok).toBe(true);

    const reports = await target.audit.verify();
    expect(reports.map((r) => [r.deviceId, r.verdict.ok])).toEqual(
      expect.arrayContaining([
        [source.p.audit.deviceId, true],
        [target.audit.deviceId, true],
      ]),
    );
    expect(await target.audit.search({ action: 'backupRestore' })).toMatchObject([
      { reason: '旧电脑硬盘损坏', after: { fromDevice: source.p.audit.deviceId } },
    ]);

    // Restoring the same backup again over the restored profile writes nothing new.
    const again = await service.restore({ ...source.admin }, opened, '再次恢复');
    expect(again).toMatchObject({
      ok: true,
      summary: { written: { subjects: 0, users: 0, auditLog: 0, history: 0, attachments: 0 } },
    });
  });

  it('refuses a wrong password, another county\u2019s backup and a corrupted file, overwriting nothing', async () => {
    const source = await office();
    await withRecords(source);
    const bytes = await exported(source);
    await retire(source);
    const other = await office('410822');
    await withRecords(other);
    const before = await snapshot(other.p);

    const attempts: [Uint8Array, string, string, unknown][] = [
      [bytes, 'Wrong#Password1', '410823', { code: 'backup.wrongPassword' }],
      [bytes, backupPassword, '410822', { code: 'backup.otherCounty', params: { county: '410823' } }],
      [bytes.slice(0, bytes.length - 40), backupPassword, '410823', { code: 'backup.corrupted' }],
      [new TextEncoder().encode('id,name\n1,hello'), backupPassword, '410822', { code: 'backup.notABackup' }],
    ];
    for (const [file, password, county, error] of attempts) {
      const opened = await openBackupPayload(file, password, county, today);
      expect(opened).toEqual({ ok: false, error });
    }
    const flipped = bytes.slice();
    flipped[flipped.length - 100]! ^= 0xff;
    expect(await openBackupPayload(flipped, backupPassword, '410823', today)).toEqual({
      ok: false,
      error: { code: 'backup.corrupted' },
    });
    // Even an opened backup of another county is refused by the restore itself.
    const opened = (await openBackupPayload(bytes, backupPassword, null, today)) as OpenedPayload & {
      ok: true;
    };
    expect(await other.backup.restore(other.admin, opened, '误操作')).toEqual({
      ok: false,
      error: { code: 'backup.otherCounty', params: { county: '410823' } },
    });
    expect(await snapshot(other.p)).toBe(before);
  });

  it('refuses a backup whose content was altered before it was sealed, writing nothing', async () => {
    const source = await office();
    await withRecords(source);
    const opened = (await openBackupPayload(
      await exported(source),
      backupPassword,
      null,
      today,
    )) as OpenedPayload & {
      ok: true;
    };
    await retire(source);
    const target = await office();
    const before = await snapshot(target.p);

    // An audit entry rewritten: its hash no longer matches.
    const payload = structuredClone(opened.payload);
    (payload.collections.auditLog![0] as { reason: string }).reason = '改过的理由';
    const resealed = await sealBackup(JSON.stringify(payload), backupPassword, opened.origin, cheapArgon2);
    const reopened = await openBackupPayload(resealed, backupPassword, '410823', today);
    if (!reopened.ok) throw new Error('the structure is still valid');
    expect(await target.backup.restore(target.admin, reopened, '测试')).toMatchObject({
      ok: false,
      error: { code: 'backupRestore.invalidContent', params: { collection: 'auditLog' } },
    });

    // An attachment whose bytes no longer match their digest.
    const altered = structuredClone(opened.payload);
    altered.attachments![0]!.data = toBase64(new TextEncoder().encode('%PDF-1.7 改过的决定书'));
    const alteredFile = await openBackupPayload(
      await sealBackup(JSON.stringify(altered), backupPassword, opened.origin, cheapArgon2),
      backupPassword,
      '410823',
      today,
    );
    if (!alteredFile.ok) throw new Error('the structure is still valid');
    expect(await target.backup.restore(target.admin, alteredFile, '测试')).toMatchObject({
      ok: false,
      error: { code: 'backupRestore.invalidContent', params: { collection: 'attachments' } },
    });
    expect(await target.p.local.blobs.count()).toBe(0);

    // A subject with an invalid ID number is refused before anything is written.
    const broken = structuredClone(opened.payload);
    (broken.collections.subjects![1] as { code: string }).code = '110105194912310021';
    const refused = await openBackupPayload(
      await sealBackup(JSON.stringify(broken), backupPassword, opened.origin, cheapArgon2),
      backupPassword,
      '410823',
      today,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'backupRestore.invalidContent', params: { collection: 'subjects' } },
    });

    // Every collection is checked by the platform's validator: a credit record without its fields too.
    const recordOnly = structuredClone(opened.payload);
    const id = '01a24932-0bb1-7f2e-8615-fd86a66f74de';
    recordOnly.collections.creditRecords = [{ id, county: '410823', title: '' }];
    expect(
      await openBackupPayload(
        await sealBackup(JSON.stringify(recordOnly), backupPassword, opened.origin, cheapArgon2),
        backupPassword,
        '410823',
        today,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'backupRestore.invalidContent', params: { collection: 'creditRecords', id } },
    });
    expect(await snapshot(target.p)).toBe(before);
  });

  it('lets only administrators export and restore, and asks for a strong password and a reason', async () => {
    const o = await office();
    const clerk = testSession(['clerk']);
    expect(await o.backup.export(clerk, backupPassword, '备份')).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'backup.export' } }],
    });
    const weak = await o.backup.export(o.admin, 'backup', '');
    expect(weak.ok ? [] : weak.issues.map((i) => i.code)).toEqual([
      'password.tooShort',
      'password.tooFewClasses',
      'auditEntry.reasonRequired',
    ]);
    expect(o.saved).toHaveLength(0);
  });
});
