// Runs every test suite and ends with one summary line: "tests: N passed, N failed, N skipped".
// `--only=browser` runs the end-to-end tests alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.ts';

const browserOnly = process.argv.includes('--only=browser');

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return child.status ?? 1;
}

const vitestExit = browserOnly
  ? 0
  : run('npx', [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${results}/vitest.json`,
    ]);

let passed = 0;
let failed = 0;
let skipped = 0;

const browser = findChromium();
let buildExit = 0;
let playwrightExit = 0;
if (browser.ok) {
  console.log(
    `\nbrowser for end-to-end tests: ${browser.executablePath ?? "Playwright's Chromium"} (${browser.source})`,
  );
  buildExit = run('npx', ['vite', 'build', '--mode', 'e2e', '--logLevel', 'warn']);
  const chosen: Record<string, string> = browser.executablePath
    ? { CREDITDESK_CHROMIUM: browser.executablePath }
    : {};
  playwrightExit = buildExit === 0 ? run('npx', ['playwright', 'test'], chosen) : 1;
} else {
  // The browser tests count as one failure, explained in one line.
  console.log(`\n${browser.message}`);
  failed += 1;
}
if (existsSync(`${results}/vitest.json`)) {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}
interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    tests: { status: string; annotations: { type: string; description?: string }[] }[];
  }[];
}

/** Every skipped end-to-end test with the reason it gave, so a skip is never silent. */
function skipReasons(suite: PlaywrightSuite): string[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests
      .filter((t) => t.status === 'skipped')
      .map(
        (t) =>
          `${spec.title}: ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`,
      ),
  );
  return [...own, ...(suite.suites ?? []).flatMap(skipReasons)];
}

if (existsSync(`${results}/playwright.json`)) {
  const p = JSON.parse(readFileSync(`${results}/playwright.json`, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  for (const reason of (p.suites as PlaywrightSuite[]).flatMap(skipReasons))
    console.log(`skipped: ${reason}`);
}
const exitCodes = [vitestExit, buildExit, playwrightExit];
if (failed === 0 && exitCodes.some((code) => code !== 0)) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
