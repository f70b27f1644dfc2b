import type { BrowserWindowConstructorOptions } from 'electron';
import { minimumWindowSize, type WindowState } from './window-state.ts';

/**
 * The main window: Node stays out of the renderer, which runs sandboxed in an isolated world and can
 * reach the OS only through the preload's `window.creditdesk`.
 */
export function mainWindowOptions(
  state: WindowState,
  preloadPath: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'CreditDesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}
