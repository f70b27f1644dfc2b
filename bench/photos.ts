// `npx node bench/photos.ts` [BENCH_PHOTOS=200]: camera-like 4000 × 3000 photos of about 4 MB attached across
// inspections through the app's own intake path in Chromium, then synced with the app's sync service to the
// real platform (PGlite). Prints time, bytes sent against the originals (target under 15 %) and the
// renderer's JS heap peak. Not a test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { addCounty } from '../server/accounts/counties.ts';
import { createEnrollmentCode } from '../server/accounts/devices.ts';
import { seedCountyStaff } from '../server/fixtures/users.ts';
import { startPlatform } from '../server/index.ts';
import { serveRenderer } from '../scripts/static-server.ts';

const count = Number(process.env.BENCH_PHOTOS ?? 200);
const county = '410823';
const executablePath =
  process.env.CREDITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const build = spawnSync('npx', ['vite', 'build', '-c', 'bench/photos.vite.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-photos-'));
const platform = await startPlatform({ dataDir, logLevel: 'silent' });
await addCounty(platform.database, { code: county, nameZh: '武陟县', nameEn: 'Wuzhi County' });
const staff = await seedCountyStaff(platform.database, county);
const { code } = await createEnrollmentCode(platform.database, {
  county,
  createdBy: null,
  expiresAt: new Date(Date.now() + 3_600_000),
});
const { url, server } = await serveRenderer({ root: 'dist/bench-photos', port: 0, shellConfig: {} });
const profileDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-photos-profile-'));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => message.type() === 'error' && console.error(message.text()));
  const parameters = new URLSearchParams({
    count: String(count),
    county,
    inspector: staff.inspector,
    partner: staff.reviewer,
    platform: platform.url,
    code,
  });
  await page.goto(`${url}?${parameters}`);
  await page.waitForFunction(() => (document.getElementById('out')?.textContent ?? '') !== '', null, {
    timeout: 60 * 60_000,
    polling: 1000,
  });
  const out = (await page.textContent('#out')) ?? '';
  if (out.startsWith('ERROR')) throw new Error(out);
  const r = JSON.parse(out) as Record<string, number>;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`\n${r.count} photos of 4000 × 3000, Chromium (${executablePath ?? 'Playwright'}):`);
  console.log(
    `  originals                        ${mb(r.originalBytes!)} MB (${mb(r.originalBytes! / r.count!)} MB each)`,
  );
  console.log(
    `  kept after intake                ${mb(r.keptBytes!)} MB (${((100 * r.keptBytes!) / r.originalBytes!).toFixed(1)} %)`,
  );
  console.log(
    `  sent to the platform             ${mb(r.sentBytes!)} MB = ${((100 * r.sentBytes!) / r.originalBytes!).toFixed(1)} % of the originals (target < 15 %)`,
  );
  console.log(
    `  intake (resize, EXIF, keep)      ${s(r.intakeMs!)} s (${(r.intakeMs! / r.count!).toFixed(0)} ms a photo; generating them took ${s(r.generateMs!)} s more)`,
  );
  console.log(
    `  sync to the platform             ${s(r.syncMs!)} s (${(r.sentBytes! / 1024 / 1024 / (r.syncMs! / 1000)).toFixed(1)} MB/s)`,
  );
  console.log(`  renderer JS heap peak            ${mb(r.heapPeak!)} MB`);
  console.log(`  documents refused                ${r.refused}`);
} finally {
  await browser.close();
  server.close();
  await platform.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
