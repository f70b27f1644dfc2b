// CI step: fails when the pinned Electron is more than one release behind the newest of its major line.
// Skips with one line where the npm registry cannot be asked (offline machines).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { judgeElectronPin } from '../electron/electron-version.ts';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const pinned = manifest.devDependencies.electron ?? '';

let published: string[];
try {
  const output = execFileSync('npm', ['view', 'electron', 'versions', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 60_000,
  });
  published = JSON.parse(output) as string[];
} catch {
  console.log(`electron version check skipped: the npm registry cannot be asked (pinned ${pinned})`);
  process.exit(0);
}

const verdict = judgeElectronPin(pinned, published);
if (verdict.ok) {
  console.log(`electron ${pinned}: current (newest of its line ${verdict.newest})`);
} else if (verdict.reason === 'notExact') {
  console.error(`electron must be pinned to an exact version in package.json, not ${pinned}`);
  process.exit(1);
} else {
  console.error(
    `electron ${pinned} is ${verdict.behind} releases behind ${verdict.newest}: pin ${verdict.newest} (security fixes)`,
  );
  process.exit(1);
}
