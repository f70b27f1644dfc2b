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
 * An inspector declares his conflict of interest with an enterprise (an incomplete declaration is
 * refused, keeping what was typed), sees it in force, then withdraws it through the step dialog, which
 * asks the reason. Screenshots in both languages.
 */
test('an inspector declares a conflict of interest and withdraws it with a recorded reason', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const inspector = inspectorAccounts[0];
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await createUser(page, inspector);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  await registerEnterprise(page, enterprise);
  await signOut(page);

  await signInFirstTime(page, inspector);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/inspections/conflicts');
  await expect(page.getByRole('heading', { name: '回避申报', exact: true })).toBeVisible();
  // The inspector declares for himself only: his own name stands there, fixed.
  await expect(page.getByTestId('declaration-inspector')).toHaveValue(inspector.displayName);
  await page.getByLabel('申报理由').fill('配偶在该公司任项目经理');
  await page.getByRole('button', { name: '申报回避' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '被检查主体' })).toBeVisible();
  await expect(page.getByLabel('申报理由')).toHaveValue('配偶在该公司任项目经理');

  await page.getByRole('combobox', { name: '被检查主体' }).fill(enterprise.name.slice(0, 4));
  await page.getByRole('option', { name: enterprise.name }).click();
  await page.getByRole('button', { name: '申报回避' }).click();
  const table = page.getByTestId('declaration-table');
  await expect(table.getByText('有效')).toBeVisible();
  await expect(table.getByText(enterprise.name)).toBeVisible();
  await page.screenshot(shot('declarations-zh'));

  await table.getByRole('button', { name: '撤回回避申报' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('撤回理由将记录在案')).toBeVisible();
  await dialog.getByRole('button', { name: '撤回回避申报' }).click();
  await expect(dialog.getByRole('alert', { name: '未能撤回回避申报' })).toBeVisible();
  await dialog.getByRole('textbox').fill('登记有误，配偶已于去年离职');
  await dialog.getByRole('button', { name: '撤回回避申报' }).click();
  await expect(table.getByText('已撤回', { exact: true })).toBeVisible();
  await expect(table.getByText('登记有误，配偶已于去年离职')).toBeVisible();

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/inspections/conflicts');
  await expect(page.getByRole('heading', { name: 'Conflicts of interest' })).toBeVisible();
  await expect(page.getByTestId('declaration-table').getByText('Withdrawn', { exact: true })).toBeVisible();
  await page.screenshot(shot('declarations-en'));
});
