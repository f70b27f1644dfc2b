import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../shared/base/platform/bridge.ts';
import {
  app,
  calls,
  defaultSession,
  FakeBrowserWindow,
  ipcMain,
  privilegedSchemes,
  protocolHandlers,
} from '../test/electron-fakes/fake-electron.ts';
import { FakeWebContents, invokeEvent } from '../test/electron-fakes/fakes.ts';

vi.mock('electron', async () => (await import('../test/electron-fakes/fake-electron.ts')).fakeElectronModule);

const profile = mkdtempSync(join(tmpdir(), 'creditdesk-main-'));
let window: FakeBrowserWindow;

beforeAll(async () => {
  vi.stubEnv('CREDITDESK_USER_DATA_DIR', profile);
  vi.stubEnv('CREDITDESK_PLATFORM_URL', 'http://10.20.30.40:8080/');
  vi.stubEnv('CREDITDESK_DEMO', '1');
  await import('./main.ts');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances[0]?.loadedUrls).toHaveLength(1));
  window = FakeBrowserWindow.instances[0]!;
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(profile, { recursive: true, force: true });
});

describe('main process start-up (fake Electron)', () => {
  it('registers the scheme, enables the sandbox and takes the single-instance lock before ready', () => {
    const before = calls.slice(0, calls.indexOf('app.whenReady'));
    expect(before).toEqual([
      'app.setPath(userData)',
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
    ]);
    expect(privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(app.getPath('userData')).toBe(profile);
  });

  it('opens one sandboxed window on app://creditdesk/ with the preload next to main.js', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.loadedUrls).toEqual(['app://creditdesk/']);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(window.options.webPreferences?.preload).toMatch(/[/\\]preload\.cjs$/);
  });

  it('serves app:// with the CSP that connects to the configured platform server only', async () => {
    const handler = protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://creditdesk/assets/none.js'));
    expect(response.headers.get('content-security-policy')).toContain('connect-src');
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://10.20.30.40:8080;",
    );
    expect(response.headers.get('content-security-policy')).not.toMatch(/https:|127\.0\.0\.1|localhost/);
  });

  it('answers every bridge channel for the window and refuses other senders', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...ipcChannels].sort());
    await expect(ipcMain.invoke('app:info', invokeEvent(window.webContents))).resolves.toEqual({
      version: '0.1.0',
      shell: 'electron',
      locale: 'zh-CN',
      platform: process.platform,
      platformUrl: 'http://10.20.30.40:8080/',
      demo: true,
      demoEnrollmentCode: '',
    });
    await expect(ipcMain.invoke('app:info', invokeEvent(new FakeWebContents()))).rejects.toThrow(
      /senderRejected/,
    );
  });

  it('guards every new webContents and denies permissions by default', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
    expect(defaultSession.check('media', 'app://creditdesk')).toBe(false);
  });

  it('focuses the window for a second instance and saves its state when it closes', () => {
    app.emit('second-instance');
    expect(window.focused).toBe(1);
    window.normalBounds = { x: 10, y: 20, width: 1111, height: 777 };
    window.emit('close');
    expect(JSON.parse(readFileSync(join(profile, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1111,
      height: 777,
      maximized: false,
    });
  });
});
