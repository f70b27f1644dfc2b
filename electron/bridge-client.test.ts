import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformBridge } from './bridge-client.ts';
import { createIpcHandlers } from './handlers.ts';
import { createSenderCheck, registerIpcHandlers } from './ipc.ts';
import type { IpcInvoke } from './ipc-types.ts';
import { createAppUrlMatcher } from './origin.ts';
import { FakeIpcMain, FakeWindow, invokeEvent } from '../test/electron-fakes/fakes.ts';
import { testHandlerDependencies } from '../test/electron-fakes/handler-deps.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'creditdesk-bridge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The preload's bridge wired to the real main-process handlers through a fake ipcMain. */
async function connectedBridge(savePath: string | null = null) {
  const window = new FakeWindow();
  const ipcMain = new FakeIpcMain();
  const dialogs = { save: async () => savePath, open: async () => null };
  const { deps, opened } = await testHandlerDependencies({ dir, dialogs, languages: ['zh-CN'] });
  registerIpcHandlers(
    ipcMain.asElectron(),
    createIpcHandlers({ ...deps, ownerOf: () => window.asElectron() }),
    createSenderCheck(() => window.asElectron(), createAppUrlMatcher(null)),
  );
  const invoke = ((channel, request) =>
    ipcMain.invoke(channel, invokeEvent(window.webContents), request)) as IpcInvoke;
  return { bridge: createPlatformBridge(invoke), opened };
}

describe('createPlatformBridge', () => {
  it('exposes exactly the PlatformBridge methods and nothing of IPC', async () => {
    const { bridge } = await connectedBridge();
    expect(Object.keys(bridge).sort()).toEqual([
      'allowPlatform',
      'appInfo',
      'openExternal',
      'openFile',
      'printToPdf',
      'saveFile',
      'secrets',
    ]);
    expect(Object.keys(bridge.secrets).sort()).toEqual(['delete', 'get', 'protection', 'set']);
    for (const value of [...Object.values(bridge), ...Object.values(bridge.secrets)]) {
      if (value !== bridge.secrets) expect(typeof value).toBe('function');
    }
  });

  it('reaches every main-process handler through its channel', async () => {
    const target = join(dir, 'export.csv');
    const { bridge, opened } = await connectedBridge(target);
    expect(await bridge.appInfo()).toMatchObject({ shell: 'electron', locale: 'zh-CN' });
    expect(
      await bridge.saveFile({ suggestedName: 'export.csv', mimeType: 'text/csv', data: 'a,b\n' }),
    ).toEqual({
      saved: true,
    });
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    expect(await bridge.openFile({ extensions: ['csv'] })).toBeNull();
    await bridge.openExternal('https://www.creditchina.gov.cn/');
    expect(opened).toEqual(['https://www.creditchina.gov.cn/']);
    await bridge.secrets.set('platform.token', 'abc');
    expect(await bridge.secrets.get('platform.token')).toBe('abc');
    await bridge.secrets.delete('platform.token');
    expect(await bridge.secrets.get('platform.token')).toBeNull();
    expect(await bridge.secrets.protection()).toBe('os');
    expect(await bridge.allowPlatform('http://127.0.0.1:8787/')).toBe('ready');
  });

  it('surfaces validation failures as rejections', async () => {
    const { bridge, opened } = await connectedBridge();
    await expect(bridge.openExternal('http://example.com/')).rejects.toThrow(/invalidRequest/);
    await expect(bridge.secrets.set('bad key!', 'x')).rejects.toThrow(/invalidRequest/);
    await expect(bridge.allowPlatform('ftp://platform.example/')).rejects.toThrow(/invalidRequest/);
    expect(opened).toEqual([]);
  });
});
