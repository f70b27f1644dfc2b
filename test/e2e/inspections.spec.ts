import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
import {
  accounts,
  createUser,
  enterprise,
  inspectorAccounts,
  openArea,
  photo,
  registerEnterprise,
  setUpOffice,
  shot,
  sign,
  signIn,
  signInFirstTime,
  signOut,
} from './fixtures.ts';

/**
 * An inspector on a tablet (768 × 1024), offline: starts an inspection from the subject's page, fills
 * the checklist, attaches two photos to items, the representative signs on screen; the page is reloaded
 * mid-way and the draft is found intact; the inspection is finished and submitted; back online it and
 * its photos reach a second computer of the county through the platform.
 */

const county = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
const tablet = { width: 768, height: 1024 };
const inspectors = inspectorAccounts;

let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-inspections-'));
  platform = await startPlatform({ dataDir, logLevel: 'silent' });
  await addCounty(platform.database, county);
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enrollmentCode(): Promise<string> {
  const issued = await createEnrollmentCode(platform.database, {
    county: county.code,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return issued.code;
}

test('an inspection recorded offline on a tablet reaches a second computer with its photos', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: tablet });
  const page = await context.newPage();
  await setUpOffice(page, county.code);
  await createUser(page, accounts.clerk);
  for (const inspector of inspectors) await createUser(page, inspector);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  await registerEnterprise(page, enterprise);
  const subjectUrl = page.url();
  await signOut(page);
  await signInFirstTime(page, inspectors[0]);
  // The field shell: installable (manifest and icons), and the browser asked to keep the data.
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect((await page.request.get(`/${manifest.icons[0].src}`)).ok()).toBe(true);
  await openArea(page, '现场检查');
  await expect(page.getByTestId('storage-status')).toBeVisible();

  // On site: no network.
  await context.setOffline(true);
  await page.goto(`${subjectUrl}?tab=inspections`);
  await page.getByRole('link', { name: '新建检查' }).click();
  await expect(page.getByRole('heading', { name: '新建现场检查' })).toBeVisible();
  await page.getByRole('combobox', { name: '同行检查人员' }).click();
  await page.getByRole('option', { name: inspectors[1].displayName }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: enterprise.name })).toBeVisible();
  const inspectionUrl = page.url();

  const cards = page.locator('[data-testid^="item-"]');
  const count = await cards.count();
  expect(count).toBeGreaterThan(5);
  for (let index = 0; index < count; index++) {
    await cards
      .nth(index)
      .getByText(index === 1 ? '不符合' : '符合', { exact: true })
      .click();
  }
  await cards.nth(1).getByLabel('问题描述').fill('外脚手架安全网多处破损');
  await cards
    .nth(0)
    .locator('input[type=file]')
    .setInputFiles(await photo(page, '现场1.jpg', '#3366aa'));
  await expect(cards.nth(0).locator('img')).toHaveCount(1);
  await cards
    .nth(1)
    .locator('input[type=file]')
    .setInputFiles(await photo(page, '现场2.jpg', '#aa5533'));
  await expect(cards.nth(1).locator('img')).toHaveCount(1);

  // A file that is no picture is refused with a clear message; nothing entered is lost.
  await cards
    .nth(2)
    .locator('input[type=file]')
    .setInputFiles({ name: '说明.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7 不是照片') });
  await expect(page.getByRole('alert').filter({ hasText: '不是照片' })).toBeVisible();

  await page.getByLabel('被检查单位现场负责人').fill('王伟');
  await sign(page);
  await expect(page.getByTestId('autosaved')).toBeVisible({ timeout: 10_000 });
  await page.screenshot(shot('inspection-form-zh'));

  // The window closes mid-way: reopened, the draft is intact.
  await page.getByLabel('检查结论').fill('现场安全防护不到位，责令限期整改。');
  await page.waitForTimeout(3_500);
  await page.reload();
  await signIn(page, inspectors[0].username, inspectors[0].password);
  await page.goto(inspectionUrl);
  await expect(page.getByLabel('被检查单位现场负责人')).toHaveValue('王伟');
  await expect(page.getByLabel('检查结论')).toHaveValue('现场安全防护不到位，责令限期整改。');
  await expect(cards.nth(1).getByLabel('问题描述')).toHaveValue('外脚手架安全网多处破损');
  await expect(page.locator('[data-testid^="item-"] img')).toHaveCount(2);
  await expect(page.getByText('已签名')).toBeVisible();

  await page.getByRole('button', { name: '结束现场检查' }).click();
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByTestId('step-dialog').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核')).toBeVisible();
  await page.screenshot(shot('inspection-submitted-zh'));

  // Back online: the computer enrolls and syncs; a second computer of the county sees it with its photos.
  await context.setOffline(false);
  await page.getByTestId('sync-indicator').click();
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(await enrollmentCode());
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(`${county.nameZh} (${county.code})`)).toBeVisible();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('pending-subjects')).toHaveText('0', { timeout: 30_000 });

  const other = await (await browser.newContext({ locale: 'zh-CN', viewport: tablet })).newPage();
  await other.goto('/');
  await other.getByRole('button', { name: '本县已在使用 CreditDesk？登记这台电脑' }).click();
  await other.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await other.getByLabel('县区行政区划代码').fill(county.code);
  await other.getByLabel('平台地址').fill(platform.url);
  await other.getByLabel('登记码').fill(await enrollmentCode());
  await other.getByRole('button', { name: '登记并同步用户' }).click();
  await signInFirstTime(other, inspectors[1]);
  await other.goto('/#/settings');
  await other.getByText('English').click();
  await expect(other.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await other.goto(inspectionUrl);
  await expect(other.getByText('Awaiting review')).toBeVisible({ timeout: 30_000 });
  await expect(other.locator('[data-testid^="item-"] img')).toHaveCount(2, { timeout: 30_000 });
  await other.screenshot(shot('inspection-second-computer-en'));
});
