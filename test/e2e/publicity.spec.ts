import { expect, test } from '@playwright/test';
import {
  accounts,
  officeForInspections,
  setUpOffice,
  shot,
  sign,
  signInFirstTime,
  signOut,
  startInspection,
  submitInspection,
} from './fixtures.ts';

/**
 * Publicity (一公开) of an inspection result: an inspector records and submits an inspection, a reviewer
 * closes it; the closed result shows when it is due for publication; the reviewer records where and when
 * it was published, then corrects that record; the dashboard card shows plans, rectifications and late
 * publicity. Screenshots in both languages.
 */

test('a reviewer records and corrects the publication of a closed inspection result', async ({ browser }) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const { subjectUrl } = await officeForInspections(page);
  const inspectionUrl = await startInspection(page, subjectUrl);
  const cards = page.locator('[data-testid^="item-"]');
  const count = await cards.count();
  for (let index = 0; index < count; index++) {
    await cards.nth(index).getByText('符合', { exact: true }).click();
  }
  await page.getByLabel('被检查单位现场负责人').fill('王伟');
  await sign(page);
  await page.getByLabel('检查结论').fill('未发现问题。');
  await submitInspection(page);
  await signOut(page);

  await signInFirstTime(page, accounts.reviewer);
  await page.goto(inspectionUrl);
  await page.getByRole('button', { name: '审核办结' }).click();
  await page.getByTestId('step-dialog').getByRole('button', { name: '审核办结' }).click();
  const panel = page.getByTestId('publicity');
  await expect(panel.getByText('待公示')).toBeVisible();
  await expect(panel).toContainText('20 个工作日内');

  // Where is required: refused with a message naming the field, nothing recorded.
  await panel.getByRole('button', { name: '登记公示' }).click();
  const dialog = page.getByTestId('step-dialog');
  await dialog.getByRole('button', { name: '登记公示' }).click();
  await expect(dialog.getByRole('alert', { name: '未能登记公示：有 1 项不符合要求' })).toContainText(
    '公示渠道：必填',
  );
  await expect(dialog).not.toContainText('workflow.action');
  await dialog.getByLabel('公示渠道').fill('县住建局门户网站“双随机、一公开”专栏');
  await dialog.getByRole('button', { name: '登记公示' }).click();
  await expect(panel.getByTestId('publication')).toContainText('县住建局门户网站');
  await expect(panel.getByText('已公示')).toBeVisible();

  // A wrong record is corrected by a further recorded step; the earlier stays in the history.
  await panel.getByRole('button', { name: '更正公示登记' }).click();
  await dialog.getByLabel('公示渠道').fill('县政务服务大厅公示栏');
  await dialog.getByRole('button', { name: '更正公示登记' }).click();
  await expect(panel.getByTestId('publication')).toContainText('县政务服务大厅公示栏');
  await expect(panel.getByTestId('publication')).toContainText('已更正 1 次');
  await page.screenshot(shot('publicity-zh'));

  await page.goto('/#/');
  await expect(page.getByTestId('publicity-late')).toContainText('0');
  await expect(page.getByTestId('plans-drawn')).toBeVisible();
  await page
    .getByTestId('inspection-figures')
    .screenshot({ path: 'test-results/screenshots/inspection-figures-zh.png' });

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await page.goto(inspectionUrl);
  await expect(panel.getByText('Published', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Correct the publication record' })).toBeVisible();
  await page.screenshot(shot('publicity-en'));
  await page.goto('/#/');
  await page
    .getByTestId('inspection-figures')
    .screenshot({ path: 'test-results/screenshots/inspection-figures-en.png' });
});

test('an administrator changes the county’s publication deadline after being told what it does', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await setUpOffice(page);
  await page.goto('/#/settings');
  const setting = page.getByTestId('publicity-days');
  await expect(setting).toContainText('全县统一的规则');
  const field = setting.getByLabel('公示期限（工作日）');
  // A missing number is named before anything is confirmed (the field itself keeps 1–60).
  await field.fill('');
  await setting.getByRole('button', { name: '保存期限' }).click();
  await expect(setting.getByRole('alert')).toContainText('公示期限（工作日）');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await field.fill('10');
  await setting.getByRole('button', { name: '保存期限' }).click();
  const dialog = page.getByRole('dialog', { name: '保存期限' });
  await expect(dialog).toContainText('由 20 个工作日改为 10 个工作日');
  await page.screenshot(shot('publicity-setting-zh'));
  await dialog.getByRole('button', { name: '保存期限' }).click();
  await expect(page.getByText('公示期限已设为 10 个工作日。')).toBeVisible();
  await expect(dialog).toBeHidden();
  // Kept as the county's setting: read back when the page opens again.
  await page.goto('/#/');
  await page.goto('/#/settings');
  await expect(page.getByTestId('publicity-days').getByLabel('公示期限（工作日）')).toHaveValue('10');

  await page.getByText('English').click();
  const english = page.getByTestId('publicity-days');
  await english.getByLabel('Deadline (working days)').fill('15');
  await english.getByRole('button', { name: 'Save deadline' }).click();
  const confirm = page.getByRole('dialog', { name: 'Save deadline' });
  await expect(confirm).toContainText('from 10 to 15 working days');
  await page.screenshot(shot('publicity-setting-en'));
  await confirm.getByRole('button', { name: 'Save deadline' }).click();
  await expect(page.getByText('The publication deadline is now 15 working days.')).toBeVisible();
});
