import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { readXlsx } from '../../shared/base/io/xlsx.ts';
import {
  authorityCode,
  browserDates,
  enterprise,
  openFreshOffice,
  registerEnterprise,
  savedDownload,
  shot,
  startPenalty,
} from './fixtures.ts';

/**
 * The dashboard figures in the browser shell: the figures of a period with the list behind each, a
 * custom period refused when empty or reversed, the PDF and XLSX exports read back, in both languages.
 */

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

test('figures of a period, their lists, bad periods and the exports', async ({ page }) => {
  test.setTimeout(180_000);
  await openFreshOffice(page);
  const { nextYear } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  await startPenalty(page, { number: '武建罚字〔2026〕第12号', until: nextYear, authorityCode });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '武建罚字〔2026〕第12号' })).toBeVisible();

  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByTestId('dashboard-figures-link').click();
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
  await expect(page.getByTestId('figure-records-per-subject')).toHaveText(/^\d+\.\d\d$/);
  await expect(page.getByTestId('figure-commitment-ratio')).toHaveText('0.00');
  // Every credit-record figure counts the same records, and the page says which.
  await expect(page.getByTestId('figures-population')).toContainText('审核通过、仍在公示期内');
  await expect(page.getByTestId('figures-industry-grade')).toContainText('建筑施工');

  // The list behind a grade cell: the subject itself.
  await page.getByTestId('figures-industry-grade').getByRole('table').locator('a').first().click();
  await expect(
    page.getByTestId('figures-members').getByRole('link', { name: enterprise.name }),
  ).toBeVisible();
  await page.screenshot(shot('figures-zh'));

  // A custom period: refused while empty and when it ends before it starts.
  await page.getByText('自定义').click();
  await expect(page.getByTestId('figures-period-problem')).toHaveText('请选择自定义期间的起始日期和截止日期');
  await page.getByLabel('起始日期').fill('2026-05-01');
  await page.getByLabel('截止日期').fill('2026-04-01');
  await page.getByRole('heading', { name: '数据看板' }).click();
  await expect(page.getByTestId('figures-period-problem')).toHaveText('截止日期不能早于起始日期');
  await page.screenshot(shot('figures-period-refused-zh'));
  await page.getByText('本年').click();
  await expect(page.getByTestId('figures-period-problem')).toHaveCount(0);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const pdf = await savedDownload(await pdfDownload);
  const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
  for (const expected of [
    '数据看板',
    '主体平均信用记录数',
    '信用承诺比值',
    '分类信用记录',
    '行业信用等级',
    '建筑施工',
  ]) {
    expect(text.replace(/\s+/g, '')).toContain(expected);
  }
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const workbook = await readXlsx(await savedDownload(await xlsxDownload));
  expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['主要指标', '分类信用记录', '行业信用等级']);
  expect(workbook.sheets[2]!.rows[1]![0]).toBe('建筑施工');

  // The same page in English.
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/figures');
  await expect(page.getByRole('heading', { name: 'Dashboard figures' })).toBeVisible();
  await expect(page.getByTestId('figures-industry-grade')).toContainText('Construction');
  await page.getByTestId('figures-industry-grade').getByRole('table').locator('a').first().click();
  await expect(page.getByTestId('figures-members')).toBeVisible();
  await page.screenshot(shot('figures-en'));
});
