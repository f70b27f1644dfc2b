import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeWindow } from '../test/electron-fakes/fakes.ts';
import { mainWindowOptions } from './window.ts';
import { fitWindowState, loadWindowState, rememberWindowState, saveWindowState } from './window-state.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'creditdesk-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state file', () => {
  it('round-trips through saveWindowState and loadWindowState', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    const state = { x: 2000, y: 40, width: 1400, height: 900, maximized: true };
    saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
  });

  it('reads a missing or malformed file as null', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"width":"wide"}');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(await loadWindowState(join(dir, 'broken.json'))).toBeNull();
  });

  it('saves the normal bounds and maximized flag when the window closes', async () => {
    const file = join(dir, 'window-state.json');
    const window = new FakeWindow();
    window.normalBounds = { x: 100, y: 80, width: 1300, height: 850 };
    window.maximized = true;
    rememberWindowState(window.asElectron(), file);
    window.emit('close');
    expect(await loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1300, height: 850, maximized: true });
  });
});

describe('fitWindowState', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(fitWindowState(null, [laptop, rightMonitor])).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
      maximized: false,
    });
  });

  it('keeps a window that is fully visible', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window hanging off the edge back inside its display', () => {
    const saved = { x: 1500, y: -200, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(saved, [laptop])).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const saved = { x: 2100, y: 100, width: 1600, height: 1000, maximized: true };
    expect(fitWindowState(saved, [laptop])).toEqual({
      x: 160,
      y: 20,
      width: 1600,
      height: 1000,
      maximized: true,
    });
  });

  it('shrinks a window larger than its display and enlarges one below the minimum', () => {
    expect(
      fitWindowState({ x: 0, y: 0, width: 4000, height: 3000, maximized: false }, [laptop]),
    ).toMatchObject({
      width: 1920,
      height: 1040,
      x: 0,
      y: 0,
    });
    expect(
      fitWindowState({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [laptop]),
    ).toMatchObject({
      width: 960,
      height: 600,
    });
  });

  it('leaves positioning to the OS when no display is known', () => {
    expect(fitWindowState({ x: 5, y: 5, width: 1000, height: 700, maximized: false }, [])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('mainWindowOptions', () => {
  it('uses the fitted bounds and every security-relevant web preference', () => {
    const options = mainWindowOptions(
      { x: 1, y: 2, width: 1000, height: 700, maximized: false },
      '/app/preload.cjs',
      false,
    );
    expect(options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700, show: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });
});
