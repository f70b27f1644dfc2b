import { z } from 'zod';
import { saveSources } from './fileNames.ts';

/**
 * Everything the renderer asks of the operating system. Two implementations: the Electron preload
 * (over validated IPC) and the browser shell. The renderer never imports `electron`.
 */
export interface PlatformBridge {
  appInfo(): Promise<AppInfo>;
  /** Asks where to save (Electron) or downloads (browser). Resolves false when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick one file; null when cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Prints the current view to a PDF file (Electron) or opens the print dialog (browser). */
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Opens a vetted https link in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Lets the page connect to this platform server. Electron allows one platform at a time (its CSP):
   * another one needs the user's confirmation in a native dialog and restarts the window.
   */
  allowPlatform(platformUrl: string): Promise<PlatformAllowance>;
  /** Secrets kept encrypted by the OS keychain (Electron) or a non-extractable WebCrypto key (browser). */
  secrets: SecretStore;
}

export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** How well secrets are protected here; 'weak' when the OS offers no keychain (Linux basic_text). */
  protection(): Promise<SecretProtection>;
}

export const secretProtections = ['os', 'browser', 'weak'] as const;
export type SecretProtection = (typeof secretProtections)[number];

/** `ready`: connect now; `restarting`: allowed, the window restarts to apply it; `declined` by the user. */
export const platformAllowances = ['ready', 'restarting', 'declined'] as const;
export type PlatformAllowance = (typeof platformAllowances)[number];

export const shells = ['electron', 'browser'] as const;
export const appInfoSchema = z.object({
  version: z.string(),
  shell: z.enum(shells),
  locale: z.string(),
  platform: z.string(),
  /** Platform server URL the shell was started with ('' when none: the user enrolls one in Sync). */
  platformUrl: z.string(),
  /** True when started by `npm start` with demo data. */
  demo: z.boolean(),
  /** With `demo`: a one-time code enrolling this device on the demo platform ('' when none). */
  demoEnrollmentCode: z.string().max(64),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) =>
      !/[\\/:*?"<>|]/.test(name) &&
      !Array.from(name).some((ch) => ch.charCodeAt(0) < 32) &&
      name !== '.' &&
      name !== '..',
    'unsafe file name',
  );

export const saveFileRequestSchema = z.object({
  suggestedName: fileName,
  mimeType: z.string().max(100),
  data: z.union([z.string(), z.instanceof(Uint8Array)]),
  /** 'attachment' for a file someone attached to a record (saved with the Mark of the Web); 'app' when absent. */
  source: z.enum(saveSources).optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export const saveFileResultSchema = z.object({ saved: z.boolean() });
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const openFileRequestSchema = z.object({
  /** Extensions without dots, e.g. ['xlsx', 'csv']. */
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(20),
});
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export const printToPdfRequestSchema = z.object({ suggestedName: fileName });
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export const externalUrlSchema = z
  .string()
  .max(2000)
  .refine((url) => externalLinkKind(url, '') !== 'refused', 'only https links may be opened');

export const platformUrlSchema = z
  .string()
  .max(2000)
  .refine((url) => parseWebUrl(url) !== null, 'an http(s) URL without credentials');

export const secretKeySchema = z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/);
export const secretSetSchema = z.object({ key: secretKeySchema, value: z.string().max(65_536) });

/** WHATWG URL, present in every runtime CreditDesk runs in (browser, Electron, Node). */
declare const URL: new (
  url: string,
) => { protocol: string; username: string; password: string; hostname: string; origin: string };

function parseWebUrl(url: string): InstanceType<typeof URL> | null {
  try {
    const parsed = new URL(url);
    const httpLike = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    return httpLike && parsed.username === '' && parsed.password === '' ? parsed : null;
  } catch {
    return null;
  }
}

/** Sites whose links open without asking: the national credit site (信用中国) and the Ministry (住房和城乡建设部). */
export const vettedExternalHosts: ReadonlySet<string> = new Set([
  'www.creditchina.gov.cn',
  'www.mohurd.gov.cn',
]);

/**
 * How a link leaving the app is treated: `vetted` (a vetted site or the platform server) opens in the
 * system browser, `ask` (any other https link) only after the user agrees, `refused` (anything but
 * https, or with credentials) never.
 */
export function externalLinkKind(url: string, platformUrl: string): 'vetted' | 'ask' | 'refused' {
  const parsed = parseWebUrl(url);
  if (parsed?.protocol !== 'https:') return 'refused';
  const platform = parseWebUrl(platformUrl);
  if (vettedExternalHosts.has(parsed.hostname) || parsed.origin === platform?.origin) return 'vetted';
  return 'ask';
}
/** IPC channel names with the schema that validates each request payload in the main process. */
export const ipcContract = {
  'app:info': z.undefined(),
  'file:save': saveFileRequestSchema,
  'file:open': openFileRequestSchema,
  'print:pdf': printToPdfRequestSchema,
  'shell:open-external': externalUrlSchema,
  'platform:allow': platformUrlSchema,
  'secret:get': secretKeySchema,
  'secret:set': secretSetSchema,
  'secret:delete': secretKeySchema,
  'secret:protection': z.undefined(),
} as const;

export type IpcChannel = keyof typeof ipcContract;
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];
