import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretStore, openTestProfile, type TestProfile, testSession } from './testSupport.ts';

const adminPassword = 'Wuzhi-Admin-2026';
const clerkPassword = 'Initial#Clerk42';

let profile: TestProfile | null = null;
let counter = 0;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

async function officeWithUsers(secrets = memorySecretStore()) {
  const p = await openTestProfile(`test-auth-${++counter}`, { secrets });
  profile = p;
  const admin = await p.users.createFirstAdministrator('410823', {
    username: 'zhangmin',
    displayName: '张敏',
    password: adminPassword,
  });
  if (!admin.ok) throw new Error(JSON.stringify(admin.issues));
  p.actAs({ ...testSession(['countyAdmin'], admin.value.id), username: 'zhangmin' });
  const clerk = await p.users.create({
    username: 'liming',
    displayName: '李明',
    roles: ['clerk'],
    password: clerkPassword,
  });
  if (!clerk.ok) throw new Error(JSON.stringify(clerk.issues));
  p.actAs(null);
  return { p, admin: admin.value, clerk: clerk.value };
}

describe('sign-in', () => {
  it('signs in offline with the password, never with a wrong one, and audits both', async () => {
    const { p, admin } = await officeWithUsers();
    const wrong = await p.auth.signIn('zhangmin', 'Wuzhi-Admin-2025');
    expect(wrong).toEqual({
      ok: false,
      issue: { field: 'password', code: 'signIn.wrongCredentials', params: { remaining: 4 } },
    });
    expect(p.auth.state.status).toBe('signedOut');
    expect(p.auth.session()).toBeNull();

    const ok = await p.auth.signIn(' ZhangMin ', adminPassword);
    expect(ok).toMatchObject({
      ok: true,
      state: { status: 'signedIn', session: { userId: admin.id, roles: ['countyAdmin'] } },
    });
    expect(p.auth.session()?.userName).toBe('张敏');

    const [signIn, failed] = await p.audit.search({ documentId: admin.id, from: '2026-01-01T00:00:00.000Z' });
    expect(signIn).toMatchObject({ action: 'signIn', userId: admin.id });
    expect(failed).toMatchObject({
      action: 'signInFailed',
      userId: admin.id,
      after: { username: 'zhangmin' },
    });
    expect(JSON.stringify(await p.audit.search())).not.toContain('Wuzhi-Admin');
  });

  it('locks a username after five failures, says for how long, and opens again later', async () => {
    const { p, admin } = await officeWithUsers();
    for (let i = 0; i < 4; i++) await p.auth.signIn('zhangmin', 'wrong-password');
    const fifth = await p.auth.signIn('zhangmin', 'wrong-password');
    expect(fifth).toEqual({
      ok: false,
      issue: { field: 'password', code: 'lockout.locked', params: { minutes: 15, count: 5 } },
    });
    // While locked even the right password is refused, without being checked.
    p.now.value = new Date(p.now.value.getTime() + 10 * 60_000);
    expect(await p.auth.signIn('zhangmin', adminPassword)).toMatchObject({
      ok: false,
      issue: { code: 'lockout.locked', params: { minutes: 5 } },
    });
    // Another username on the same device is not affected.
    expect((await p.auth.signIn('liming', clerkPassword)).ok).toBe(true);
    await p.auth.signOut();

    p.now.value = new Date(p.now.value.getTime() + 5 * 60_000);
    expect((await p.auth.signIn('zhangmin', adminPassword)).ok).toBe(true);
    const locked = await p.audit.search({ action: 'accountLocked' });
    expect(locked).toMatchObject([{ userId: admin.id, documentId: admin.id }]);
  });

  it('counts failures for unknown usernames and audits them without a user', async () => {
    const { p } = await officeWithUsers();
    expect(await p.auth.signIn('nobody', 'whatever-1A')).toMatchObject({
      ok: false,
      issue: { code: 'signIn.wrongCredentials' },
    });
    expect(await p.audit.search({ action: 'signInFailed' })).toMatchObject([
      { userId: '', documentId: '', after: { username: 'nobody' } },
    ]);
    expect(await p.local.lockouts.get('nobody')).toMatchObject({ state: { failures: 1 } });
  });

  it('makes a user with an initial password choose her own before anything else', async () => {
    const { p, clerk } = await officeWithUsers();
    const first = await p.auth.signIn('liming', clerkPassword);
    expect(first).toMatchObject({ ok: true, state: { status: 'mustChangePassword' } });
    expect(p.auth.session()).toBeNull();
    const weak = await p.auth.changePassword('short');
    expect(weak.ok ? [] : weak.issues.map((item) => item.code)).toEqual([
      'password.tooShort',
      'password.tooFewClasses',
    ]);
    expect(await p.auth.changePassword(clerkPassword)).toMatchObject({
      ok: false,
      issues: [{ code: 'password.unchanged' }],
    });
    const changed = await p.auth.changePassword('Wuzhi@Clerk77');
    expect(changed).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect(p.auth.session()).toMatchObject({ userId: clerk.id, roles: ['clerk'] });
    await p.auth.signOut();
    expect((await p.auth.signIn('liming', clerkPassword)).ok).toBe(false);
    expect(await p.auth.signIn('liming', 'Wuzhi@Clerk77')).toMatchObject({
      ok: true,
      state: { status: 'signedIn' },
    });
    // At will, the current password is asked again.
    expect(await p.auth.changePassword('Another#Pass9', 'wrong')).toMatchObject({
      ok: false,
      issues: [{ code: 'signIn.wrongCurrentPassword' }],
    });
    expect((await p.auth.changePassword('Another#Pass9', 'Wuzhi@Clerk77')).ok).toBe(true);
    expect((await p.audit.search({ action: 'passwordChange', userId: clerk.id })).length).toBe(2);
  });

  it('locks after idle, lets the same or another user in, and refuses disabled users', async () => {
    const { p, admin, clerk } = await officeWithUsers();
    await p.auth.signIn('zhangmin', adminPassword);
    await p.auth.lock('idleLock');
    expect(p.auth.state).toMatchObject({
      status: 'locked',
      session: { userId: admin.id },
      cause: 'idleLock',
    });
    expect(p.auth.session()).toBeNull();
    await p.auth.signIn('liming', clerkPassword);
    expect(p.auth.state).toMatchObject({ status: 'mustChangePassword', session: { userId: clerk.id } });
    const [switched, lock] = await p.audit.search({ from: '2026-01-01T00:00:00.000Z' });
    expect(switched).toMatchObject({
      action: 'signIn',
      userId: clerk.id,
      after: { replacedUser: 'zhangmin' },
    });
    expect(lock).toMatchObject({ action: 'signOut', userId: admin.id, after: { cause: 'idleLock' } });

    await p.auth.signOut();
    await p.auth.signIn('zhangmin', adminPassword);
    expect((await p.users.setStatus(clerk.id, 'disabled')).ok).toBe(true);
    await p.auth.signOut();
    expect(await p.auth.signIn('liming', clerkPassword)).toEqual({
      ok: false,
      issue: { field: 'username', code: 'signIn.disabled' },
    });
  });

  it('records a lock from the user menu as a manual lock, not an idle one', async () => {
    const { p, admin } = await officeWithUsers();
    await p.auth.signIn('zhangmin', adminPassword);
    await p.auth.lock('manualLock');
    expect(p.auth.state).toMatchObject({ status: 'locked', cause: 'manualLock' });
    const [lock] = await p.audit.search({ action: 'signOut' });
    expect(lock).toMatchObject({ userId: admin.id, after: { cause: 'manualLock' } });
  });
});

describe('sign-in where the data key is wrapped with the users\u2019 passwords', () => {
  it('unlocks the key with any granted user\u2019s password and grants it to users who sign in later', async () => {
    const secrets = memorySecretStore('weak');
    const { p, clerk } = await officeWithUsers(secrets);
    expect(p.vault.perUserPasswords).toBe(true);
    expect(p.vault.protection).toBe('weak');
    await p.close();

    profile = await openTestProfile(p.name, { secrets });
    const again = profile;
    expect(again.vault.unlocked).toBe(false);
    expect(() => again.vault.fieldKeys()).toThrow(/locked/);
    expect((await again.auth.signIn('zhangmin', 'not-it')).ok).toBe(false);
    expect(again.vault.unlocked).toBe(false);
    expect((await again.auth.signIn('liming', clerkPassword)).ok).toBe(true);
    expect(again.vault.unlocked).toBe(true);
    expect(await again.vault.hasKeyFor(clerk.id, clerk.passwordVerifier)).toBe(true);
  });

  it('refuses a user whose key was wrapped with an earlier password until someone unlocks it', async () => {
    const secrets = memorySecretStore('weak');
    const { p, clerk } = await officeWithUsers(secrets);
    // The clerk's password changes on another computer: only her synced verifier changes here.
    // Only what the other computer needs here: two whole profiles exceed RxDB's open collections.
    const elsewhere = await openTestProfile(`${p.name}-elsewhere`, { only: ['users', 'auditLog'] });
    const newVerifier = (await elsewhere.users.createFirstAdministrator('410823', {
      username: 'liming',
      displayName: '李明',
      password: 'Changed#Elsewhere1',
    })) as { ok: true; value: { passwordVerifier: string } };
    await elsewhere.close();
    const doc = await p.db.users.findOne(clerk.id).exec();
    await doc!.incrementalPatch({
      passwordVerifier: newVerifier.value.passwordVerifier,
      mustChangePassword: false,
    });
    await p.close();

    profile = await openTestProfile(p.name, { secrets });
    expect(await profile.auth.signIn('liming', 'Changed#Elsewhere1')).toEqual({
      ok: false,
      issue: { field: 'username', code: 'signIn.noKeyForUser' },
    });
    expect((await profile.auth.signIn('zhangmin', adminPassword)).ok).toBe(true);
    await profile.auth.lock('idleLock');
    expect((await profile.auth.signIn('liming', 'Changed#Elsewhere1')).ok).toBe(true);
    await profile.close();

    profile = await openTestProfile(p.name, { secrets });
    expect((await profile.auth.signIn('liming', 'Changed#Elsewhere1')).ok).toBe(true);
    expect(profile.vault.unlocked).toBe(true);
  });
});
