// `npx node bench/dashboardFigures.ts` [BENCH_FIGURES_SUBJECTS=100000] [BENCH_FIGURES_RECORDS=1000000]
// [BENCH_FIGURES_GRADES=1 also times the grade cache and the industry × grade table]:
// the dashboard figures in Chromium at scale (bench/figures/main.ts): read from the kept totals right
// after the profile opens, checked against reading every record in the same run, then adjusted after one
// record changes (its change event). Target: first figures under 2 s after start-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveRenderer } from '../scripts/static-server.ts';

const subjects = Number(process.env.BENCH_FIGURES_SUBJECTS ?? 100_000);
const records = Number(process.env.BENCH_FIGURES_RECORDS ?? 1_000_000);
const executablePath =
  process.env.CREDITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const build = spawnSync('npx', ['vite', 'build', '-c', 'bench/figures.vite.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { url, server } = await serveRenderer({ root: 'dist/bench-figures', port: 0, shellConfig: {} });
// On disk: an in-memory browser profile's IndexedDB quota is too small for a million records.
const profileDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-figures-'));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const grades = process.env.BENCH_FIGURES_GRADES === '1' ? '1' : '0';
  await page.goto(`${url}?subjects=${subjects}&records=${records}&grades=${grades}`);
  await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running…', null, {
    timeout: 60 * 60_000,
    polling: 1000,
  });
  const text = (await page.textContent('#out'))!;
  if (text.startsWith('ERROR')) throw new Error(text);
  const r = JSON.parse(text) as Record<string, number>;
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  console.log(
    `\nDashboard figures, ${r.subjects} subjects and ${r.records} credit records (${r.inForce} in force), Chromium:`,
  );
  console.log(`  written in                        ${f((r.subjectsMs! + r.recordsMs!) / 1000)} s`);
  console.log(`  kept totals counted (once per device, after unseen changes) ${f(r.keptCountMs!)} ms`);
  console.log(`  subject index built (once per device)  ${f(r.subjectIndexMs!)} ms`);
  console.log(`  subjects counted by kind and status (once per device) ${f(r.subjectCountMs!)} ms`);
  console.log(`  start-up: profile, subjects, credit records opened, totals restored ${f(r.openMs!)} ms`);
  console.log(`  figures read                      ${f(r.countsMs!)} ms`);
  console.log(`  first figures after start-up      ${f(r.firstFiguresMs!)} ms  (target < 2000)`);
  console.log(
    `  warm: all ${f(r.againMs!)} ms; records in force ${f(r.inForceMs!)}, categories ${f(r.categoryMs!)}, subjects ${f(r.subjectListMs!)} ms`,
  );
  console.log(
    `  baseline: read every stored record ${f(r.baselineMs!)} ms  (ratio ${(r.countsMs! / r.baselineMs!).toFixed(4)})`,
  );
  console.log(
    `  one record revoked: figures adjusted ${f(r.incrementalMs!)} ms from its change event (read again ${f(r.rereadMs!)} ms)`,
  );
  if (grades === '1') {
    console.log(`  grade cache opened (app start-up) ${f(r.gradeCacheMs!)} ms`);
    console.log(`  subjects by industry and grade    ${f(r.industryGradeMs!)} ms`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}
