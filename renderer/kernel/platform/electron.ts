import type { PlatformBridge } from '../../../shared/base/platform/bridge.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    creditdesk?: PlatformBridge;
  }
}

export function electronBridge(): PlatformBridge | null {
  return window.creditdesk ?? null;
}
