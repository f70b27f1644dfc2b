import { constants } from 'node:fs';
import { open, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type {
  App,
  BrowserWindow,
  Dialog,
  IpcMainInvokeEvent,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { appInfoSchema } from '../shared/base/platform/bridge.ts';
import { planFileSave, safeFileName } from '../shared/base/platform/fileNames.ts';
import { concatBytes } from '../shared/base/security/encoding.ts';
import type { ShellConfig } from './config.ts';
import { platformOrigin } from './csp.ts';
import { DesktopError } from './errors.ts';
import { desktopLanguage, translate } from './i18n.ts';
import type { IpcHandlers } from './ipc.ts';
import type { PlatformAccess } from './platform-access.ts';
import type { SecretFileStore } from './secrets.ts';

export const maxOpenFileBytes = 50 * 1024 * 1024;

/** The Zone.Identifier stream Windows reads as "downloaded from the Internet" (zone 3). */
const markOfTheWeb = '[ZoneTransfer]\r\nZoneId=3\r\n';

/**
 * Reads a regular file of at most `limit` bytes. Links are resolved first and device files, pipes and
 * folders refused (a `.csv` link to /dev/zero has size 0 and never ends); at most `limit + 1` bytes are
 * read, so a file that grows after the check cannot exhaust memory either.
 */
async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const name = basename(path);
  const real = await realpath(path);
  const notRegular = () => new DesktopError('notRegularFile', `${name} is not a regular file`);
  const tooLarge = () => new DesktopError('fileTooLarge', `${name} exceeds ${limit} bytes`);
  const before = await stat(real);
  if (!before.isFile()) throw notRegular();
  if (before.size > limit) throw tooLarge();
  // O_NONBLOCK: a FIFO swapped in after the check does not block the open (0 where Windows lacks it).
  const handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw notRegular();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge();
    }
    return concatBytes(...chunks);
  } finally {
    await handle.close();
  }
}

/** The native file dialogs, reduced to "which path did the user pick" (null when cancelled). */
export interface FileDialogs {
  save(owner: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null>;
  open(owner: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null>;
}

export function electronFileDialogs(dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>): FileDialogs {
  return {
    async save(owner, options) {
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
    async open(owner, options) {
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/** A question with two answers in a native dialog; resolves true for `confirmLabel`. */
export interface Question {
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

export type Confirm = (owner: BrowserWindow | null, question: Question) => Promise<boolean>;

export function electronConfirm(dialog: Pick<Dialog, 'showMessageBox'>): Confirm {
  return async (owner, { message, detail, confirmLabel, cancelLabel }) => {
    const options: MessageBoxOptions = {
      type: 'question',
      message,
      detail,
      buttons: [confirmLabel, cancelLabel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = owner
      ? await dialog.showMessageBox(owner, options)
      : await dialog.showMessageBox(options);
    return response === 0;
  };
}

export interface HandlerDependencies {
  app: Pick<App, 'getVersion' | 'getLocale' | 'getPreferredSystemLanguages' | 'getPath'>;
  dialogs: FileDialogs;
  /** The window a dialog should be modal to. */
  ownerOf: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  confirm: Confirm;
  /** Opens a link outside the app when it may (see external-links.ts); resolves whether it did. */
  openLink: (url: string) => Promise<boolean>;
  /** The platform the page may connect to (its CSP). */
  platformAccess: PlatformAccess;
  secrets: SecretFileStore;
  config: Pick<ShellConfig, 'demo' | 'demoEnrollmentCode'>;
  platform: string;
  /** Largest file openFile reads; 50 MB unless a test lowers it. */
  maxOpenFileBytes?: number;
}

/** What each bridge call does once its sender and payload have been checked (see ipc.ts). */
export function createIpcHandlers(deps: HandlerDependencies): IpcHandlers {
  const limit = deps.maxOpenFileBytes ?? maxOpenFileBytes;
  const language = () => desktopLanguage(deps.app.getPreferredSystemLanguages());
  const documentsPath = (name: string) => join(deps.app.getPath('documents'), name);

  return {
    'app:info': async () =>
      appInfoSchema.parse({
        version: deps.app.getVersion(),
        shell: 'electron',
        locale: deps.app.getPreferredSystemLanguages()[0] ?? deps.app.getLocale(),
        platform: deps.platform,
        platformUrl: deps.platformAccess.current(),
        demo: deps.config.demo,
        demoEnrollmentCode: deps.config.demoEnrollmentCode,
      }),

    'file:save': async ({ suggestedName, mimeType, data, source }, event) => {
      const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      const plan = planFileSave({ suggestedName, mimeType, size, source });
      if (!plan.ok && plan.reason === 'fileType') {
        throw new DesktopError('saveTypeRejected', `${plan.extension || '(none)'} files are not saved`);
      }
      if (!plan.ok) throw new DesktopError('saveTooLarge', `${size} bytes exceed ${plan.limitBytes}`);
      const path = await deps.dialogs.save(deps.ownerOf(event), {
        title: translate(language(), 'desktop.dialog.saveTitle'),
        defaultPath: documentsPath(plan.name),
        filters: [{ name: plan.extension.toUpperCase(), extensions: [plan.extension] }],
      });
      if (path === null) return { saved: false };
      if (extname(path).slice(1).toLowerCase() !== plan.extension) {
        throw new DesktopError('saveTypeRejected', `${basename(path)} must end in .${plan.extension}`);
      }
      await writeFile(path, data);
      if (plan.markOfTheWeb && deps.platform === 'win32')
        await writeFile(`${path}:Zone.Identifier`, markOfTheWeb);
      return { saved: true };
    },

    'file:open': async ({ extensions }, event) => {
      const listed = extensions.join(', ');
      const path = await deps.dialogs.open(deps.ownerOf(event), {
        title: translate(language(), 'desktop.dialog.openTitle'),
        properties: ['openFile'],
        filters: [
          {
            name: translate(language(), 'desktop.dialog.supportedFiles', { extensions: listed }),
            extensions,
          },
        ],
      });
      if (path === null) return null;
      if (!extensions.includes(extname(path).slice(1).toLowerCase())) {
        throw new DesktopError('fileTypeRejected', `${basename(path)} is not one of: ${listed}`);
      }
      return { name: basename(path), data: await readBounded(path, limit) };
    },

    'print:pdf': async ({ suggestedName }, event) => {
      const name = safeFileName(suggestedName);
      const fileName = name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
      const path = await deps.dialogs.save(deps.ownerOf(event), {
        title: translate(language(), 'desktop.dialog.pdfTitle'),
        defaultPath: documentsPath(fileName),
        filters: [{ name: translate(language(), 'desktop.dialog.pdfFilter'), extensions: ['pdf'] }],
      });
      if (path === null) return { saved: false };
      const pdf = await event.sender.printToPDF({
        printBackground: true,
        pageSize: 'A4',
        generateDocumentOutline: true,
      });
      await writeFile(path, pdf);
      return { saved: true };
    },

    'shell:open-external': async (url) => {
      await deps.openLink(url);
      return undefined;
    },

    'platform:allow': async (url, event) => {
      if (deps.platformAccess.allows(url)) return 'ready';
      const allowed = await deps.confirm(deps.ownerOf(event), {
        message: translate(language(), 'desktop.platform.confirmMessage', {
          origin: platformOrigin(url) ?? url,
        }),
        detail: translate(language(), 'desktop.platform.confirmDetail'),
        confirmLabel: translate(language(), 'desktop.platform.allow'),
        cancelLabel: translate(language(), 'desktop.dialog.cancel'),
      });
      if (!allowed) return 'declined';
      await deps.platformAccess.change(url);
      // After this answer is sent: the reloaded page gets the new policy with its index.html.
      setTimeout(() => event.sender.reload(), 0);
      return 'restarting';
    },

    'secret:get': (key) => deps.secrets.get(key),
    'secret:set': async ({ key, value }) => {
      await deps.secrets.set(key, value);
      return undefined;
    },
    'secret:delete': async (key) => {
      await deps.secrets.delete(key);
      return undefined;
    },
    'secret:protection': () => deps.secrets.protection(),
  };
}
