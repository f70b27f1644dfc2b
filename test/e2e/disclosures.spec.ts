import { expect, type Page, test } from '@playwright/test';
import { formatCsv } from '../../shared/base/io/csv.ts';
import { reportingRows } from '../../shared/disclosures/file.ts';
import { emptyDisclosureInput } from '../../shared/disclosures/model.ts';
import {
  authorityCode,
  browserDates,
  enterprise,
  field,
  openFreshOffice,
  registerEnterprise,
  shot,
} from './fixtures.ts';

test.use({ locale: 'zh-CN' });

const licenceNumber = '武建许字〔2026〕第3号';

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A licence reporting file as another office's tool writes it: GB18030 would do too, UTF-8 here. */
function licenceFile(today: string, nextYear: string): Buffer {
  const licence = {
    ...emptyDisclosureInput('licence'),
    partyName: '毫不相干的商贸有限公司',
    partyCategory: '01',
    partyUscc: enterprise.code,
    legalRepresentative: '赵六',
    documentName: '建筑工程施工许可证',
    documentNumber: '武建许字〔2026〕第9号',
    licenceCategory: '01',
    content: '准予施工',
    decisionDate: today,
    validFrom: today,
    validUntil: nextYear,
    authority: '武陟县住房和城乡建设局',
    authorityCode,
    licenceStatus: '1',
    sourceUnit: '武陟县住房和城乡建设局',
    sourceUnitCode: authorityCode,
  };
  return Buffer.from(formatCsv(reportingRows('licence', [licence])));
}

test('licences are entered, imported with fresh choices and a name check, and the catalog is shown', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openFreshOffice(page);
  const { today, nextYear } = await browserDates(page);
  await registerEnterprise(page, enterprise);

  // A licence entered from the 双公示 list, its party taken from the registry.
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('tab', { name: '双公示' }).click();
  await page.getByRole('link', { name: '录入行政许可' }).click();
  await expect(page.getByRole('heading', { name: '录入行政许可决定' })).toBeVisible();
  await page.getByRole('combobox', { name: '信用主体', exact: true }).fill('宏达');
  await page.getByRole('option', { name: new RegExp(enterprise.name) }).click();
  await expect(field(page, '行政相对人名称')).toHaveValue(enterprise.name);
  await field(page, '行政许可决定文书名称').fill('建筑业企业资质证书');
  await field(page, '行政许可决定文书号').fill(licenceNumber);
  await choose(page, '许可类别', '01 普通');
  await field(page, '许可内容').fill('建筑工程施工总承包三级');
  await field(page, '有效期自').fill(today);
  await field(page, '有效期至').fill(nextYear);
  await field(page, '许可机关').fill('武陟县住房和城乡建设局');
  await field(page, '许可机关统一社会信用代码').fill(authorityCode);
  await choose(page, '当前状态', '1 有效');
  await field(page, '数据来源单位').fill('武陟县住房和城乡建设局');
  await field(page, '数据来源单位统一社会信用代码').fill(authorityCode);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: licenceNumber })).toBeVisible();
  await expect(page.getByTestId('timing-badge')).toHaveText('待上报');
  await page.screenshot(shot('licence-entered'));

  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('tab', { name: '双公示' }).click();
  await expect(page.getByRole('link', { name: licenceNumber })).toBeVisible();

  // A cancelled import leaves nothing behind: the next opening is fresh.
  await page.getByRole('button', { name: '导入上报文件' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('文件中的记录已经上报过').check();
  await dialog.getByLabel('上报日期').fill(today);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '导入上报文件' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('文件中的记录已经上报过')).not.toBeChecked();

  // A licence under the enterprise's code but another name: flagged, linked only if the clerk says so.
  await choose(page, '类型', '行政许可');
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择文件并检查' }).click();
  await (await choosing).setFiles({
    name: '许可上报.csv',
    mimeType: 'text/csv',
    buffer: licenceFile(today, nextYear),
  });
  await expect(dialog.getByTestId('import-reported')).toHaveText('导入的记录将标记为尚未上报。');
  await expect(dialog.getByTestId('import-warnings')).toContainText(
    `名称与该代码登记的信用主体“${enterprise.name}”不一致`,
  );
  await expect(dialog.getByTestId('import-warnings')).toContainText('武建许字〔2026〕第9号');
  await expect(dialog.getByTestId('import-link-mismatched')).not.toBeChecked();
  await page.screenshot(shot('import-name-mismatch'));
  await dialog.getByRole('button', { name: '确认导入 1 条' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: '武建许字〔2026〕第9号' }).click();
  await expect(page.getByRole('heading', { name: '武建许字〔2026〕第9号' })).toBeVisible();
  await expect(page.getByText('未关联信用主体', { exact: false }).first()).toBeVisible();
  await page.screenshot(shot('licence-imported-unlinked'));

  // The catalog: read-only here, maintained by the city platform.
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('tab', { name: '信用信息目录' }).click();
  await expect(page.getByRole('heading', { name: '信用信息目录' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '目录由市级平台统一维护' })).toBeVisible();
  await expect(page.getByTestId('catalog-seriousDishonest')).toContainText('12–36 个月');
  await expect(page.getByTestId('catalog-generalDishonest')).toContainText('JZ-YB-01');
  await page.screenshot(shot('catalog'));
});
