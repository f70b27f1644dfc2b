import { expect, test } from '@playwright/test';
import { enterprise, openFreshOffice, registerEnterprise, shot } from './fixtures.ts';

/**
 * The import of the province's comprehensive credit evaluations (browser shell): a file with a wrong row
 * is shown row by row and cannot be recorded; a good file says what it will record, skips a USCC of no
 * subject here, and records on confirmation. Screenshots in both languages.
 */
test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

const csv = (rows: string[][]) => ({
  name: 'evaluations.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`),
});
const header = ['统一社会信用代码', '评价等级', '评价日期', '评价分数'];
const elsewhere = '91310110666007217T';

test('a clerk imports provincial evaluations after seeing what the import will do', async ({ page }) => {
  await openFreshOffice(page);
  await registerEnterprise(page, enterprise);
  await page.getByRole('link', { name: '信用评价与名单' }).click();
  const card = page.getByTestId('provincial-import');
  await expect(card).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: '选择评价结果文件' }).click();
  await (await chooser).setFiles(
    csv([header, [enterprise.code, '差', '2026-01-15'], [elsewhere, 'E', '2026-01-15']]),
  );
  const plan = page.getByTestId('provincial-plan');
  await expect(plan.getByText('评价等级“E”无法识别')).toBeVisible();
  await expect(plan.getByRole('button', { name: '记录 1 条评价' })).toBeDisabled();
  await page.screenshot(shot('provincial-refused-zh'));
  await plan.getByRole('button', { name: '取消' }).click();

  const again = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: '选择评价结果文件' }).click();
  await (await again).setFiles(
    csv([header, [enterprise.code, '良', '2026-01-15', '82'], [elsewhere, 'A', '2026-01-15']]),
  );
  await expect(plan.getByText(`${elsewhere} 不是本单位登记的主体，跳过`)).toBeVisible();
  await page.screenshot(shot('provincial-plan-zh'));
  await plan.getByRole('button', { name: '记录 1 条评价' }).click();
  await expect(page.getByText('已记录 1 条省级评价')).toBeVisible();
  await expect(plan).toHaveCount(0);

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await page.getByRole('link', { name: 'Grades and lists' }).click();
  const english = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Choose evaluation file' }).click();
  await (await english).setFiles(
    csv([header, [enterprise.code, 'B', '2026-01-15', '82'], ['x', 'A', '2026-01-15']]),
  );
  await expect(plan.getByText('USCC “x” is not valid')).toBeVisible();
  await expect(
    plan.getByText(
      'Wrong rows in the file: 1. Nothing was imported; correct them and import the file again.',
    ),
  ).toBeVisible();
  await page.screenshot(shot('provincial-refused-en'));
});
