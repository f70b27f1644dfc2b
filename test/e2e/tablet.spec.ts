import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { addCounty } from '../../server/accounts/counties.ts';
import { listDevices } from '../../server/accounts/devices.ts';
import { addOperator } from '../../server/accounts/operators.ts';
import { seedCountyStaff } from '../../server/fixtures/users.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
import { openFreshOffice, shot } from './fixtures.ts';

/**
 * A tablet installed and enrolled from the platform's page: the operator opens the tablet page (the
 * field shell's address and QR code), issues an enrolment code, and the tablet (768 × 1024) opens the
 * enrolment link into the shell's "join the county" form filled in, enrolls and lands on sign-in.
 * The field shell is installable: manifest with 192 and 512 px icons, a service worker.
 */

const county = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
const tablet = { width: 768, height: 1024 };
const operator = { username: 'wuzhi-admin', password: 'correct horse battery' };

let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-tablet-'));
  const shell = `http://127.0.0.1:${process.env.CREDITDESK_E2E_PORT ?? 4173}/`;
  platform = await startPlatform({ dataDir, logLevel: 'silent', fieldShellUrl: shell });
  await addCounty(platform.database, county);
  // The county already uses CreditDesk: its users are on the platform for the tablet to pull.
  await seedCountyStaff(platform.database, county.code);
  await addOperator(platform.database, { ...operator, county: county.code });
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The operator's browser on the platform's tablet page: issues a code and gives the enrolment link. */
async function issueLink(browser: Browser, language: 'zh-CN' | 'en'): Promise<string> {
  const context = await browser.newContext({
    locale: language,
    viewport: { width: 1280, height: 800 },
    httpCredentials: operator,
  });
  const page = await context.newPage();
  await page.goto(`${platform.url}/admin/tablet${language === 'en' ? '?lang=en' : ''}`);
  const words =
    language === 'en'
      ? { heading: 'Field shell for tablets: install and enrol', issue: 'Issue an enrolment code' }
      : { heading: '平板现场终端：安装与登记', issue: '生成登记码' };
  await expect(page.getByRole('heading', { name: words.heading })).toBeVisible();
  await expect(page.getByTestId('shell-url')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByTestId('shell-qr').locator('svg')).toBeVisible();
  await page.getByRole('button', { name: words.issue }).click();
  await expect(page.getByTestId('enrollment-qr').locator('svg')).toBeVisible();
  await page.screenshot(shot(`tablet-platform-page-${language}`));
  const link = await page.getByTestId('enrollment-link').getAttribute('href');
  await context.close();
  return link ?? '';
}

test('a tablet is installed and enrolled from the platform’s page, in both languages', async ({
  browser,
}) => {
  const link = await issueLink(browser, 'zh-CN');
  const context = await browser.newContext({ locale: 'zh-CN', viewport: tablet, hasTouch: true });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByTestId('enrollment-link')).toBeVisible();
  await expect(page.getByLabel('平台地址')).toHaveValue(platform.url);
  await expect(page.getByLabel('县区行政区划代码')).toHaveValue(county.code);
  await expect(page.getByLabel('登记码')).not.toHaveValue('');
  await page.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await page.screenshot(shot('tablet-join-zh'));

  // Installable: the manifest names 192 and 512 px icons that are served; the service worker runs.
  const manifest = (await (await page.request.get('./manifest.webmanifest')).json()) as {
    icons: { src: string; sizes: string }[];
    display: string;
  };
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    expect((await page.request.get(`./${icon.src}`)).ok()).toBe(true);
  }
  expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.ready))).toBe(true);

  await page.getByRole('button', { name: '登记并同步用户' }).tap();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 30_000 });
  // The one-time code left the address bar.
  expect(page.url()).not.toContain('enrollCode');
  await page.screenshot(shot('tablet-enrolled-zh'));
  await context.close();

  const english = await browser.newContext({ locale: 'en', viewport: tablet, hasTouch: true });
  const other = await english.newPage();
  await other.goto(await issueLink(browser, 'en'));
  await expect(other.getByTestId('enrollment-link')).toBeVisible();
  await other.getByLabel('Office name').fill('Wuzhi County Housing Bureau');
  await other.screenshot(shot('tablet-join-en'));
  await other.getByRole('button', { name: 'Enroll and sync users' }).tap();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await other.screenshot(shot('tablet-enrolled-en'));
  await english.close();

  // Both tablets are devices of the county on the platform, enrolled with the ordinary codes.
  const devices = await listDevices(platform.database, county.code);
  expect(devices.filter((device) => device.revokedAt === null)).toHaveLength(2);
});

test('below 992 px the credit check button of the header keeps no empty slot for the shortcut hint', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: tablet, hasTouch: true });
  const page = await context.newPage();
  // A clerk: she may run credit checks.
  await openFreshOffice(page);
  const header = page.locator('header');
  const button = page.getByTestId('verification-spotlight');
  const slots = button.locator('[data-position="right"]');
  await expect(button).toBeVisible();
  await header.screenshot({ path: 'test-results/screenshots/tablet-header-zh.png' });
  await expect(slots).toHaveCount(0);
  await expect(button).not.toContainText('Ctrl K');

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await header.screenshot({ path: 'test-results/screenshots/tablet-header-en.png' });
  await expect(slots).toHaveCount(0);

  // From 992 px the hint is shown in its slot.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(slots).toHaveText('Ctrl K');
  await header.screenshot({ path: 'test-results/screenshots/desktop-header-en.png' });
  await context.close();
});
