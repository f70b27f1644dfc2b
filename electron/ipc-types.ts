import type { z } from 'zod';
import type {
  AppInfo,
  IpcChannel,
  ipcContract,
  OpenedFile,
  PlatformAllowance,
  SaveFileResult,
  SecretProtection,
} from '../shared/base/platform/bridge.ts';

/** What the renderer sends on a channel (before validation). */
export type IpcRequestInput<C extends IpcChannel> = z.input<(typeof ipcContract)[C]>;
/** What a main-process handler receives (after validation). */
export type IpcRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]>;

/** What each channel resolves with. */
export interface IpcResults {
  'app:info': AppInfo;
  'file:save': SaveFileResult;
  'file:open': OpenedFile | null;
  'print:pdf': SaveFileResult;
  'shell:open-external': undefined;
  'platform:allow': PlatformAllowance;
  'secret:get': string | null;
  'secret:set': undefined;
  'secret:delete': undefined;
  'secret:protection': SecretProtection;
}

/** Sends one request over IPC; the preload binds it to `ipcRenderer.invoke`. */
export type IpcInvoke = <C extends IpcChannel>(
  channel: C,
  request: IpcRequestInput<C>,
) => Promise<IpcResults[C]>;
