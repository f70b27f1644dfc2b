import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  authorityCode,
  browserDates,
  enterprise,
  field,
  fillPenalty,
  openFreshOffice,
  registerEnterprise,
  shot,
} from './fixtures.ts';

test.use({ locale: 'zh-CN' });

/** The same code with a wrong check character. */
const mistypedCode = `${authorityCode.slice(0, 17)}${authorityCode.endsWith('0') ? '1' : '0'}`;
const penaltyNumber = '武建罚字〔2026〕第12号';

async function expectRates(page: Page, values: [string, string, string]): Promise<void> {
  await page.getByRole('link', { name: '工作台' }).click();
  const card = page.getByTestId('rates-card');
  await expect(card.getByTestId('rate-reporting-value')).toHaveText(values[0]);
  await expect(card.getByTestId('rate-compliance-value')).toHaveText(values[1]);
  await expect(card.getByTestId('rate-timeliness-value')).toHaveText(values[2]);
}

async function expectDerivedRecordInCreditFile(page: Page): Promise<void> {
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await page.getByRole('tab', { name: '信用档案' }).click();
  const timeline = page.getByTestId('credit-timeline');
  await expect(timeline.getByRole('link', { name: '未取得施工许可证擅自施工' })).toBeVisible();
  await expect(page.getByTestId('credit-count-generalDishonest')).toHaveText('一般失信信息 1');
}

/**
 * Attaches the decision's scan to the open draft record, refusing a program file, and saves a copy. The
 * scan's name holds a right-to-left override: the list and the saved copy show it without the control.
 */
async function attachDecisionScan(page: Page): Promise<void> {
  const scan = Buffer.from('%PDF-1.7\n行政处罚决定书\n%%EOF');
  const pick = async (name: string, buffer: Buffer) => {
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加附件' }).click();
    await (await choosing).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };
  await pick('setup.exe', scan);
  await expect(page.getByRole('alert', { name: /不符合要求/ })).toContainText(
    '“setup.exe”的文件类型不能作为附件',
  );
  await pick('处罚\u202E决定书.pdf', scan);
  const row = page.getByRole('row', { name: /处罚决定书\.pdf/ });
  await expect(row).toContainText('待上传');
  await page.screenshot(shot('credit-attachment-bidi-name'));
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '另存为' }).click();
  const copy = await downloading;
  expect(copy.suggestedFilename()).toBe('处罚决定书.pdf');
  const saved = test.info().outputPath('copy.pdf');
  await copy.saveAs(saved);
  expect(readFileSync(saved).equals(scan)).toBe(true);
}

test('a penalty becomes a dishonest credit record, moves the rates, and survives export and re-import', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await openFreshOffice(page);
  const { today, nextYear } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  await expectRates(page, ['—', '—', '—']);

  // Enter the penalty from the enterprise's credit file: the party comes from the registry.
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '录入行政处罚' }).click();
  await expect(field(page, '行政相对人名称')).toHaveValue(enterprise.name);
  await expect(field(page, '统一社会信用代码')).toHaveValue(enterprise.code);
  await fillPenalty(page, {
    number: penaltyNumber,
    fine: '-2',
    until: nextYear,
    authorityCode: mistypedCode,
    sourceCode: authorityCode,
  });
  await page.getByRole('button', { name: '保存' }).click();
  const problems = page.getByRole('alert', { name: /不符合要求/ });
  await expect(problems).toContainText('罚款金额（万元）：金额不能为负数');
  await expect(problems).toContainText(
    `处罚机关统一社会信用代码：校验码错误：第 18 位应为“${authorityCode.slice(-1)}”`,
  );
  await page.screenshot(shot('penalty-form-errors'));

  await field(page, '罚款金额（万元）').fill('2');
  await field(page, '处罚机关统一社会信用代码').fill(authorityCode);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: penaltyNumber })).toBeVisible();
  await expect(page.getByTestId('timing-badge')).toHaveText('待上报');

  // The penalty links to the record it derived, and the record back to the penalty.
  await page.getByTestId('derived-record').click();
  await expect(page.getByRole('heading', { name: '未取得施工许可证擅自施工' })).toBeVisible();
  await expect(page.getByText('一般失信信息').first()).toBeVisible();
  await attachDecisionScan(page);
  await page.screenshot(shot('derived-credit-record'));
  await page.getByTestId('record-source').click();
  await expect(page.getByRole('heading', { name: penaltyNumber })).toBeVisible();

  await expectDerivedRecordInCreditFile(page);
  await page.screenshot(shot('credit-file-timeline'));

  await expectRates(page, ['0.0%', '—', '—']);
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('tab', { name: '双公示' }).click();
  await page.getByRole('link', { name: penaltyNumber }).click();
  await page.getByRole('button', { name: '标记为已上报' }).click();
  // The dialog says what reporting does and takes the actual date, today by default.
  const reporting = page.getByRole('dialog');
  await expect(reporting).toContainText('不能晚于今天');
  await expect(reporting.getByRole('textbox', { name: '上报日期' })).toHaveValue(today);
  await reporting.getByRole('button', { name: '标记为已上报' }).click();
  await expect(page.getByTestId('timing-badge')).toHaveText('按期上报');
  await expectRates(page, ['100.0%', '100.0%', '100.0%']);
  await page.getByTestId('rate-timeliness').click();
  await expect(page.getByRole('dialog').getByRole('link', { name: penaltyNumber })).toBeVisible();
  await page.screenshot(shot('dashboard-rates'));
  await page.keyboard.press('Escape');

  // Export this month's penalties as the standard reporting file.
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('tab', { name: '双公示' }).click();
  await page.getByRole('button', { name: '导出上报文件' }).click();
  const exportDialog = page.getByRole('dialog');
  await exportDialog.getByLabel('导出理由').fill('月度双公示上报');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '导出', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^行政处罚_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);

  // A fresh profile: the same enterprise registered there, the file imported, the same result.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const fresh = await context.newPage();
  await openFreshOffice(fresh);
  await registerEnterprise(fresh, enterprise);
  await fresh.getByRole('link', { name: '信用记录' }).click();
  await fresh.getByRole('tab', { name: '双公示' }).click();
  await fresh.getByRole('button', { name: '导入上报文件' }).click();
  const importDialog = fresh.getByRole('dialog');
  await importDialog.getByLabel('文件中的记录已经上报过').check();
  await importDialog.getByLabel('上报日期').fill(today);
  const choosing = fresh.waitForEvent('filechooser');
  await importDialog.getByRole('button', { name: '选择文件并检查' }).click();
  await (await choosing).setFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(file),
  });
  await expect(importDialog.getByTestId('import-summary')).toContainText('1 条可以导入，将生成 1 条信用记录');
  await expect(importDialog.getByTestId('import-reported')).toHaveText(
    `导入的 1 条记录都将标记为已于 ${today} 上报。已上报的记录不能再修改。`,
  );
  await fresh.screenshot(shot('import-preview'));
  await importDialog.getByRole('button', { name: '确认导入 1 条' }).click();
  await expect(fresh.getByRole('link', { name: penaltyNumber })).toBeVisible();
  await expectRates(fresh, ['100.0%', '100.0%', '100.0%']);
  await expectDerivedRecordInCreditFile(fresh);
  await fresh.screenshot(shot('reimported-credit-file'));
  await context.close();
});
