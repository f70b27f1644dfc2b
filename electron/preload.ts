// Sandboxed preload (bundled to CommonJS): exposes exactly the PlatformBridge, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createPlatformBridge } from './bridge-client.ts';
import type { IpcInvoke } from './ipc-types.ts';

const invoke: IpcInvoke = (channel, request) => ipcRenderer.invoke(channel, request);

contextBridge.exposeInMainWorld('creditdesk', createPlatformBridge(invoke));
