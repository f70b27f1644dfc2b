import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretProtection } from '../shared/platform/bridge.ts';
import { DesktopError } from './errors.ts';

export type SecretCipher = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SecretFileStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  protection(): Promise<SecretProtection>;
}

/** key → base64 of the safeStorage ciphertext. A Map, so keys such as `__proto__` stay plain data. */
type Secrets = Map<string, string>;

/** The file is `{ "version": 1, "secrets": { key: base64 } }`; anything else reads as null. */
function parseSecretFile(json: unknown): Secrets | null {
  if (typeof json !== 'object' || json === null) return null;
  const { version, secrets } = json as Record<string, unknown>;
  if (version !== 1 || typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) return null;
  const entries = Object.entries(secrets);
  return entries.every(([, value]) => typeof value === 'string')
    ? new Map(entries as [string, string][])
    : null;
}

/**
 * Secrets encrypted with Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet) and kept as
 * base64 in one JSON file in userData, written atomically with owner-only permissions. Plaintext is
 * never written: without OS encryption `set` fails. Calls run one at a time so writes never interleave.
 */
export function createSecretStore(cipher: SecretCipher, filePath: string, platform: string): SecretFileStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function load(): Promise<Secrets> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: reported as unreadable below
    }
    const secrets = parseSecretFile(json);
    if (secrets) return secrets;
    console.warn(`creditdesk: ${filePath} is unreadable; starting with no stored secrets`);
    return new Map();
  }

  async function save(secrets: Secrets): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    const file = { version: 1, secrets: Object.fromEntries(secrets) };
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, filePath);
  }

  function requireEncryption(): void {
    if (!cipher.isEncryptionAvailable()) {
      throw new DesktopError('secretStorageUnavailable', 'safeStorage encryption is not available');
    }
  }

  return {
    get: (key) =>
      serial(async () => {
        const stored = (await load()).get(key);
        if (stored === undefined) return null;
        requireEncryption();
        return cipher.decryptString(Buffer.from(stored, 'base64'));
      }),
    set: (key, value) =>
      serial(async () => {
        requireEncryption();
        const secrets = await load();
        secrets.set(key, cipher.encryptString(value).toString('base64'));
        await save(secrets);
      }),
    delete: (key) =>
      serial(async () => {
        const secrets = await load();
        if (secrets.delete(key)) await save(secrets);
      }),
    protection: async () => {
      if (!cipher.isEncryptionAvailable()) return 'weak';
      if (platform === 'linux' && cipher.getSelectedStorageBackend() === 'basic_text') return 'weak';
      return 'os';
    },
  };
}
