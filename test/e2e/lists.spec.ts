import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
import {
  accounts,
  advanceClock,
  browserDates,
  createUser,
  enterprise,
  field,
  fillRepair,
  openFreshOffice,
  registerEnterprise,
  shot,
  signIn,
  signInFirstTime,
  signOut,
  takeStep,
} from './fixtures.ts';

/**
 * The black list end to end (browser shell, real platform on loopback): a subject with a serious penalty
 * is suggested for the serious-dishonesty list, enters it when a second user approves, takes the lowest
 * grade, and shows flagged in a second county of the city after both sync; after the minimum publicity
 * period (test clock) the record is repaired on a second user's approval, the subject leaves the list
 * and is no longer flagged in the second county after sync.
 */
type County = { code: string; nameZh: string; nameEn: string };
const wuzhi: County = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
const boai: County = { code: '410822', nameZh: '博爱县', nameEn: 'Boai County' };
const title = '责令停业整顿';
let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-lists-'));
  platform = await startPlatform({ dataDir, logLevel: 'silent' });
  await addCounty(platform.database, wuzhi);
  await addCounty(platform.database, boai);
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enroll(page: Page, of: County): Promise<void> {
  const { code } = await createEnrollmentCode(platform.database, {
    county: of.code,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await page.getByTestId('sync-indicator').click();
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(code);
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(`${of.nameZh} (${of.code})`)).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('pending-subjects')).toHaveText('0');
}

type Account = (typeof accounts)['clerk' | 'reviewer'];

async function switchUser(page: Page, account: Account, firstTime = false): Promise<void> {
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await signOut(page);
  if (firstTime) await signInFirstTime(page, account);
  else await signIn(page, account.username, account.password);
  await expect(page.getByTestId('user-menu')).toHaveText(account.displayName);
}

async function openSubjectLists(page: Page): Promise<void> {
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await page.getByRole('tab', { name: '信用评价与名单' }).click();
}

async function office(browser: Browser, of: County): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await openFreshOffice(page, of.code);
  return page;
}

test('a serious penalty puts a subject on the black list on a second user’s approval, flagged city-wide', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const page = await office(browser, wuzhi);
  // The administrator adds a reviewer; the clerk enrolls the computer.
  await signOut(page);
  await signIn(page, accounts.admin.username, accounts.admin.password);
  await createUser(page, accounts.reviewer);
  await switchUser(page, accounts.clerk);
  await enroll(page, wuzhi);

  // The clerk records a serious construction penalty; the reviewer approves it.
  await registerEnterprise(page, enterprise);
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '新增信用记录' }).click();
  await page.getByRole('combobox', { name: '目录项' }).click();
  await page.getByRole('option', { name: /JZ-YZ-02/ }).click();
  await field(page, '标题').fill(title);
  await field(page, '认定机关').fill('武陟县住房和城乡建设局');
  const { today } = await browserDates(page);
  await field(page, '认定日期').fill(today);
  await field(page, '公示开始日期').fill(today);
  await page.getByRole('textbox', { name: '主要事实' }).fill('施工现场发生较大安全事故，责令停业整顿。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: '提交审核', exact: true }).click();
  await page.getByRole('dialog', { name: '提交审核' }).getByRole('button', { name: '提交审核' }).click();
  await switchUser(page, accounts.reviewer, true);
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: '审核通过', exact: true }).click();
  await page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核').first()).toBeVisible();

  // The rules suggest the black list; the clerk proposes it and may not decide it.
  await switchUser(page, accounts.clerk);
  await openSubjectLists(page);
  const suggestion = page.getByTestId('list-suggestion').filter({ hasText: '严重失信主体名单' });
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: '提请列入' }).click();
  await page.getByRole('dialog', { name: '提请列入' }).getByRole('button', { name: '提请列入' }).click();
  const entries = page.getByTestId('subject-listings');
  await expect(entries).toContainText('待审核');
  await expect(entries.getByRole('button', { name: '批准列入' })).toHaveCount(0);

  // A second user, the reviewer, approves it with the decision document and her opinion.
  await switchUser(page, accounts.reviewer);
  await openSubjectLists(page);
  await entries.getByRole('button', { name: '批准列入' }).click();
  const dialog = page.getByRole('dialog', { name: '批准列入' });
  await dialog.getByRole('button', { name: '批准列入' }).click();
  await expect(dialog).toContainText('决定文书号');
  await dialog.getByTestId('step-document-number').fill('武建信〔2026〕1号');
  await dialog.getByLabel('审核意见').fill('符合列入条件，同意列入');
  await dialog.getByRole('button', { name: '批准列入' }).click();
  // The approval regrades and promotes on a loaded machine: allow it time.
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(entries).toContainText('已列入');
  await expect(page.getByTestId('subject-grade')).toHaveText('D');
  await page.screenshot(shot('lists-black-listed-zh'));
  await syncNow(page);

  // Another county of the city registers the same enterprise and sees it flagged after its sync.
  const other = await office(browser, boai);
  await enroll(other, boai);
  await registerEnterprise(other, enterprise);
  await syncNow(other);
  await openSubjectLists(other);
  await expect(other.getByTestId('city-black-list-flag')).toContainText('武建信〔2026〕1号');
  await expect(other.getByTestId('subject-grade')).toHaveText('D');
  await other.screenshot(shot('lists-city-flag-zh'));

  await other.goto('/#/settings');
  await other.getByText('English').click();
  await expect(other.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await other.getByRole('link', { name: 'Subjects' }).click();
  await other.getByRole('link', { name: enterprise.name }).click();
  await other.getByRole('tab', { name: 'Grade and lists' }).click();
  await expect(other.getByTestId('city-black-list-flag')).toContainText(
    'On the city-wide serious-dishonesty list',
  );
  await other.screenshot(shot('lists-city-flag-en'));
  await page.goto('/#/lists');
  await expect(page.getByTestId('listings-table')).toContainText(enterprise.name);
  await page.screenshot(shot('lists-page-zh'));

  // The grade chart opens the subject list filtered by the grade.
  await page.getByTestId('grade-bar-D').click();
  await page.getByTestId('grade-open-list').click();
  await expect(page.getByRole('combobox', { name: '信用等级' })).toHaveValue('D');
  await expect(page.getByRole('link', { name: enterprise.name })).toBeVisible();
  await page.screenshot(shot('lists-grade-filter-zh'));

  // 13 months later (the test clock, on both computers) the minimum publicity period has passed: the
  // clerk applies for repair, the reviewer approves it and takes the subject off the list.
  await advanceClock(page, 396);
  await advanceClock(other, 396);
  await switchUser(page, accounts.clerk);
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('link', { name: '申请信用修复' }).click();
  await fillRepair(page);
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByText('待受理').first()).toBeVisible();
  await switchUser(page, accounts.reviewer);
  await page.getByRole('link', { name: '修复与异议' }).click();
  await page.getByTestId('case-table').getByRole('link', { name: '信用修复申请' }).click();
  await takeStep(page, '受理');
  await takeStep(page, '审查', { label: '审核意见', value: '材料齐全，罚款已缴清' });
  await takeStep(page, '准予修复', { label: '理由', value: '符合信用修复条件' });
  await openSubjectLists(page);
  await entries.getByRole('button', { name: '移出名单' }).click();
  const exit = page.getByRole('dialog', { name: '移出名单' });
  await expect(exit).toContainText('已修复');
  await exit.getByTestId('step-document-number').fill('武建信〔2027〕9号');
  await exit.getByLabel('理由').fill('失信信息已修复，移出名单');
  await exit.getByRole('button', { name: '移出名单' }).click();
  await expect(exit).toBeHidden({ timeout: 20_000 });
  await expect(entries).toContainText('已移出');
  await expect(page.getByTestId('subject-grade')).toHaveText('A');
  await page.screenshot(shot('lists-exited-zh'));
  await syncNow(page);

  // The second county, after its sync, no longer flags the subject.
  await other.getByTestId('sync-indicator').click();
  await other.getByRole('button', { name: 'Sync now' }).click();
  await expect(other.getByTestId('pending-subjects')).toHaveText('0');
  await other.keyboard.press('Escape');
  await other.getByRole('link', { name: 'Subjects' }).click();
  await other.getByRole('link', { name: enterprise.name }).click();
  await other.getByRole('tab', { name: 'Grade and lists' }).click();
  await expect(other.getByTestId('city-black-list-flag')).toHaveCount(0);
  await expect(other.getByTestId('subject-grade')).toHaveText('A');
  await other.screenshot(shot('lists-city-exited-en'));
});
