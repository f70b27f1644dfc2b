// `npm run dist`: builds the app and its installers with electron-builder.yml (extra arguments are passed
// to electron-builder), then refuses the result if any packaged app in release/ is an e2e test build.
import { spawnSync } from 'node:child_process';
import { findTestBuilds, refusedDistArgument } from '../electron/release-guard.ts';

const args = process.argv.slice(2);
const refused = refusedDistArgument(args);
if (refused !== null) {
  console.error(`npm run dist builds electron-builder.yml only; refused: ${refused}`);
  process.exit(1);
}

function run(command: string, commandArgs: string[]): void {
  const child = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (child.status !== 0) process.exit(child.status ?? 1);
}

run('npm', ['run', 'build']);
run('npx', ['electron-builder', ...args]);
const testBuilds = findTestBuilds('release');
if (testBuilds.length > 0) {
  console.error(`release/ holds e2e test builds, which must never ship: ${testBuilds.join(', ')}`);
  process.exit(1);
}
