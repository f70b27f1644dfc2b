// A stand-in for the whole `electron` module, for the test that boots main.ts under vi.mock.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { FakeIpcMain, FakeSafeStorage, FakeSession, FakeWindow } from './fakes.ts';

/** Everything main.ts did, in order. */
export const calls: string[] = [];

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();

  setPath(name: string, path: string): void {
    calls.push(`app.setPath(${name})`);
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/nonexistent/${name}`;
  }
  enableSandbox(): void {
    calls.push('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    calls.push('app.requestSingleInstanceLock');
    return true;
  }
  whenReady(): Promise<void> {
    calls.push('app.whenReady');
    return Promise.resolve();
  }
  getVersion = () => '0.1.0';
  getLocale = () => 'zh-CN';
  getPreferredSystemLanguages = () => ['zh-CN'];
  quit = () => calls.push('app.quit');
  exit = (code: number) => calls.push(`app.exit(${code})`);
}

export class FakeBrowserWindow extends FakeWindow {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly options: BrowserWindowConstructorOptions;
  readonly loadedUrls: string[] = [];
  focused = 0;

  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  isMinimized = () => false;
  restore = () => undefined;
  focus = () => {
    this.focused += 1;
  };
  show = () => undefined;
  maximize = () => undefined;
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const defaultSession = new FakeSession();
export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const privilegedSchemes: CustomScheme[] = [];
const workArea = { x: 0, y: 0, width: 1920, height: 1040 };

export const fakeElectronModule = {
  app,
  ipcMain,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession },
  safeStorage: new FakeSafeStorage(),
  screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
  Menu: { setApplicationMenu: (menu: unknown) => calls.push(`Menu.setApplicationMenu(${String(menu)})`) },
  dialog: {
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  shell: { openExternal: async (url: string) => calls.push(`shell.openExternal(${url})`) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
      calls.push('protocol.registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      calls.push(`protocol.handle(${scheme})`);
      protocolHandlers.set(scheme, handler);
    },
  },
};
