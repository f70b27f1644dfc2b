import type { PlatformBridge } from '../shared/base/platform/bridge.ts';
import type { IpcInvoke } from './ipc-types.ts';

/**
 * The `PlatformBridge` the preload exposes as `window.creditdesk`: one method per IPC channel and
 * nothing else, so the page never touches `ipcRenderer` or its events. Type-only imports keep the
 * preload bundle free of zod.
 */
export function createPlatformBridge(invoke: IpcInvoke): PlatformBridge {
  return {
    appInfo: () => invoke('app:info', undefined),
    saveFile: (request) => invoke('file:save', request),
    openFile: (request) => invoke('file:open', request),
    printToPdf: (request) => invoke('print:pdf', request),
    openExternal: async (url) => {
      await invoke('shell:open-external', url);
    },
    allowPlatform: (platformUrl) => invoke('platform:allow', platformUrl),
    secrets: {
      get: (key) => invoke('secret:get', key),
      set: async (key, value) => {
        await invoke('secret:set', { key, value });
      },
      delete: async (key) => {
        await invoke('secret:delete', key);
      },
      protection: () => invoke('secret:protection', undefined),
    },
  };
}
