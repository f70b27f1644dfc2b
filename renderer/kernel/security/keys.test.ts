import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../db/localStore.ts';
import { DataKeyMissingError, KeyVault } from './keys.ts';
import { cheapArgon2, memorySecretStore } from './testSupport.ts';

const opened: LocalStore[] = [];
let counter = 0;

afterEach(() => {
  for (const local of opened.splice(0)) local.close();
});

function localStore(): LocalStore {
  const local = new LocalStore(`test-keys-${++counter}`);
  opened.push(local);
  return local;
}

describe('key vault', () => {
  it('keeps the data key in the secret store and finds it again', async () => {
    const secrets = memorySecretStore('os');
    const local = localStore();
    const vault = await KeyVault.open(secrets, local);
    expect(vault.protection).toBe('os');
    expect(vault.perUserPasswords).toBe(false);
    expect(vault.unlocked).toBe(true);
    expect(secrets.values.get('creditdesk.dataKey')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await local.settings.toArray())).not.toContain(
      secrets.values.get('creditdesk.dataKey'),
    );

    const again = await KeyVault.open(secrets, local);
    expect(again.unlocked).toBe(true);
    expect(secrets.values.size).toBe(1);
  });

  it('refuses to start with a new key when the profile\u2019s key is gone from the secret store', async () => {
    const secrets = memorySecretStore('browser');
    const local = localStore();
    await KeyVault.open(secrets, local);
    secrets.values.clear();
    await expect(KeyVault.open(secrets, local)).rejects.toBeInstanceOf(DataKeyMissingError);
  });

  it('wraps the key per user where the secret store is weak, and forgets revoked users', async () => {
    const secrets = memorySecretStore('weak');
    const local = localStore();
    const vault = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    expect(vault.protection).toBe('weak');
    expect(vault.unlocked).toBe(true);
    await vault.grant('user-a', 'Password-A-123', 'verifier-a');
    await vault.grant('user-b', 'Password-B-123', 'verifier-b');
    expect(secrets.values.size).toBe(0);

    const locked = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    expect(locked.unlocked).toBe(false);
    expect(await locked.unlock('user-a', 'Password-B-123')).toBe('wrongPassword');
    expect(await locked.unlock('user-c', 'Password-A-123')).toBe('noKeyForUser');
    expect(await locked.unlock('user-b', 'Password-B-123')).toBe('unlocked');
    expect(await locked.hasKeyFor('user-a', 'verifier-a')).toBe(true);
    expect(await locked.hasKeyFor('user-a', 'verifier-new')).toBe(false);
    await locked.revoke('user-a');

    const later = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    expect(await later.unlock('user-a', 'Password-A-123')).toBe('noKeyForUser');
    expect(await later.unlock('user-b', 'Password-B-123')).toBe('unlocked');
  });
});
