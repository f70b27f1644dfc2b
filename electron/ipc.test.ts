import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../shared/base/platform/bridge.ts';
import { DesktopError } from './errors.ts';
import { createSenderCheck, type IpcHandlers, registerIpcHandlers } from './ipc.ts';
import { createAppUrlMatcher } from './origin.ts';
import {
  FakeIpcMain,
  FakeWebContents,
  FakeWindow,
  fakeFrame,
  invokeEvent,
} from '../test/electron-fakes/fakes.ts';

/** Handlers that record each call, so a test can prove a body never ran. */
function recordingHandlers() {
  const calls: Array<{ channel: string; request: unknown }> = [];
  const record =
    <T>(channel: string, result: T) =>
    async (request: unknown) => {
      calls.push({ channel, request });
      return result;
    };
  const handlers: IpcHandlers = {
    'app:info': record('app:info', {
      version: '0.1.0',
      shell: 'electron',
      locale: 'zh-CN',
      platform: 'linux',
      platformUrl: '',
      demo: false,
      demoEnrollmentCode: '',
    }),
    'file:save': record('file:save', { saved: true }),
    'file:open': record('file:open', null),
    'print:pdf': record('print:pdf', { saved: false }),
    'shell:open-external': record('shell:open-external', undefined),
    'platform:allow': record('platform:allow', 'ready'),
    'secret:get': record('secret:get', 'value'),
    'secret:set': record('secret:set', undefined),
    'secret:delete': record('secret:delete', undefined),
    'secret:protection': record('secret:protection', 'os'),
  };
  return { handlers, calls };
}

function setup() {
  const window = new FakeWindow();
  const ipcMain = new FakeIpcMain();
  const { handlers, calls } = recordingHandlers();
  let current: FakeWindow | null = window;
  const check = createSenderCheck(() => current?.asElectron() ?? null, createAppUrlMatcher(null));
  registerIpcHandlers(ipcMain.asElectron(), handlers, check);
  return { window, ipcMain, calls, handlers, closeWindow: () => (current = null) };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('runs the handler with the parsed payload for the app window', async () => {
    const { window, ipcMain, calls } = setup();
    const event = invokeEvent(window.webContents);
    await expect(ipcMain.invoke('secret:get', event, 'platform.token')).resolves.toBe('value');
    await expect(ipcMain.invoke('file:open', event, { extensions: ['xlsx', 'csv'] })).resolves.toBeNull();
    await expect(ipcMain.invoke('app:info', event)).resolves.toMatchObject({ shell: 'electron' });
    expect(calls).toEqual([
      { channel: 'secret:get', request: 'platform.token' },
      { channel: 'file:open', request: { extensions: ['xlsx', 'csv'] } },
      { channel: 'app:info', request: undefined },
    ]);
  });

  it.each([
    ['file:save', { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x' }],
    ['file:save', { suggestedName: 'report.xlsx', mimeType: 'x', data: 42 }],
    ['file:open', { extensions: ['.exe'] }],
    ['file:open', { extensions: [] }],
    ['print:pdf', { suggestedName: 'a/b.pdf' }],
    ['shell:open-external', 'file:///etc/passwd'],
    ['shell:open-external', 'http://example.com/'],
    ['secret:get', '../secrets'],
    ['secret:set', { key: 'token', value: 1 }],
    ['secret:delete', ''],
    ['app:info', { unexpected: true }],
  ])('rejects %s with payload %j before the handler runs', async (channel, payload) => {
    const { window, ipcMain, calls } = setup();
    const invoked = ipcMain.invoke(channel, invokeEvent(window.webContents), payload);
    await expect(invoked).rejects.toThrow(/^\[desktop\.error\.invalidRequest\]/);
    expect(calls).toEqual([]);
  });

  it('rejects senders other than the top frame of the app window', async () => {
    const { window, ipcMain, calls, closeWindow } = setup();
    const other = new FakeWebContents();
    const foreignTop = new FakeWebContents('https://evil.example/');
    const subframe = fakeFrame('app://creditdesk/', window.webContents.mainFrame);
    const sameUrlOtherFrame = fakeFrame('app://creditdesk/');

    const attempts = [
      invokeEvent(other),
      invokeEvent(window.webContents, subframe),
      invokeEvent(window.webContents, sameUrlOtherFrame),
      invokeEvent(window.webContents, null),
      invokeEvent(foreignTop),
    ];
    for (const event of attempts) {
      await expect(ipcMain.invoke('secret:get', event, 'token')).rejects.toThrow(
        /^\[desktop\.error\.senderRejected\]/,
      );
    }

    window.webContents.mainFrame.detached = true;
    await expect(ipcMain.invoke('secret:get', invokeEvent(window.webContents), 'token')).rejects.toThrow(
      /senderRejected/,
    );
    window.webContents.mainFrame.detached = false;
    window.destroyed = true;
    await expect(ipcMain.invoke('secret:get', invokeEvent(window.webContents), 'token')).rejects.toThrow(
      /senderRejected/,
    );
    window.destroyed = false;
    closeWindow();
    await expect(ipcMain.invoke('secret:get', invokeEvent(window.webContents), 'token')).rejects.toThrow(
      /senderRejected/,
    );
    expect(calls).toEqual([]);
  });

  it('rejects the app window once its top frame shows another origin', async () => {
    const { window, ipcMain, calls } = setup();
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(ipcMain.invoke('app:info', invokeEvent(window.webContents))).rejects.toThrow(
      /senderRejected/,
    );
    expect(calls).toEqual([]);
  });

  it('turns handler failures into rejections and keeps DesktopError codes', async () => {
    const { window, ipcMain, handlers } = setup();
    handlers['secret:get'] = async () => {
      throw new Error('EACCES: permission denied');
    };
    handlers['secret:delete'] = async () => {
      throw new DesktopError('secretStorageUnavailable', 'no keychain');
    };
    const event = invokeEvent(window.webContents);
    await expect(ipcMain.invoke('secret:get', event, 'token')).rejects.toThrow(
      '[desktop.error.operationFailed] secret:get: EACCES: permission denied',
    );
    await expect(ipcMain.invoke('secret:delete', event, 'token')).rejects.toThrow(
      '[desktop.error.secretStorageUnavailable] no keychain',
    );
  });
});
