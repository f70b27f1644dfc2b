import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type {
  App,
  BrowserWindow,
  Dialog,
  IpcMainInvokeEvent,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { appInfoSchema, isVettedExternalUrl } from '../shared/platform/bridge.ts';
import type { ShellConfig } from './config.ts';
import { DesktopError } from './errors.ts';
import { desktopLanguage, translate } from './i18n.ts';
import type { IpcHandlers } from './ipc.ts';
import type { SecretFileStore } from './secrets.ts';

export const maxOpenFileBytes = 50 * 1024 * 1024;

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

export interface HandlerDependencies {
  app: Pick<App, 'getVersion' | 'getLocale' | 'getPreferredSystemLanguages' | 'getPath'>;
  dialogs: FileDialogs;
  /** The window a dialog should be modal to. */
  ownerOf: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  openExternal: (url: string) => Promise<void>;
  secrets: SecretFileStore;
  config: Pick<ShellConfig, 'platformUrl' | 'demo' | 'demoEnrollmentCode'>;
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
        platformUrl: deps.config.platformUrl,
        demo: deps.config.demo,
        demoEnrollmentCode: deps.config.demoEnrollmentCode,
      }),

    'file:save': async ({ suggestedName, data }, event) => {
      const extension = extname(suggestedName).slice(1).toLowerCase();
      const path = await deps.dialogs.save(deps.ownerOf(event), {
        title: translate(language(), 'desktop.dialog.saveTitle'),
        defaultPath: documentsPath(suggestedName),
        filters: extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }],
      });
      if (path === null) return { saved: false };
      await writeFile(path, data);
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
      const tooLarge = () => new DesktopError('fileTooLarge', `${basename(path)} exceeds ${limit} bytes`);
      if ((await stat(path)).size > limit) throw tooLarge();
      const content = await readFile(path);
      if (content.byteLength > limit) throw tooLarge();
      return {
        name: basename(path),
        data: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
      };
    },

    'print:pdf': async ({ suggestedName }, event) => {
      const fileName = suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`;
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
      if (!isVettedExternalUrl(url))
        throw new DesktopError('externalUrlRejected', 'only https links open outside');
      await deps.openExternal(url);
      return undefined;
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
