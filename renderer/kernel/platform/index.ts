import type { PlatformBridge } from '../../../shared/base/platform/bridge.ts';
import { browserBridge, registerOfflineShell } from './browser.ts';
import { electronBridge } from './electron.ts';

/** The Electron preload's bridge when present, else the browser one. */
export function selectBridge(): PlatformBridge {
  const electron = electronBridge();
  if (electron) return electron;
  registerOfflineShell().catch((error: unknown) => console.warn('Offline shell not available:', error));
  return browserBridge();
}
