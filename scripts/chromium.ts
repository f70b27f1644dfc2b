/**
 * The Chromium the browser tests drive, in this order: the executable named by CREDITDESK_CHROMIUM; a
 * Chromium or Chrome installed on the system (Debian's /usr/bin/chromium, the usual macOS and Windows
 * places); Playwright's own, installed with `npx playwright install chromium` when missing.
 *
 * CREDITDESK_CHROMIUM_SEARCH (folders, separated as in PATH) replaces the system places, so CI can
 * point the lookup at an empty folder and check what a machine without any browser is told.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export const installCommand = 'npx playwright install chromium';

/** Executable names relative to the folders searched. */
const executables = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium/Application/chrome.exe',
  'Google/Chrome/Application/chrome.exe',
];

function searchFolders(): string[] {
  const override = process.env.CREDITDESK_CHROMIUM_SEARCH;
  if (override !== undefined) return override.split(delimiter).filter((folder) => folder !== '');
  const windows = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA];
  return ['/usr/bin', '/usr/local/bin', '/snap/bin', '/Applications', ...windows].filter(
    (folder): folder is string => folder !== undefined,
  );
}

/** A browser installed on the system (or named by CREDITDESK_CHROMIUM), without installing anything. */
export function systemChromium(): string | undefined {
  const named = process.env.CREDITDESK_CHROMIUM;
  if (named) return named;
  return searchFolders()
    .flatMap((folder) => executables.map((name) => join(folder, name)))
    .find((path) => existsSync(path));
}

export type ChromiumLookup =
  | { ok: true; executablePath: string | undefined; source: string }
  | { ok: false; message: string };

/**
 * Finds the browser, installing Playwright's Chromium when none is found (then its system libraries
 * too, where the installer may add them: Linux as root). `executablePath` undefined means Playwright's own.
 */
export function findChromium(): ChromiumLookup {
  const named = process.env.CREDITDESK_CHROMIUM;
  if (named) {
    return existsSync(named)
      ? { ok: true, executablePath: named, source: 'CREDITDESK_CHROMIUM' }
      : { ok: false, message: `CREDITDESK_CHROMIUM names ${named}, which does not exist.` };
  }
  const system = systemChromium();
  if (system) return { ok: true, executablePath: system, source: 'system' };
  if (existsSync(chromium.executablePath())) {
    return { ok: true, executablePath: undefined, source: 'Playwright' };
  }
  console.log(`No Chromium found: running ${installCommand}`);
  const npx = (args: string[]) =>
    spawnSync('npx', args, { stdio: 'pipe', encoding: 'utf8', shell: process.platform === 'win32' }).status;
  if (npx(['playwright', 'install', 'chromium']) === 0 && existsSync(chromium.executablePath())) {
    // The libraries the browser needs, where the installer may add them (Linux, as root, through apt).
    if (process.platform === 'linux' && process.getuid?.() === 0)
      npx(['playwright', 'install-deps', 'chromium']);
    return { ok: true, executablePath: undefined, source: 'Playwright (installed now)' };
  }
  return {
    ok: false,
    message: `Browser tests need Chromium and none could be found or installed: run \`${installCommand}\` (or set CREDITDESK_CHROMIUM to a Chromium or Chrome executable).`,
  };
}
