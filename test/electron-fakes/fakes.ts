// Small stand-ins for the Electron objects the main-process modules receive, for Vitest (no Electron
// binary needed). Each implements only what the modules call; casts to Electron's types live here.
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  SafeStorage,
  Session,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';

let nextToken = 1;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
  frameToken: string;
}

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, detached: false, frameToken: `frame-${nextToken++}` };
}

/** A webContents: an EventEmitter whose listeners receive a preventable event, plus the open handler. */
export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  printed = 0;
  reloaded = 0;

  constructor(url = 'app://creditdesk/') {
    super();
    this.mainFrame = fakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  reload(): void {
    this.reloaded += 1;
  }

  async printToPDF(): Promise<Buffer> {
    this.printed += 1;
    return Buffer.from('%PDF-1.7 fake');
  }

  /** Emits `name` and reports whether a listener called preventDefault(). */
  emitPreventable(name: string, url = ''): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }

  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  destroyed = false;
  maximized = false;
  normalBounds = { x: 0, y: 0, width: 1280, height: 800 };

  constructor(webContents = new FakeWebContents()) {
    super();
    this.webContents = webContents;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds() {
    return this.normalBounds;
  }

  asElectron(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  /** Calls the registered handler as Electron would for `ipcRenderer.invoke(channel, payload)`. */
  async invoke(channel: string, event: IpcMainInvokeEvent, payload?: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, payload);
  }

  asElectron(): Pick<IpcMain, 'handle'> {
    return this as unknown as Pick<IpcMain, 'handle'>;
  }
}

export function invokeEvent(
  sender: FakeWebContents,
  frame: FakeFrame | null = sender.mainFrame,
): IpcMainInvokeEvent {
  return { sender, senderFrame: frame as WebFrameMain | null } as unknown as IpcMainInvokeEvent;
}

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;

export class FakeSession {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** Resolves with what the request handler granted `requestingUrl`. */
  request(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) =>
      this.requestHandler?.(null, permission, resolve, { requestingUrl, isMainFrame: true }),
    );
  }

  check(permission: string, origin: string): boolean {
    return this.checkHandler?.(null, permission, origin, { isMainFrame: true }) ?? true;
  }

  asElectron(): Session {
    return this as unknown as Session;
  }
}

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Reversible stand-in for safeStorage: bytes are XOR-ed and tagged, so plaintext never shows in files. */
export class FakeSafeStorage {
  available = true;
  backend: Backend = 'gnome_libsecret';

  /** Set by a test: the next decryption reports a rotated key. */
  rotated = false;

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }

  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('Encryption is not available.');
    const prefix = this.rotated ? 'v11' : 'v10';
    return Buffer.concat([Buffer.from(prefix), Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)]);
  }

  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!this.available) throw new Error('Decryption is not available.');
    const prefix = encrypted.subarray(0, 3).toString();
    if (prefix !== 'v10' && prefix !== 'v11') throw new Error('Error while decrypting the ciphertext');
    const result = Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
    return { result, shouldReEncrypt: this.rotated && prefix === 'v10' };
  }

  getSelectedStorageBackend(): Backend {
    return this.backend;
  }
}
