// `npm start`: builds CreditDesk, starts the embedded city platform with its demo county, and opens the app
// with demo data — in Electron when its binary can be had, otherwise in the browser at a printed address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { issueDemoEnrollmentCode, startPlatform } from '../server/index.ts';
import { serveRenderer } from './static-server.ts';

const rendererPort = Number(process.env.CREDITDESK_PORT ?? 5170);
const platformPort = Number(process.env.CREDITDESK_PLATFORM_PORT ?? 8787);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Electron 45 fetches its binary on first launch; returns the reason when it cannot be had. */
function electronUnavailable(): string | null {
  const result = spawnSync('npx', ['electron', '--version'], { encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0) return null;
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').map((line) => line.trim());
  const download = lines.find((line) => line.startsWith('Downloading Electron'));
  const failure = lines.find((line) => /^(\w*Error|RequestError):/.test(line));
  if (download && failure) return `downloading the Electron binary failed: ${failure}`;
  return failure ?? 'the Electron binary could not be started';
}

console.log('Building CreditDesk…');
run('npx', ['vite', 'build', '--logLevel', 'warn']);
const electronConfig = 'electron/vite.config.ts';
const hasElectronShell = existsSync(electronConfig);
if (hasElectronShell) run('npx', ['vite', 'build', '-c', electronConfig, '--logLevel', 'warn']);

const platform = await startPlatform({
  port: platformPort,
  dataDir: process.env.CREDITDESK_DATA_DIR ?? '.data/platform',
  demo: true,
  logLevel: 'warn',
});
const demoEnrollmentCode = platform.demoEnrollmentCode ?? '';
console.log(`City platform (demo county, ${platform.database.backend}) at ${platform.url}`);
const stopPlatform = () => platform.close().finally(() => process.exit(0));
process.on('SIGINT', stopPlatform);
process.on('SIGTERM', stopPlatform);

/**
 * One-time demo codes kept ready: each call hands out one and issues a replacement, so that a further
 * browser profile can enroll (and join the demo county with its users) instead of meeting a used code.
 */
function demoCodePool(first: string, ready = 3): () => string {
  const codes = [first];
  let filling = false;
  const fill = async () => {
    if (filling) return;
    filling = true;
    try {
      while (codes.length < ready) codes.push(await issueDemoEnrollmentCode(platform.database));
    } catch (error) {
      console.warn('Issuing a demo enrollment code failed:', error);
    } finally {
      filling = false;
    }
  };
  void fill();
  return () => {
    const code = codes.shift() ?? first;
    void fill();
    return code;
  };
}

const unavailable = hasElectronShell ? electronUnavailable() : 'the desktop shell is not built';
if (unavailable === null) {
  const electronPath = createRequire(import.meta.url)('electron') as unknown as string;
  const child = spawn(electronPath, ['.'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CREDITDESK_DEMO: '1',
      CREDITDESK_PLATFORM_URL: platform.url,
      CREDITDESK_DEMO_ENROLLMENT_CODE: demoEnrollmentCode,
    },
  });
  child.on('exit', () => stopPlatform());
} else {
  const nextDemoCode = demoCodePool(demoEnrollmentCode);
  const { url } = await serveRenderer({
    root: 'dist/renderer',
    port: rendererPort,
    shellConfig: {
      demo: true,
      platformUrl: platform.url,
      // Read at every page load: each browser profile enrolls with a code of its own.
      get demoEnrollmentCode() {
        return nextDemoCode();
      },
    },
  });
  console.log(`\nElectron is not available here (${unavailable}).`);
  console.log(`CreditDesk is running in browser mode with demo data: open ${url}`);
  console.log('Press Ctrl+C to stop.');
}
