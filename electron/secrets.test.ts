import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretStore } from './secrets.ts';
import { FakeSafeStorage } from '../test/electron-fakes/fakes.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'creditdesk-secrets-'));
  file = join(dir, 'profile', 'secrets.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createSecretStore', () => {
  it('round-trips secrets through the OS cipher and never writes plaintext', async () => {
    const store = createSecretStore(new FakeSafeStorage(), file, 'linux');
    await store.set('platform.token', 'token-值-123');
    await store.set('device_key', 'k');
    expect(await store.get('platform.token')).toBe('token-值-123');
    expect(await store.get('missing')).toBeNull();
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('token-值-123');
    expect(Object.keys(JSON.parse(text).secrets)).toEqual(['platform.token', 'device_key']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const reopened = createSecretStore(new FakeSafeStorage(), file, 'linux');
    expect(await reopened.get('device_key')).toBe('k');
  });

  it('deletes a secret and leaves the others', async () => {
    const store = createSecretStore(new FakeSafeStorage(), file, 'linux');
    await store.set('a', '1');
    await store.set('b', '2');
    await store.delete('a');
    await store.delete('never-set');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('2');
  });

  it('refuses to store without OS encryption and writes nothing', async () => {
    const cipher = new FakeSafeStorage();
    cipher.available = false;
    const store = createSecretStore(cipher, file, 'linux');
    await expect(store.set('a', '1')).rejects.toThrow(/desktop\.error\.secretStorageUnavailable/);
    expect(existsSync(file)).toBe(false);
  });

  it('treats keys like __proto__ and constructor as plain names', async () => {
    const store = createSecretStore(new FakeSafeStorage(), file, 'linux');
    expect(await store.get('constructor')).toBeNull();
    await store.set('__proto__', 'p');
    await store.set('constructor', 'c');
    expect(await store.get('__proto__')).toBe('p');
    expect(await createSecretStore(new FakeSafeStorage(), file, 'linux').get('constructor')).toBe('c');
  });

  it('keeps every write when calls overlap', async () => {
    const store = createSecretStore(new FakeSafeStorage(), file, 'linux');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`key${i}`, `value${i}`)));
    const reopened = createSecretStore(new FakeSafeStorage(), file, 'linux');
    for (let i = 0; i < 20; i += 1) expect(await reopened.get(`key${i}`)).toBe(`value${i}`);
  });

  it('starts empty when the file is corrupt and can write again', async () => {
    const store = createSecretStore(new FakeSafeStorage(), join(dir, 'secrets.json'), 'linux');
    writeFileSync(join(dir, 'secrets.json'), '{"version":1,"secrets":{"a":5}}');
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'fresh');
    expect(await store.get('a')).toBe('fresh');
  });

  it('refuses to store on Linux basic_text, whose "encryption" uses a password built into Chromium', async () => {
    const cipher = new FakeSafeStorage();
    cipher.backend = 'basic_text';
    const store = createSecretStore(cipher, file, 'linux');
    await expect(store.set('sync.deviceToken', 'cdt_secret')).rejects.toThrow(/secretStorageUnavailable/);
    expect(existsSync(file)).toBe(false);
    expect(await store.protection()).toBe('weak');
  });

  it('re-encrypts a secret when safeStorage says its key was rotated', async () => {
    const cipher = new FakeSafeStorage();
    const store = createSecretStore(cipher, file, 'linux');
    await store.set('a', 'value');
    expect(
      Buffer.from(JSON.parse(readFileSync(file, 'utf8')).secrets.a, 'base64')
        .subarray(0, 3)
        .toString(),
    ).toBe('v10');
    cipher.rotated = true;
    expect(await store.get('a')).toBe('value');
    expect(
      Buffer.from(JSON.parse(readFileSync(file, 'utf8')).secrets.a, 'base64')
        .subarray(0, 3)
        .toString(),
    ).toBe('v11');
    expect(await store.get('a')).toBe('value');
  });

  it('reports weak protection for Linux basic_text or no encryption, os otherwise', async () => {
    const cipher = new FakeSafeStorage();
    expect(await createSecretStore(cipher, file, 'linux').protection()).toBe('os');
    cipher.backend = 'basic_text';
    expect(await createSecretStore(cipher, file, 'linux').protection()).toBe('weak');
    expect(await createSecretStore(cipher, file, 'win32').protection()).toBe('os');
    cipher.available = false;
    expect(await createSecretStore(cipher, file, 'darwin').protection()).toBe('weak');
  });
});
