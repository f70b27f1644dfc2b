import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  accounts,
  advanceClock,
  browserDates,
  createUser,
  enterprise,
  registerEnterprise,
  setUpOffice,
  shot,
  signInFirstTime,
  signOut,
  writeMissingMaterialsLetter,
} from './fixtures.ts';

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

/** Takes a step whose dialog says what it will do, confirming with the step's own button. */
async function confirmStep(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('a 容缺受理 letter is printed, accepted, becomes overdue, its breach confirmed into the credit file', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await createUser(page, accounts.reviewer);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  const { today } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  await writeMissingMaterialsLetter(page, today);
  await expect(page.getByRole('heading', { name: `${enterprise.name} · 容缺受理型` })).toBeVisible();
  const letterUrl = page.url();
  // The deadline is 5 working days after signing, from the holiday calendar.
  const deadline = await page
    .getByText(/^\d{4}-\d{2}-\d{2}$/)
    .last()
    .textContent();
  expect(deadline! > today).toBe(true);

  // The printed letter is a real PDF whose text names the party and its code.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印承诺书' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^信用承诺书_410823\d{14}\.pdf$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(enterprise.name);
  expect(text).toContain(enterprise.code);
  expect(text).toContain('容缺受理承诺书');

  await confirmStep(page, '受理');
  await expect(page.getByTestId('acceptance-check')).toContainText('信用状况符合受理条件');
  await expect(page.getByText('已受理').first()).toBeVisible();

  // Two weeks later the deadline has passed: the letter is overdue, on the list and the to-do list.
  await advanceClock(page, 14);
  await page.getByRole('link', { name: '工作台' }).click();
  await expect(page.getByTestId('commitment-todos')).toContainText('已逾期');
  // The list has an entry, so it does not also say there is nothing to do.
  await expect(page.getByTestId('todo-list').getByText('暂无待办事项')).toHaveCount(0);
  await expect(page.getByTestId('commitment-overdue-count')).toContainText('1');
  await page.screenshot(shot('commitments-dashboard-zh'));
  await page.getByTestId('commitment-overdue-count').click();
  await expect(page.getByTestId('follow-up-overdue')).toBeVisible();
  await page.screenshot(shot('commitments-overdue-list-zh'));

  // The clerk records the breach: refused without its facts, then proposed with them.
  await page.goto(letterUrl);
  await page.getByRole('button', { name: '登记违诺', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '登记违诺' });
  await dialog.getByRole('button', { name: '登记违诺', exact: true }).click();
  await expect(dialog).toContainText('认定违诺或虚假承诺须写明核查认定的事实');
  await dialog.getByLabel('核查认定事实').fill('截至补交期限，申请人未补交施工图设计文件审查合格书。');
  await dialog.getByLabel('未履行内容').fill('未补交施工图设计文件审查合格书');
  await dialog.getByLabel('违诺处理措施').fill('终止办理并将违诺情况纳入信用记录');
  await dialog.getByRole('button', { name: '登记违诺', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('违诺待确认').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '确认全部未履行' })).toHaveCount(0);

  // A reviewer confirms it, approving the proposed dishonest record in the same write.
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await signOut(page);
  await signInFirstTime(page, accounts.reviewer);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto(letterUrl);
  await expect(page.getByText('违诺待确认').first()).toBeVisible();
  await confirmStep(page, '确认全部未履行');
  await expect(page.getByText('全部未履行').first()).toBeVisible();
  await page.screenshot(shot('commitments-confirmed-zh'));
  await page.getByRole('link', { name: '信用记录 1' }).click();
  await expect(page.getByRole('heading', { name: '违背信用承诺：建筑工程施工许可' })).toBeVisible();
  await expect(page.getByText('已审核').first()).toBeVisible();

  // The credit file shows it.
  await page.getByRole('link', { name: enterprise.name }).first().click();
  await page.getByRole('tab', { name: '信用档案' }).click();
  await expect(page.getByText('违背信用承诺：建筑工程施工许可')).toBeVisible();
  await page.screenshot(shot('commitments-credit-file-zh'));

  // The same screens in English.
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(letterUrl);
  await expect(page.getByText('Not fulfilled').first()).toBeVisible();
  await page.screenshot(shot('commitments-confirmed-en'));
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('commitment-figures')).toContainText('Commitment ratio');
  await page.screenshot(shot('commitments-dashboard-en'));
});

test('campaign letters are marked signed in one confirmed action, and nothing twice', async ({ page }) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  await registerEnterprise(page, enterprise);
  await page.getByRole('link', { name: '信用承诺' }).click();
  await page.getByRole('button', { name: '年度行业自律承诺' }).click();
  const campaign = page.getByRole('dialog', { name: '年度行业自律信用承诺' });
  await campaign.getByRole('button', { name: '生成并打印' }).click();
  await expect(campaign.getByTestId('campaign-outcome')).toContainText('新生成 1 份承诺书', {
    timeout: 60_000,
  });
  await campaign.getByRole('button', { name: '关闭' }).click();
  await expect(campaign).toBeHidden();

  await page.getByRole('button', { name: '标记已签署' }).click();
  const marking = page.getByRole('dialog', { name: '批量标记承诺书已签署' });
  // It says what it will do before it does it, for the letters ticked: unticked, none would be marked.
  await expect(marking.getByTestId('mark-signed-consequence')).toContainText('将把 1 份尚未签署的承诺书');
  const letter = marking.getByRole('checkbox', { name: new RegExp(enterprise.name) });
  await letter.uncheck();
  await expect(marking.getByTestId('mark-signed-consequence')).toContainText('将把 0 份');
  await expect(marking.getByRole('button', { name: '标记已签署' })).toBeDisabled();
  await letter.check();
  await expect(marking.getByTestId('mark-signed-letters')).toContainText('1 / 1 份已勾选');
  await page.screenshot(shot('commitments-mark-signed-zh'));
  await marking.getByRole('button', { name: '标记已签署' }).click();
  await expect(marking.getByTestId('mark-signed-outcome')).toContainText('已标记 1 份；0 份此前已签署');
  await marking.getByRole('button', { name: '关闭' }).click();
  await expect(marking).toBeHidden();
  await expect(page.getByText('已受理').first()).toBeVisible();

  // Opened again, there is nothing left to mark.
  await page.getByRole('button', { name: '标记已签署' }).click();
  await expect(marking.getByTestId('mark-signed-consequence')).toContainText('将把 0 份');
  await expect(marking.getByRole('button', { name: '标记已签署' })).toBeDisabled();
  await marking.getByRole('button', { name: '关闭' }).click();

  // The list's search box: words of the party's name or of the letter's number, or none that match.
  const search = page.getByRole('textbox', { name: '搜索' });
  const rows = page.getByTestId('commitment-table').locator('tbody tr');
  await search.fill('宏达建筑');
  await expect(rows).toHaveCount(1);
  const number = (await rows.first().getByRole('link').first().textContent())!;
  await search.fill(number.slice(-8));
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('commitment-total')).toContainText('1');
  await page.screenshot(shot('commitments-search-zh'));
  await search.fill('没有这样的承诺');
  await expect(page.getByText('没有符合条件的承诺')).toBeVisible();
  await search.fill('');

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/commitments');
  await page.getByRole('button', { name: 'Mark signed' }).click();
  const english = page.getByRole('dialog', { name: 'Mark commitment letters signed' });
  await expect(english.getByTestId('mark-signed-consequence')).toContainText('Marks 0 unsigned letters');
  // Let the dialog's opening transition finish before the screenshot.
  await page.waitForTimeout(500);
  await page.screenshot(shot('commitments-mark-signed-en'));
  await english.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill('宏达');
  await expect(page.getByTestId('commitment-table').locator('tbody tr')).toHaveCount(1);
  await page.screenshot(shot('commitments-search-en'));
});
