// `npm run bench`: the subject registry benchmark in real Chromium (figures and ratios; not a test).
// BENCH_INSERT_ONLY=1 measures only the insert of the subjects against both raw baselines (with
// BENCH_STAGES=1 also its stages), skipping the searches, reopening and the credit and commitment lists.
// BENCH_PROFILE=<file> writes a CPU profile of the page (a readable, unminified build) to that file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveRenderer } from './static-server.ts';

const count = Number(process.env.BENCH_SUBJECTS ?? 100_000);
/** Credit records for the list measurements (BENCH_RECORDS=1000000 for the million). */
const records = Number(process.env.BENCH_RECORDS ?? 100_000);
/** BENCH_STAGES=1 also times each stage of the repository's insert alone. */
const stages = process.env.BENCH_STAGES === '1';
/** BENCH_INSERT_ONLY=1: only the insert and its baselines (see the header). */
const insertOnly = process.env.BENCH_INSERT_ONLY === '1';
/** Commitment letters for the commitments list (BENCH_LETTERS). */
const letters = Number(process.env.BENCH_LETTERS ?? 20_000);
/** How long the run may take before it is given up (BENCH_MINUTES; a million records need more than the default). */
const minutes = Number(process.env.BENCH_MINUTES ?? 30);
const executablePath =
  process.env.CREDITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
console.log(`Load average at start (1, 5, 15 min): ${load()} on ${availableParallelism()} cores`);
const build = spawnSync('npx', ['vite', 'build', '-c', 'bench/vite.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { url, server } = await serveRenderer({ root: 'dist/bench', port: 0, shellConfig: {} });
// A profile on disk: a fresh browser context keeps IndexedDB in memory under a small quota, which a
// million credit records exceed.
const profileDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-'));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(message.text());
    if (message.type() === 'info') console.log(`  … ${message.text()} (load ${load()})`);
  });
  const switches = `${stages ? '&stages=1' : ''}${insertOnly ? '&insertOnly=1' : ''}`;
  const cdp = process.env.BENCH_PROFILE ? await browser.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${url}?count=${count}&records=${records}&letters=${letters}${switches}`);
  await page.waitForFunction(() => 'benchResult' in window || 'benchError' in window, undefined, {
    timeout: minutes * 60_000,
    polling: 1000,
  });
  const error = await page.evaluate(() => (window as unknown as { benchError?: string }).benchError);
  if (error) throw new Error(error);
  const r = await page.evaluate(
    () => (window as unknown as { benchResult: Record<string, number> }).benchResult,
  );
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
  }
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  console.log(
    `\nSubject registry, ${r.count} generated subjects, Chromium (${executablePath ?? 'Playwright'}):`,
  );
  console.log(
    `  insert through the repository   ${f(r.repositoryInsertMs!)} ms  (${f(r.repositoryDocsPerSecond!)} docs/s)`,
  );
  console.log(
    `  raw Dexie bulkPut, same docs    ${f(r.rawBulkPutMs!)} ms  (${f(r.rawDocsPerSecond!)} docs/s; table with 2 indexes)`,
  );
  console.log(
    `  raw Dexie bulkPut, as stored    ${f(r.rawSameIndexesBulkPutMs!)} ms  (${f(r.rawSameIndexesDocsPerSecond!)} docs/s; RxDB's stored form and its table's indexes)`,
  );
  console.log(
    `  ratio repository / raw speed    ${(r.repositoryDocsPerSecond! / r.rawDocsPerSecond!).toFixed(2)}  (target ≥ 0.50)`,
  );
  console.log(
    `  ratio repository / as stored    ${(r.repositoryDocsPerSecond! / r.rawSameIndexesDocsPerSecond!).toFixed(2)}`,
  );
  if (!r.insertOnly) printSearchesAndLists(r, f);
  if (stages) printStages(r, f);
  console.log(`\nLoad average at end (1, 5, 15 min): ${load()}`);
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}

/** Everything after the insert: searches, reopening, the credit-record and commitment lists. */
function printSearchesAndLists(r: Record<string, number>, f: (n: number) => string): void {
  console.log(
    `  name fragment search p50 / p95  ${f(r.nameSearchP50!)} / ${f(r.nameSearchP95!)} ms  (target p95 < 100)`,
  );
  console.log(
    `  code prefix search p50 / p95    ${f(r.codeSearchP50!)} / ${f(r.codeSearchP95!)} ms  (target p95 < 100)`,
  );
  const oldReopen = r.reopenOpenMs! + r.baselineLoadAllMs!;
  const matches = (total: number, more: number) => `${more ? 'more than ' : ''}${total}`;
  console.log(
    `  reopen to a first search answered ${f(r.reopenFirstSearchMs!)} ms  (broad beginnings: ${matches(r.matchesByName!, r.matchesByNameMore!)} and ${matches(r.matchesByCode!, r.matchesByCodeMore!)} matches)`,
  );
  console.log(
    `  the two searches, counted whole  ${f(r.uncappedSearchMs!)} ms  (the path before the cap, same run; the capped pair took ${f(r.reopenInteractiveMs! - r.reopenFirstPageMs!)} ms, ratio ${((r.reopenInteractiveMs! - r.reopenFirstPageMs!) / r.uncappedSearchMs!).toFixed(2)})`,
  );
  console.log(
    `  stored index catch-up            ${f(r.catchUpMs!)} ms for ${r.caughtUp} changes by the change-order index (before, RxDB's changes-since query: ${f(r.rxdbCatchUpMs!)} ms, ratio ${(r.catchUpMs! / r.rxdbCatchUpMs!).toFixed(2)})`,
  );
  console.log(
    `  reopen to an interactive list    ${f(r.reopenInteractiveMs!)} ms  (first page, then a name and a code search answered; target < 1500; before: open + read every subject ${f(oldReopen)} ms, ratio ${(r.reopenInteractiveMs! / oldReopen).toFixed(2)})`,
  );
  console.log(`  … of which to the first page     ${f(r.reopenFirstPageMs!)} ms`);
  console.log(`  … of which kept totals restored  ${f(r.reopenTallyMs!)} ms`);
  console.log(`  … of which opening the profile   ${f(r.reopenOpenMs!)} ms`);
  console.log(
    `  reopen until search is complete  ${f(r.reopenIndexedMs!)} ms  (stored index + changes since)`,
  );
  console.log(`  first page (recent first)        ${f(r.firstPageMs!)} ms  (target < 100)`);
  console.log(
    `  first page sorted by name        ${f(r.firstNameSortedPageMs!)} ms  (target < 100; before: sorting on first use ${f(r.baselineNameSortedPageMs!)} ms, ratio ${(r.firstNameSortedPageMs! / r.baselineNameSortedPageMs!).toFixed(3)})`,
  );
  console.log(`  next page sorted by name         ${f(r.nextNameSortedPageMs!)} ms`);
  console.log(`  first page, practitioners only   ${f(r.firstKindPageMs!)} ms  (target < 100)`);
  console.log(`  … sorted by name                 ${f(r.firstKindNamePageMs!)} ms  (target < 100)`);
  console.log(`  first page, suspended only       ${f(r.firstStatusPageMs!)} ms  (target < 100)`);
  console.log(
    `\nCredit-record lists, ${r.records} records (bench only: written as RxDB stores them straight into its IndexedDB table in ${f(r.generateRecordsMs! / 1000)} s, not through the writer; their totals then counted through the indexes in ${f(r.countRecordsMs!)} ms), first page of 50 / next page:`,
  );
  const lists: [string, string][] = [
    ['all, last changed first', 'recordsAll'],
    ['one status', 'recordsByStatus'],
    ['one category', 'recordsByCategory'],
    ['one category and status', 'recordsByCategoryAndStatus'],
    ["one subject's records", 'recordsOfSubject'],
    ['words in title or number', 'recordsByWords'],
  ];
  for (const [label, key] of lists) {
    if (r[`${key}Ms`] === undefined) continue;
    const next = r[`${key}NextMs`] === undefined ? '–' : f(r[`${key}NextMs`]!);
    console.log(`  ${label.padEnd(32)} ${f(r[`${key}Ms`]!)} / ${next} ms  (target < 100)`);
  }
  if (r.wordIndexBuildMs === undefined)
    console.log(
      `  words in title or number         not measured above ${r.wordsMeasuredUpTo} records (before its index is built a search reads every record; building the index reads them all)`,
    );
  else
    console.log(
      `  words, by the word index         ${f(r.recordsByWordsIndexedMs!)} ms  (index built in ${f(r.wordIndexBuildMs!)} ms, JS heap +${r.wordIndexHeapMb === undefined ? '?' : f(r.wordIndexHeapMb)} MB)`,
    );
  if (r.wordIndexBuildMs !== undefined)
    console.log(
      `  word index from its stored copy  ${f(r.wordIndexFromStoredMs!)} ms  (reading every record: ${f(r.wordIndexBuildMs!)} ms, ratio ${(r.wordIndexFromStoredMs! / r.wordIndexBuildMs!).toFixed(2)})`,
    );
  console.log(
    `  before, one category and status  ${f(r.baselineByCategoryAndStatusMs!)} ms reading and sorting ${r.baselineMatches} matches (ratio ${(r.recordsByCategoryAndStatusMs! / r.baselineByCategoryAndStatusMs!).toFixed(3)})`,
  );
  console.log(
    `\nSync states of ${r.syncStatesPending} subjects and records as the workspace opens (never synced, so all waiting):`,
  );
  console.log(
    `  tracking registered              ${f(r.syncStatesOpenMs!)} ms  (the workspace waits for this)`,
  );
  console.log(`  states of the first page shown   ${f(r.syncStatesShownMs!)} ms`);
  console.log(`  every record counted             ${f(r.syncStatesCountedMs!)} ms  (in the background)`);
  console.log(
    `  before, reading and hashing all  ${f(r.syncStatesBeforeMs!)} ms  (what the workspace waited for; ratio ${(r.syncStatesOpenMs! / r.syncStatesBeforeMs!).toFixed(4)})`,
  );
  console.log(
    `\nCommitments list, ${r.letters} letters (written in ${f(r.generateLettersMs! / 1000)} s), first page of 50:`,
  );
  const before = r.commitmentsBaselineMs!;
  const letterLists: [string, string][] = [
    ['all, last changed first', 'commitmentsFirstPageMs'],
    ['next page', 'commitmentsNextPageMs'],
    ['open letters only', 'commitmentsOpenPageMs'],
    ['number or name words', 'commitmentsWordsPageMs'],
  ];
  for (const [label, key] of letterLists)
    console.log(
      `  ${label.padEnd(32)} ${f(r[key]!)} ms  (ratio to reading every letter ${(r[key]! / before).toFixed(3)})`,
    );
  console.log(`  before, reading every letter     ${f(before)} ms`);
}

/** Each stage of the repository's insert timed alone (bench/browser/stages.ts), beside raw Dexie. */
function printStages(r: Record<string, number>, f: (n: number) => string): void {
  const rows: [string, string][] = [
    ['validation', 'validateMs'],
    ['personal fields encrypted', 'encryptMs'],
    ['RxDB bulkInsert, plain Dexie storage', 'rxdbWriteMs'],
    ['RxDB bulkInsert, encrypting storage', 'rxdbEncryptedWriteMs'],
    ['audit trail (bulk-creation entries)', 'auditMs'],
    ['search index', 'indexMs'],
  ];
  console.log('  stages of the repository insert, each timed alone:');
  for (const [label, key] of rows)
    console.log(`    ${label.padEnd(38)} ${f(r[`stage.${key}`]!).padStart(7)} ms`);
  console.log(`    ${'raw Dexie bulkPut (above)'.padEnd(38)} ${f(r.rawBulkPutMs!).padStart(7)} ms`);
}
