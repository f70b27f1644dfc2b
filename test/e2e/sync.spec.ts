import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
import { accounts, openFreshOffice, shot, signIn } from './fixtures.ts';

const county = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-sync-'));
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

/** The county's first computer (a browser context: own IndexedDB): office set up, clerk signed in, enrolled. */
async function firstComputer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await openFreshOffice(page);
  await page.getByTestId('sync-indicator').click();
  await expect(page.getByRole('heading', { name: '登记到市级平台' })).toBeVisible();
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(await enrollmentCode());
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('武陟县 (410823)')).toBeVisible();
  return page;
}

/** A further computer of the county: enrolled at first start, the clerk signs in with her synced account. */
async function furtherComputer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: '本县已在使用 CreditDesk？登记这台电脑' }).click();
  await page.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await page.getByLabel('县区行政区划代码').fill('410823');
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(await enrollmentCode());
  await page.getByRole('button', { name: '登记并同步用户' }).click();
  await signIn(page, accounts.clerk.username, accounts.clerk.password);
  await expect(page.getByTestId('user-menu')).toHaveText(accounts.clerk.displayName);
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('pending-subjects')).toHaveText('0');
}

async function registerEnterprise(page: Page, name: string, code: string, representative: string) {
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: '登记企业' }).click();
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(code);
  await page.getByLabel('法定代表人').fill(representative);
  await page.getByLabel('所在县区行政区划代码').fill('410823');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function openSubject(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('textbox', { name: '搜索' }).fill(name.slice(0, 6));
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function editRepresentative(page: Page, name: string, representative: string): Promise<void> {
  await openSubject(page, name);
  await page.getByRole('link', { name: '编辑' }).click();
  await page.getByLabel('法定代表人').fill(representative);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('two clerks of one county sync offline work and resolve a conflict', async ({ browser }) => {
  test.setTimeout(180_000);
  const first = await firstComputer(browser);
  await syncNow(first);
  const second = await furtherComputer(browser);

  await registerEnterprise(first, '武陟县宏达建筑工程有限公司', '91350100M000100Y43', '王伟');
  await syncNow(first);
  await syncNow(second);
  await openSubject(second, '武陟县宏达建筑工程有限公司');

  // Clerk 1 works offline: registers a subject and edits the one both have.
  await first.context().setOffline(true);
  await expect(first.getByTestId('sync-indicator-state')).toHaveText('离线');
  await registerEnterprise(first, '武陟县鑫源建设集团有限公司', '91310110666007217T', '赵强');
  await editRepresentative(first, '武陟县宏达建筑工程有限公司', '王建国');
  await first.getByTestId('sync-indicator').click();
  await expect(first.getByTestId('pending-subjects')).toHaveText('2');
  // Offline is a state, not an error: said in Chinese, with what waits for upload.
  await expect(first.getByTestId('sync-offline')).toContainText(/^离线，\d+ 条待上传/);
  await expect(first.getByTestId('sync-error')).toHaveCount(0);
  await first.screenshot(shot('sync-offline-pending'));

  await first.context().setOffline(false);
  await syncNow(first);
  await first.screenshot(shot('sync-page'));

  await syncNow(second);
  await openSubject(second, '武陟县鑫源建设集团有限公司');
  await openSubject(second, '武陟县宏达建筑工程有限公司');
  await expect(second.getByText('王建国')).toBeVisible();

  // Both change the legal representative of the same subject; clerk 2 syncs first.
  await first.context().setOffline(true);
  await editRepresentative(first, '武陟县宏达建筑工程有限公司', '陈刚');
  await editRepresentative(second, '武陟县宏达建筑工程有限公司', '刘洋');
  await syncNow(second);
  await first.context().setOffline(false);
  await syncNow(first);

  await first.getByTestId('conflicts-link').click();
  await expect(first.getByRole('heading', { name: '同步冲突' })).toBeVisible();
  await first.getByRole('button', { name: '比较' }).click();
  const compare = first.getByTestId('conflict-compare');
  await expect(compare.locator('tr[data-conflict]')).toHaveCount(1);
  await expect(compare.locator('tr[data-conflict]')).toContainText('陈刚');
  await expect(compare.locator('tr[data-conflict]')).toContainText('刘洋');
  await first.screenshot(shot('sync-conflict-compare'));
  await compare.getByRole('button', { name: '全部采用本机版本' }).click();
  await expect(first.getByText('没有待处理的冲突')).toBeVisible();

  await syncNow(first);
  await syncNow(second);
  await openSubject(second, '武陟县宏达建筑工程有限公司');
  await expect(second.getByText('陈刚')).toBeVisible();
  await second.screenshot(shot('sync-conflict-resolved'));
});
