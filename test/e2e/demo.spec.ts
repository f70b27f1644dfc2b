/**
 * The demo as `npm start` opens it in the browser, here without a platform (the shell config says demo):
 * the demo users and data are made at the first sign-in; the clerk finds the red and black lists, the
 * repair application and the objection, in both languages. Screenshots of the lists and cases pages.
 */
import { expect, test } from '@playwright/test';
import { shot, signIn } from './fixtures.ts';

test.use({ locale: 'zh-CN' });

test('the demo shows its list entries, repair and objection in both languages', async ({ page }) => {
  test.setTimeout(180_000);
  await page.route('**/shell-config.json', (route) =>
    route.fulfill({ json: { demo: true, platformUrl: '', demoEnrollmentCode: '' } }),
  );
  await page.goto('/');
  await signIn(page, 'clerk', 'CreditDesk-2026');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible({ timeout: 120_000 });

  await page.goto('/#/lists');
  const listings = page.getByTestId('listings-table');
  await expect(listings).toContainText('房地产市场严重失信主体名单');
  await expect(listings).toContainText('诚信红榜');
  await expect(listings).toContainText('武住建信黑〔');
  await expect(page.getByTestId('grade-bar-D')).toHaveText('D: 1');
  await page.screenshot(shot('demo-lists-zh'));

  await page.goto('/#/cases');
  await expect(page.getByRole('link', { name: '发布虚假房源信息' })).toBeVisible();
  await expect(page.getByRole('link', { name: '未取得施工许可证擅自施工' })).toBeVisible();
  await page.screenshot(shot('demo-cases-zh'));
  await page.getByRole('link', { name: '信用修复申请' }).click();
  await expect(page.getByTestId('case-commitment-letter')).toBeVisible();
  await page.screenshot(shot('demo-repair-zh'));

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/lists');
  await expect(page.getByTestId('listings-table')).toContainText('Honesty red list');
  await page.screenshot(shot('demo-lists-en'));
  await page.goto('/#/cases');
  await expect(page.getByRole('link', { name: '未取得施工许可证擅自施工' })).toBeVisible();
  await page.screenshot(shot('demo-cases-en'));
  await page.getByTestId('case-table').getByRole('link', { name: 'Objection', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Objection' })).toBeVisible();
  await page.screenshot(shot('demo-objection-en'));
});
