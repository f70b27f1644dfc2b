import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
/** Position is absent when the window should be centred by the OS. */
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowSize = { width: 1280, height: 800 } as const;
export const minimumWindowSize = { width: 960, height: 600 } as const;

/** The saved state, or null when there is none or it cannot be read. */
export async function loadWindowState(filePath: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Synchronous, because it runs while the window closes and the app may quit right after. */
export function saveWindowState(filePath: string, state: WindowState): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, filePath);
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Fits a saved state onto the displays present now (`workAreas[0]` is the primary one): the window
 * goes to the display it overlaps most, is shrunk to fit it and moved fully inside. A window that no
 * longer overlaps any display (monitor unplugged) is centred on the primary one.
 */
export function fitWindowState(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const state = saved ?? { ...defaultWindowSize, maximized: false };
  const primary = workAreas[0];
  if (primary === undefined) return { width: state.width, height: state.height, maximized: state.maximized };

  let display = primary;
  let positioned = state.x !== undefined && state.y !== undefined;
  if (positioned) {
    const bounds = { x: state.x ?? 0, y: state.y ?? 0, width: state.width, height: state.height };
    const best = workAreas.reduce((a, b) => (overlapArea(bounds, b) > overlapArea(bounds, a) ? b : a));
    if (overlapArea(bounds, best) > 0) display = best;
    else positioned = false;
  }
  const width = Math.min(Math.max(state.width, minimumWindowSize.width), display.width);
  const height = Math.min(Math.max(state.height, minimumWindowSize.height), display.height);
  const x = positioned ? (state.x ?? 0) : display.x + Math.round((display.width - width) / 2);
  const y = positioned ? (state.y ?? 0) : display.y + Math.round((display.height - height) / 2);
  return {
    x: clamp(x, display.x, display.x + display.width - width),
    y: clamp(y, display.y, display.y + display.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

/** Saves the window's normal (unmaximized) bounds and maximized flag when it closes. */
export function rememberWindowState(
  window: Pick<BrowserWindow, 'once' | 'getNormalBounds' | 'isMaximized'>,
  filePath: string,
): void {
  window.once('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    try {
      saveWindowState(filePath, { x, y, width, height, maximized: window.isMaximized() });
    } catch (error) {
      console.error('creditdesk: cannot save window state:', error);
    }
  });
}
