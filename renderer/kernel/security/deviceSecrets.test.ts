import { afterEach, describe, expect, it } from 'vitest';
import { LocalStore } from '../db/localStore.ts';
import { deviceSecretStore } from './deviceSecrets.ts';
import { KeyVault } from './keys.ts';
import { cheapArgon2, memorySecretStore } from './testSupport.ts';

const opened: LocalStore[] = [];
let counter = 0;
afterEach(() => {
  for (const local of opened.splice(0)) local.close();
});

function localStore(): LocalStore {
  const local = new LocalStore(`test-device-secrets-${++counter}`);
  opened.push(local);
  return local;
}

const token = 'cdt_4f1c9a0b7e2d4c6a8b1f3e5d7c9a0b2e';

describe('deviceSecretStore', () => {
  it('uses the secret store as it is where that store is trustworthy', async () => {
    const secrets = memorySecretStore('os');
    const local = localStore();
    const store = deviceSecretStore(await KeyVault.open(secrets, local), secrets, local);
    expect(store).toBe(secrets);
  });

  it('seals the token with the data key where the store is weak (Linux basic_text), never storing it in clear', async () => {
    const secrets = memorySecretStore('weak');
    const local = localStore();
    const vault = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    await vault.grant('user-a', 'Password-A-123', 'verifier-a');
    const store = deviceSecretStore(vault, secrets, local);
    await store.set('sync.deviceToken', token);
    expect(await store.get('sync.deviceToken')).toBe(token);
    expect(await store.protection()).toBe('weak');
    expect(secrets.values.size).toBe(0);
    expect(JSON.stringify(await local.settings.toArray())).not.toContain(token);

    // After a restart the token opens only once a user's password has unlocked the data key.
    const locked = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    const later = deviceSecretStore(locked, secrets, local);
    await expect(later.get('sync.deviceToken')).rejects.toThrow();
    expect(await locked.unlock('user-a', 'Password-A-123')).toBe('unlocked');
    expect(await later.get('sync.deviceToken')).toBe(token);
    await later.delete('sync.deviceToken');
    expect(await later.get('sync.deviceToken')).toBeNull();
  });

  it('moves a token the weak store held from before into the sealed setting', async () => {
    const secrets = memorySecretStore('weak');
    const local = localStore();
    const vault = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
    secrets.values.set('sync.deviceToken', token);
    const store = deviceSecretStore(vault, secrets, local);
    expect(await store.get('sync.deviceToken')).toBe(token);
    expect(secrets.values.size).toBe(0);
    expect(await store.get('sync.deviceToken')).toBe(token);
  });
});
