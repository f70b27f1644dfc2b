import { expect, test } from '@playwright/test';
import {
  accounts,
  createUser,
  enterprise,
  inspectorAccounts,
  registerEnterprise,
  setUpOffice,
  shot,
  signInFirstTime,
  signOut,
} from './fixtures.ts';

/**
 * On a tablet (768 × 1024): a clerk registers a project; a reviewer makes a 双随机 plan, previews and
 * confirms the draw (the step dialog says what it will do), and re-running the draw shows the same
 * result; one of the drawn inspectors finds the assignment and starts that inspection. Screenshots in
 * both languages.
 */

const tablet = { width: 768, height: 1024 };
const inspectors = inspectorAccounts;

test('a reviewer draws a plan reproducibly and a drawn inspector starts the inspection', async ({
  browser,
}) => {
  test.setTimeout(200_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: tablet });
  const page = await context.newPage();
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await createUser(page, accounts.reviewer);
  for (const inspector of inspectors) await createUser(page, inspector);
  await signOut(page);

  // The clerk registers the enterprise and a project; a project without a type is refused.
  await signInFirstTime(page, accounts.clerk);
  await registerEnterprise(page, enterprise);
  await page.goto('/#/projects/new');
  await page.getByLabel('项目名称').fill('滨河花园二期');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '项目类型' })).toBeVisible();
  await page.getByRole('combobox', { name: '项目类型' }).click();
  await page.getByRole('option', { name: '工程项目' }).click();
  await page.getByLabel('施工许可证号').fill('410823202603060101');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: '滨河花园二期' })).toBeVisible();
  await page.screenshot(shot('project-page-zh'));
  await signOut(page);

  // The reviewer makes the plan: a pool of one inspector is refused, then two are taken.
  await signInFirstTime(page, accounts.reviewer);
  await page.goto('/#/inspections/plans');
  await page.getByRole('link', { name: '新建抽查计划' }).click();
  await page.getByLabel('计划名称').fill('2026 年建筑施工双随机抽查');
  const pool = page.getByRole('combobox', { name: '检查人员库' });
  await pool.click({ force: true });
  await page.getByRole('option', { name: inspectors[0].displayName }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '至少需要两名' })).toBeVisible();
  await pool.click({ force: true });
  await page.getByRole('option', { name: inspectors[1].displayName }).click();
  await page.keyboard.press('Escape');
  await page.screenshot(shot('plan-form-zh'));
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(page.getByRole('heading', { name: '2026 年建筑施工双随机抽查' })).toBeVisible();

  await page.getByRole('button', { name: '预览抽取结果' }).click();
  await expect(page.getByTestId('draw-table').getByText(enterprise.name)).toBeVisible();
  await page.getByRole('button', { name: '确认抽取' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/确认抽取 1 家主体/)).toBeVisible();
  await dialog.getByRole('button', { name: '抽取' }).click();
  await expect(page.getByText('已抽取', { exact: true })).toBeVisible();
  const planUrl = page.url();
  await page.getByRole('button', { name: '重新抽取核对' }).click();
  await expect(page.getByTestId('rerun-result')).toContainText('完全一致');
  await page.screenshot(shot('plan-drawn-zh'));
  await signOut(page);

  // A drawn inspector finds the assignment and starts it.
  await signInFirstTime(page, inspectors[0]);
  await page.goto('/#/inspections/plans');
  await expect(page.getByTestId('my-assignments').getByText(enterprise.name)).toBeVisible();
  await page.getByTestId('my-assignments').getByRole('link', { name: '开始检查' }).click();
  await expect(page.getByTestId('start-from-plan')).toContainText(inspectors[1].displayName);
  await page.getByRole('combobox', { name: '检查地点（工程项目）' }).click();
  await page.getByRole('option', { name: '滨河花园二期' }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByText('双随机抽查 ·')).toBeVisible({ timeout: 15_000 });
  await page.goto(planUrl);
  await expect(page.getByText('抽中 1 家，已开始 1 家，已办结 0 家')).toBeVisible();
  // The plans list shows the same progress, read from the page's plans' inspections.
  await page.goto('/#/inspections/plans');
  await expect(page.getByTestId('plan-table')).toContainText('抽中 1 家，已开始 1 家，已办结 0 家');
  await page.screenshot(shot('plan-list-zh'));

  // The same screens in English.
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Re-run the draw' }).click();
  await expect(page.getByTestId('rerun-result')).toContainText('exactly the saved result');
  await page.screenshot(shot('plan-drawn-en'));
  await page.goto('/#/inspections/plans');
  await expect(page.getByTestId('plan-table')).toContainText('Drawn: 1, started: 1, closed: 0');
  await page.screenshot(shot('plan-list-en'));
  await page.goto('/#/projects');
  await page.getByRole('link', { name: '滨河花园二期' }).click();
  await expect(page.getByText('Inspections at this project')).toBeVisible();
  await page.screenshot(shot('project-page-en'));
  await context.close();
});
