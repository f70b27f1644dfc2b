// `npm start`: builds CreditDesk and opens it with demo data — in Electron when its binary can be had,
// otherwise in the browser at a printed localhost address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serveRenderer } from './static-server.ts';

const rendererPort = Number(process.env.CREDITDESK_PORT ?? 5170);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Electron 45 fetches its binary on first launch; returns the reason when it cannot be had. */
function electronUnavailable(): string | null {
  const result = spawnSync('npx', ['electron', '--version'], { encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0) return null;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ');
  return output || 'the Electron binary could not be started';
}

console.log('Building CreditDesk…');
run('npx', ['vite', 'build', '--logLevel', 'warn']);
const electronConfig = 'electron/vite.config.ts';
const hasElectronShell = existsSync(electronConfig);
if (hasElectronShell) run('npx', ['vite', 'build', '-c', electronConfig, '--logLevel', 'warn']);

const unavailable = hasElectronShell ? electronUnavailable() : 'the desktop shell is not built';
if (unavailable === null) {
  const electronPath = createRequire(import.meta.url)('electron') as unknown as string;
  const child = spawn(electronPath, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, CREDITDESK_DEMO: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { url } = await serveRenderer({
    root: 'dist/renderer',
    port: rendererPort,
    shellConfig: { demo: true, platformUrl: '' },
  });
  console.log(`\nElectron is not available here (${unavailable}).`);
  console.log(`CreditDesk is running in browser mode with demo data: open ${url}`);
  console.log('Press Ctrl+C to stop.');
}
