import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect as baseExpect, type Page, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { usccCheckChar } from '../../shared/base/identifiers.ts';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';
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
 * Credit checks and credit reports end to end in the browser shell, against a real platform: check a
 * subject and print the form, issue a special report, read it back, and verify it on the platform's
 * /verify page by code and by file, the file once altered by one byte.
 */

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
/** The machine is shared: PDFs and syncs take seconds. */
const expect = baseExpect.configure({ timeout: 20_000 });

const county = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' };
const penaltyNumber = '武建罚字〔2026〕第12号';
let platform: RunningPlatform;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-e2e-reports-'));
  platform = await startPlatform({ dataDir, logLevel: 'silent' });
  await addCounty(platform.database, county);
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enroll(page: Page): Promise<void> {
  const { code } = await createEnrollmentCode(platform.database, {
    county: county.code,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await page.getByTestId('sync-indicator').click();
  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(code);
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText(`${county.nameZh} (${county.code})`)).toBeVisible();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('pending-subjects')).toHaveText('0');
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, '');
}

test('check a subject, print the form, issue a report and verify it on the platform', async ({ page }) => {
  test.setTimeout(240_000);
  await openFreshOffice(page);
  await enroll(page);
  const { nextYear } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  const subjectUrl = page.url();
  await startPenalty(page, { number: penaltyNumber, until: nextYear, authorityCode });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: penaltyNumber })).toBeVisible();
  await syncNow(page);

  // Credit check from anywhere: the search in the header.
  await page.getByTestId('verification-spotlight').click();
  await page.getByRole('textbox', { name: '信用核查：搜索主体' }).fill('宏达');
  await page.locator('.mantine-Spotlight-action', { hasText: enterprise.name }).click();
  await expect(page.getByRole('heading', { name: '信用核查' })).toBeVisible();
  await page.getByRole('combobox', { name: '核查事项' }).click();
  await page.getByRole('option', { name: '招标投标' }).click();
  await page.getByRole('button', { name: '核查', exact: true }).click();
  const result = page.getByTestId('check-result');
  await expect(result.getByText('有失信或处罚记录')).toBeVisible();
  await expect(result.getByText('未取得施工许可证擅自施工')).toBeVisible();
  await expect(result.getByText('在评标中依规予以扣分或从严审查')).toBeVisible();
  // Every capability's facts are held now: the grade today, with its model.
  await expect(result.getByText(/\d+ 分 · 信用评价默认模型（第 \d+ 版）/)).toBeVisible();
  await expect(result.getByText('本系统暂未归集此类信息')).toHaveCount(0);
  await page.screenshot(shot('reports-check-zh'));
  await page.getByRole('button', { name: '保存核查记录' }).click();
  await expect(page.getByText('核查记录已保存').first()).toBeVisible();
  const formDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印核查记录表' }).first().click();
  const form = await pdfText(await savedDownload(await formDownload));
  for (const expected of ['信用信息核查记录表', enterprise.name, '招标投标', '从严审查', '核查人（签字）']) {
    expect(form).toContain(expected);
  }

  // A party this county holds no file on, by its code from the same search.
  const stranger = `91410822MA0R9X8Y7${usccCheckChar('91410822MA0R9X8Y7')}`;
  await page.getByTestId('verification-spotlight').click();
  await page.getByRole('textbox', { name: '信用核查：搜索主体' }).fill(stranger);
  await page.locator('.mantine-Spotlight-action', { hasText: stranger }).click();
  await expect(page.getByRole('textbox', { name: '统一社会信用代码或身份证号码' })).toHaveValue(stranger);
  await page.getByRole('textbox', { name: '名称或姓名' }).fill('博爱县某建筑公司');
  await page.getByRole('button', { name: '核查', exact: true }).click();
  await expect(result.getByText('本县无该主体信用档案')).toBeVisible();

  // A special report for a tender, from the subject's page.
  await page.goto(subjectUrl);
  await page.getByRole('button', { name: '打印信用报告' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('专项信用报告').click();
  await dialog.getByRole('combobox', { name: '用途' }).click();
  await page.getByRole('option', { name: '招标投标' }).click();
  await page.screenshot(shot('reports-issue-zh'));
  const reportDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成并保存' }).click();
  const reportBytes = await savedDownload(await reportDownload);
  const text = await pdfText(reportBytes);
  for (const expected of [
    '专项信用报告',
    '一、主体身份信息',
    '二、行政许可信息',
    '三、行政处罚信息',
    '四、失信及风险提示信息',
    '六、信用承诺及履约信息',
    '七、红黑名单信息',
    '八、信用评价等级',
    '当前信用等级',
    '评价模型：信用评价默认模型（第1版）',
    '九、监督检查信息',
    '十、信用修复及异议处理信息',
    '有违法违规记录',
    enterprise.name,
    enterprise.code,
    penaltyNumber,
    `${platform.url}/verify`,
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('本系统暂未归集');
  const code = /核验码：([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})/.exec(text)?.[1];
  expect(code).toBeTruthy();

  await page.getByRole('link', { name: '信用报告' }).click();
  await expect(page.getByTestId('report-code')).toHaveText(code!);
  await expect(page.getByText('已登记', { exact: true })).toBeVisible();
  await page.screenshot(shot('reports-list-zh'));

  // The platform's /verify page: by code, by file, and the file altered by one byte.
  const verify = await page.context().newPage();
  await verify.goto(`${platform.url}/verify?code=${code}`);
  await expect(verify.getByText('报告真实有效')).toBeVisible();
  await expect(verify.getByText('武陟县住房和城乡建设局（武陟县）')).toBeVisible();
  await verify.screenshot(shot('reports-verify-code-zh'));
  await verify.locator('#file').setInputFiles({
    name: 'report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(reportBytes),
  });
  await verify.getByRole('button', { name: '核验文件' }).click();
  await expect(verify.locator('#file-result')).toContainText('报告真实有效');
  const altered = reportBytes.slice();
  altered[Math.floor(altered.length / 2)] = altered[Math.floor(altered.length / 2)]! ^ 0x01;
  await verify.locator('#file').setInputFiles({
    name: 'report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(altered),
  });
  await verify.getByRole('button', { name: '核验文件' }).click();
  await expect(verify.locator('#file-result')).toContainText('文件核验未通过');
  await verify.screenshot(shot('reports-verify-altered-zh'));
  await verify.goto(`${platform.url}/verify?lang=en&code=AAAA-BBBB-CCCC`);
  await expect(verify.getByText('No report carries this code')).toBeVisible();
  await verify.goto(`${platform.url}/verify?lang=en&code=${code}`);
  await expect(verify.getByText('The report is genuine')).toBeVisible();
  await verify.screenshot(shot('reports-verify-code-en'));
  await verify.close();

  // The same screens in English.
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/reports');
  await expect(page.getByText('Registered', { exact: true })).toBeVisible();
  await page.screenshot(shot('reports-list-en'));
  await page.goto('/#/verification/cases');
  await expect(page.getByRole('heading', { name: 'Reward and punishment cases' })).toBeVisible();
  await page.screenshot(shot('reports-cases-en'));
  await page.goto(subjectUrl);
  await page.getByRole('link', { name: 'Credit checks' }).click();
  await page.getByRole('combobox', { name: 'Party checked' }).click();
  await page.getByRole('option', { name: new RegExp(enterprise.name) }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('check-result').getByText('Dishonesty or penalty on file')).toBeVisible();
  // The grade in English words too (its model's name and version), not the Chinese of the form.
  await expect(page.getByTestId('check-result').getByText(/\d+ points · .+ \(version \d+\)/)).toBeVisible();
  await expect(page.getByTestId('check-result').getByText(/ 分 · /)).toHaveCount(0);
  await page.screenshot(shot('reports-check-en'));
});
