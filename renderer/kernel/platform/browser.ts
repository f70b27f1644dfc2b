import { Dexie, type EntityTable } from 'dexie';
import {
  type AppInfo,
  externalLinkKind,
  type OpenedFile,
  type OpenFileRequest,
  type PlatformBridge,
  type SaveFileRequest,
  type SecretStore,
} from '../../../shared/base/platform/bridge.ts';
import { planFileSave } from '../../../shared/base/platform/fileNames.ts';

/** Optional file served next to index.html by `npm start`: the platform URL and the demo flag. */
const shellConfigUrl = './shell-config.json';

interface StoredKey {
  name: string;
  key: CryptoKey;
}

interface StoredSecret {
  key: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

class SecretDatabase extends Dexie {
  keys!: EntityTable<StoredKey, 'name'>;
  secrets!: EntityTable<StoredSecret, 'key'>;

  constructor() {
    super('creditdesk-secrets');
    this.version(1).stores({ keys: 'name', secrets: 'key' });
  }
}

/** Secrets encrypted with a non-extractable AES-GCM key that never leaves the browser's key store. */
export function browserSecretStore(database = new SecretDatabase()): SecretStore {
  let keyPromise: Promise<CryptoKey> | null = null;
  const wrappingKey = (): Promise<CryptoKey> => {
    keyPromise ??= database.transaction('rw', database.keys, async () => {
      const stored = await database.keys.get('secrets');
      if (stored) return stored.key;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      await database.keys.put({ name: 'secrets', key });
      return key;
    });
    return keyPromise;
  };
  return {
    async get(key) {
      const stored = await database.secrets.get(key);
      if (!stored) return null;
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: stored.iv },
        await wrappingKey(),
        stored.data,
      );
      return new TextDecoder().decode(plain);
    },
    async set(key, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        await wrappingKey(),
        new TextEncoder().encode(value),
      );
      await database.secrets.put({ key, iv, data });
    },
    async delete(key) {
      await database.secrets.delete(key);
    },
    async protection() {
      return 'browser';
    },
  };
}

type ShellConfig = Pick<AppInfo, 'platformUrl' | 'demo' | 'demoEnrollmentCode'>;
const noShellConfig: ShellConfig = { platformUrl: '', demo: false, demoEnrollmentCode: '' };

async function readShellConfig(): Promise<ShellConfig> {
  try {
    const response = await fetch(shellConfigUrl, { cache: 'no-store' });
    if (!response.ok) return noShellConfig;
    const config = (await response.json()) as Partial<ShellConfig>;
    const demo = config.demo === true;
    return {
      platformUrl: String(config.platformUrl ?? ''),
      demo,
      demoEnrollmentCode: demo ? String(config.demoEnrollmentCode ?? '').slice(0, 64) : '',
    };
  } catch {
    return noShellConfig;
  }
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(request: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.extensions.map((ext) => `.${ext}`).join(',');
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file
        .arrayBuffer()
        .then((buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }))
        .catch(reject);
    });
    input.click();
  });
}

/** The bridge for a plain browser: downloads, the file picker, window.print and WebCrypto. */
export function browserBridge(): PlatformBridge {
  const secrets = browserSecretStore();
  let config: Promise<ShellConfig> | null = null;
  return {
    async appInfo(): Promise<AppInfo> {
      config ??= readShellConfig();
      const { platformUrl, demo, demoEnrollmentCode } = await config;
      return {
        version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
        shell: 'browser',
        locale: navigator.language,
        platform: navigator.platform,
        platformUrl,
        demo,
        demoEnrollmentCode,
      };
    },
    async saveFile(request: SaveFileRequest) {
      const data = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      const blob = new Blob([data], { type: request.mimeType });
      const plan = planFileSave({ ...request, size: blob.size });
      if (!plan.ok) throw new Error(`Refused to save ${request.suggestedName}: ${plan.reason}`);
      download(plan.name, blob);
      return { saved: true };
    },
    openFile: pickFile,
    async printToPdf() {
      window.print();
      return { saved: false };
    },
    async openExternal(url: string) {
      if (externalLinkKind(url, '') === 'refused')
        throw new Error(`Refused to open ${url}: only https links open outside the app`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // The browser build's policy (electron/csp.ts) allows any https platform and one on this machine.
    allowPlatform: async () => 'ready',
    secrets,
  };
}

/** Lets the browser build open with no network after its first online visit. */
export async function registerOfflineShell(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.location.protocol.startsWith('http')) return;
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
}
