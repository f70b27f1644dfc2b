import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { type IpcChannel, ipcChannels, ipcContract } from '../shared/base/platform/bridge.ts';
import { DesktopError } from './errors.ts';
import type { IpcRequest, IpcResults } from './ipc-types.ts';

export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResults[C]>;
};

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Accepts only the top frame of our own window while it shows the app: an iframe, another window or
 * a page that somehow navigated elsewhere cannot reach the OS.
 */
export function createSenderCheck(
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): SenderCheck {
  return (event) => {
    const window = getWindow();
    const frame = event.senderFrame;
    if (window === null || window.isDestroyed() || frame === null || frame.detached) return false;
    return (
      event.sender === window.webContents &&
      frame.parent === null &&
      frame.frameToken === window.webContents.mainFrame.frameToken &&
      isAppUrl(frame.url)
    );
  };
}

/**
 * One `ipcMain.handle` per channel of the contract. The sender is checked and the payload parsed with
 * the channel's schema before the handler runs; every failure becomes a rejected invoke carrying a
 * DesktopError message, never an exception in the main process.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, request: unknown) =>
      dispatch(channel, event, request, handlers, isTrustedSender),
    );
  }
}

async function dispatch<C extends IpcChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  request: unknown,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): Promise<IpcResults[C]> {
  if (!isTrustedSender(event)) {
    throw new DesktopError(
      'senderRejected',
      `${channel}: sender ${event.senderFrame?.url ?? '(gone)'} is not the app`,
    );
  }
  const schema: z.ZodType = ipcContract[channel];
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    throw new DesktopError('invalidRequest', `${channel}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    return await handlers[channel](parsed.data as IpcRequest<C>, event);
  } catch (error) {
    if (error instanceof DesktopError) throw error;
    console.error(`creditdesk: ${channel} failed:`, error);
    throw new DesktopError(
      'operationFailed',
      `${channel}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
