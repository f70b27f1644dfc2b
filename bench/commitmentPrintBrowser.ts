// `npx node bench/commitmentPrintBrowser.ts`: prints the same 2,000 commitment letters with the renderer's
// PDF code in Chromium (the runtime of both the browser shell and Electron) and in Node, and compares the
// bytes. Exits 1 when they differ: printed letters must not depend on where they were printed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { printCommitmentLetters } from '../renderer/commitments/printLetters.ts';
import { letterCount, letters, printSettings } from './letters/sample.ts';
import { serveRenderer } from '../scripts/static-server.ts';

const build = spawnSync('npx', ['vite', 'build', '-c', 'bench/letters.vite.config.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const fontBytes = new Uint8Array(readFileSync('renderer/kernel/pdf/fonts/NotoSansSC-GB2312.ttf'));
const start = performance.now();
const printed = await printCommitmentLetters(letters, { ...printSettings, fontBytes });
const node = {
  hex: createHash('sha256').update(printed.bytes).digest('hex'),
  size: printed.bytes.length,
  seconds: (performance.now() - start) / 1000,
};

const executablePath =
  process.env.CREDITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const { url, server } = await serveRenderer({ root: 'dist/bench-letters', port: 0, shellConfig: {} });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('out')?.textContent?.startsWith('{'), null, {
    timeout: 300_000,
  });
  const chromium = JSON.parse((await page.textContent('#out'))!) as typeof node;
  console.log(
    `${letterCount.toLocaleString('en')} letters, one PDF of ${(node.size / 1024 / 1024).toFixed(1)} MB`,
  );
  console.log(`  Node ${process.version}: ${node.seconds.toFixed(2)} s, SHA-256 ${node.hex}`);
  console.log(`  Chromium:      ${chromium.seconds.toFixed(2)} s, SHA-256 ${chromium.hex}`);
  const same = chromium.hex === node.hex && chromium.size === node.size;
  console.log(same ? '  identical bytes' : '  THE BYTES DIFFER');
  process.exitCode = same ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
