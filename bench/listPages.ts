// `npx node bench/listPages.ts` [BENCH_LIST_DOCS=20000] [BENCH_LISTS=cases,disclosures] [BENCH_OPEN_EVERY=50]:
// the first page of the lists that page through an index (commitments, projects, cases, disclosures,
// declarations, rectification orders and inspection figures, the audit trail's search, credit reports;
// all unless BENCH_LISTS names some; one case in BENCH_OPEN_EVERY open), in Chromium
// (bench/listPages/main.ts), each against reading every document of its list in the same run. Target:
// every first page under 100 ms. BENCH_LISTS=migration (not run by default) times opening inspections of
// schema version 4 in the app's migration steps against RxDB's default step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveRenderer } from '../scripts/static-server.ts';

const count = Number(process.env.BENCH_LIST_DOCS ?? 20_000);
const executablePath =
  process.env.CREDITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const build = spawnSync('npx', ['vite', 'build', '-c', 'bench/listPages.vite.config.ts'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const loadAtStart = loadavg()[0]!;
const { url, server } = await serveRenderer({ root: 'dist/bench-list-pages', port: 0, shellConfig: {} });
const profileDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-list-pages-'));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const only = process.env.BENCH_LISTS ? `&lists=${process.env.BENCH_LISTS}` : '';
  const open = process.env.BENCH_OPEN_EVERY ? `&openEvery=${process.env.BENCH_OPEN_EVERY}` : '';
  await page.goto(`${url}?count=${count}${only}${open}`);
  await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running…', null, {
    timeout: 60 * 60_000,
    polling: 1000,
  });
  const text = (await page.textContent('#out'))!;
  if (text.startsWith('ERROR')) throw new Error(text);
  const lists = JSON.parse(text) as {
    list: string;
    count: number;
    writtenMs: number;
    baselineMs: number;
    pages: Record<string, number>;
    notes?: Record<string, number>;
  }[];
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  console.log(`\nFirst pages (50) in Chromium, each against reading every document of its list:`);
  for (const list of lists) {
    console.log(
      `\n${list.list}: ${list.count} documents (written in ${f(list.writtenMs / 1000)} s); every document read ${f(list.baselineMs)} ms`,
    );
    for (const [name, ms] of Object.entries(list.pages)) {
      console.log(`  ${name.padEnd(36)} ${f(ms).padStart(6)} ms  ratio ${(ms / list.baselineMs).toFixed(3)}`);
    }
    for (const [name, ms] of Object.entries(list.notes ?? {})) console.log(`  (${name}) ${f(ms)} ms`);
  }
  console.log(`\nload average ${loadAtStart.toFixed(1)} (start) to ${loadavg()[0]!.toFixed(1)} (end)`);
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}
