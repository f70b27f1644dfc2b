import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretProtection } from '../shared/base/platform/bridge.ts';
import { DesktopError } from './errors.ts';

/** safeStorage's asynchronous API (Electron 45 deprecates the synchronous one). */
export type SecretCipher = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
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
 * base64 in one JSON file in userData, written atomically with owner-only permissions. `set` fails
 * without real OS encryption: when it is unavailable, and on Linux's `basic_text` backend, which
 * "encrypts" with a password built into Chromium (the renderer keeps such secrets sealed with the
 * password-wrapped data key instead, see renderer/kernel/security/deviceSecrets.ts). Calls run one at a time
 * so writes never interleave.
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

  async function protection(): Promise<SecretProtection> {
    if (!(await cipher.isAsyncEncryptionAvailable())) return 'weak';
    if (platform === 'linux' && cipher.getSelectedStorageBackend() === 'basic_text') return 'weak';
    return 'os';
  }

  async function requireEncryption(): Promise<void> {
    if (!(await cipher.isAsyncEncryptionAvailable())) {
      throw new DesktopError('secretStorageUnavailable', 'safeStorage encryption is not available');
    }
  }

  async function encrypt(value: string): Promise<string> {
    return (await cipher.encryptStringAsync(value)).toString('base64');
  }

  return {
    get: (key) =>
      serial(async () => {
        const secrets = await load();
        const stored = secrets.get(key);
        if (stored === undefined) return null;
        await requireEncryption();
        const { result, shouldReEncrypt } = await cipher.decryptStringAsync(Buffer.from(stored, 'base64'));
        if (shouldReEncrypt) {
          secrets.set(key, await encrypt(result));
          await save(secrets);
        }
        return result;
      }),
    set: (key, value) =>
      serial(async () => {
        if ((await protection()) === 'weak') {
          throw new DesktopError('secretStorageUnavailable', 'no OS encryption (unavailable or basic_text)');
        }
        const secrets = await load();
        secrets.set(key, await encrypt(value));
        await save(secrets);
      }),
    delete: (key) =>
      serial(async () => {
        const secrets = await load();
        if (secrets.delete(key)) await save(secrets);
      }),
    protection,
  };
}
