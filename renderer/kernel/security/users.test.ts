import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../shared/base/security/password.ts';
import { openTestProfile, type TestProfile, testSession } from './testSupport.ts';

let profile: TestProfile | null = null;
let counter = 0;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

async function office() {
  const p = await openTestProfile(`test-users-${++counter}`);
  profile = p;
  const admin = await p.users.createFirstAdministrator('410823', {
    username: 'ZhangMin',
    displayName: ' 张敏 ',
    password: 'Wuzhi-Admin-2026',
  });
  if (!admin.ok) throw new Error(JSON.stringify(admin.issues));
  const adminSession = { ...testSession(['countyAdmin'], admin.value.id), username: 'zhangmin' };
  p.actAs(adminSession);
  return { p, admin: admin.value, adminSession };
}

describe('user repository', () => {
  it('creates the first administrator once, stamped as her own author, with a hashed password', async () => {
    const { p, admin } = await office();
    expect(admin).toMatchObject({
      username: 'zhangmin',
      displayName: '张敏',
      roles: ['countyAdmin'],
      status: 'active',
      mustChangePassword: false,
      createdBy: admin.id,
      county: '410823',
    });
    expect(admin.passwordVerifier).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword('Wuzhi-Admin-2026', admin.passwordVerifier)).toBe(true);
    const again = await p.users.createFirstAdministrator('410823', {
      username: 'other',
      displayName: '另一人',
      password: 'Wuzhi-Admin-2027',
    });
    expect(again).toEqual({ ok: false, issues: [{ field: 'username', code: 'user.alreadySetUp' }] });
    const [entry] = await p.audit.search({ documentId: admin.id });
    expect(entry).toMatchObject({ action: 'create', userId: admin.id, after: { username: 'zhangmin' } });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('lets only administrators manage users', async () => {
    const { p } = await office();
    for (const roles of [['clerk'], ['reviewer'], ['auditor'], ['inspector']] as const) {
      p.actAs(testSession(roles));
      const refused = await p.users.create({
        username: 'wangwu',
        displayName: '王五',
        roles: ['clerk'],
        password: 'Strong#Pass123',
      });
      expect(refused).toEqual({
        ok: false,
        issues: [{ field: 'action', code: 'permission.denied', params: { action: 'user.manage' } }],
      });
    }
    expect(await p.users.count()).toBe(1);
  });

  it('checks new users: strong password, free username, valid roles', async () => {
    const { p } = await office();
    const weak = await p.users.create({
      username: 'wangwu',
      displayName: '王五',
      roles: ['clerk'],
      password: 'wangwu123',
    });
    expect(weak.ok ? [] : weak.issues.map((i) => i.code)).toEqual([
      'password.tooShort',
      'password.tooFewClasses',
      'password.containsUsername',
    ]);
    const taken = await p.users.create({
      username: 'ZHANGMIN',
      displayName: '重名',
      roles: ['clerk'],
      password: 'Strong#Pass123',
    });
    expect(taken).toEqual({ ok: false, issues: [{ field: 'username', code: 'user.usernameTaken' }] });
    const mixed = await p.users.create({
      username: 'shenji',
      displayName: '审计',
      roles: ['auditor', 'clerk'],
      password: 'Strong#Pass123',
    });
    expect(mixed).toEqual({ ok: false, issues: [{ field: 'roles', code: 'user.auditorExclusive' }] });

    const clerk = await p.users.create({
      username: 'wangwu',
      displayName: '王五',
      roles: ['clerk'],
      password: 'Strong#Pass123',
    });
    expect(clerk).toMatchObject({ ok: true, value: { mustChangePassword: true, roles: ['clerk'] } });
  });

  it('keeps at least one active administrator and never disables the signed-in one', async () => {
    const { p, admin } = await office();
    expect(await p.users.setStatus(admin.id, 'disabled')).toEqual({
      ok: false,
      issues: [{ field: 'status', code: 'user.disableSelf' }],
    });
    expect(await p.users.update(admin.id, { displayName: '张敏', roles: ['reviewer'] })).toEqual({
      ok: false,
      issues: [{ field: 'roles', code: 'user.lastAdministrator' }],
    });
    const second = await p.users.create({
      username: 'liuyang',
      displayName: '刘洋',
      roles: ['countyAdmin'],
      password: 'Strong#Pass123',
    });
    if (!second.ok) throw new Error('setup');
    const demoted = await p.users.update(admin.id, {
      displayName: '张敏',
      roles: ['reviewer', 'countyAdmin'],
    });
    expect(demoted).toMatchObject({ ok: true, value: { roles: ['reviewer', 'countyAdmin'] } });
    const disabled = await p.users.setStatus(second.value.id, 'disabled');
    expect(disabled).toMatchObject({ ok: true, value: { status: 'disabled', updatedBy: admin.id } });
    expect((await p.audit.search({ action: 'statusChange' }))[0]).toMatchObject({
      before: { status: 'active' },
      after: { status: 'disabled' },
    });
  });

  it('resets a password so that the user must choose a new one', async () => {
    const { p } = await office();
    const clerk = await p.users.create({
      username: 'wangwu',
      displayName: '王五',
      roles: ['clerk'],
      password: 'Strong#Pass123',
    });
    if (!clerk.ok) throw new Error('setup');
    const reset = await p.users.resetPassword(clerk.value.id, 'Reset#Pass4567');
    expect(reset).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    if (!reset.ok) return;
    expect(await verifyPassword('Reset#Pass4567', reset.value.passwordVerifier)).toBe(true);
    expect(await verifyPassword('Strong#Pass123', reset.value.passwordVerifier)).toBe(false);
    const [entry] = await p.audit.search({ action: 'passwordChange' });
    expect(entry).toMatchObject({ documentId: clerk.value.id, after: { passwordChanged: true } });
  });
});
