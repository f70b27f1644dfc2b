import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
import { accounts, openFreshOffice, shot, signIn, signOut } from './fixtures.ts';

type County = { code: string; nameZh: string; nameEn: string };
const county: County = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
/** A second county, so each test's office has the platform's users of its county to itself. */
const otherCounty: County = { code: '410822', nameZh: '博爱县', nameEn: 'Boai County' };
let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-sync-'));
  platform = await startPlatform({ dataDir, logLevel: 'silent' });
  await addCounty(platform.database, county);
  await addCounty(platform.database, otherCounty);
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enrollmentCode(of: County): Promise<string> {
  const issued = await createEnrollmentCode(platform.database, {
    county: of.code,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return issued.code;
}

/** The county's first computer (a browser context: own IndexedDB): office set up, clerk signed in, enrolled. */
async function firstComputer(browser: Browser, of = county): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await openFreshOffice(page, of.code);
  await page.getByTestId('sync-indicator').click();
  await expect(page.getByRole('heading', { name: '登记到市级平台' })).toBeVisible();
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(await enrollmentCode(of));
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(`${of.nameZh} (${of.code})`)).toBeVisible();
  return page;
}

/** A further computer of the county: enrolled at first start, the clerk signs in with her synced account. */
async function furtherComputer(browser: Browser, of = county): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: '本县已在使用 CreditDesk？登记这台电脑' }).click();
  await page.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await page.getByLabel('县区行政区划代码').fill(of.code);
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(await enrollmentCode(of));
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
  // The overview names this computer by when it enrolled, never by its internal id.
  await expect(first.getByText('本机登记时间')).toBeVisible();
  await expect(first.getByRole('main')).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
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

test("an administrator changes a clerk's roles and disables her: after the next sync she cannot sign in on another computer, even offline", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const first = await firstComputer(browser, otherCounty);
  await syncNow(first);
  const second = await furtherComputer(browser, otherCounty);

  // On the first computer the administrator gives the clerk the reviewer role too, then disables her.
  await signOut(first);
  await signIn(first, accounts.admin.username, accounts.admin.password);
  await first.getByRole('link', { name: '用户管理' }).click();
  const row = first.getByRole('row', { name: new RegExp(accounts.clerk.username) });
  await first.getByRole('button', { name: `${accounts.clerk.username} 的操作` }).click();
  await first.getByRole('menuitem', { name: '编辑' }).click();
  await first.getByRole('dialog').getByLabel('审核员').check();
  await first.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('审核员');
  await first.getByRole('button', { name: `${accounts.clerk.username} 的操作` }).click();
  await first.getByRole('menuitem', { name: '停用' }).click();
  await expect(row).toContainText('停用');
  await first.screenshot(shot('users-clerk-disabled'));
  await syncNow(first);

  // The second computer, where the clerk is still signed in, pulls the change with its next sync and
  // signs her out; offline, she cannot sign in again.
  await expect(second.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 30_000 });
  await second.context().setOffline(true);
  await signIn(second, accounts.clerk.username, accounts.clerk.password);
  await expect(second.getByRole('alert').filter({ hasText: '该账号已停用，请联系管理员。' })).toBeVisible();
  await expect(second.getByTestId('user-menu')).toHaveCount(0);
  await second.screenshot(shot('users-disabled-offline-sign-in'));
});
