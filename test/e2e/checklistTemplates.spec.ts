import { expect, test } from '@playwright/test';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import { type RuleSetDocument, validateRuleSet } from '../../shared/grading/ruleSet.ts';
import {
  accounts,
  createUser,
  savedDownload,
  setUpOffice,
  shot,
  signInFirstTime,
  signOut,
} from './fixtures.ts';

/**
 * The read-only checklist templates screen: the version in force per industry with its items in both
 * languages, their legal basis and catalog mapping, and how a new version is published. Screenshots in
 * both languages.
 */
test('the checklist templates screen shows the version in force per industry and how to publish', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await setUpOffice(page);
  // An administrator downloads the draft of the next version: the version in force, renumbered, valid.
  await page.goto('/#/inspections/checklists');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载第 2 版草稿' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('检查表_建筑施工_第2版草稿.json');
  const [draft] = JSON.parse(new TextDecoder().decode(await savedDownload(download))) as RuleSetDocument[];
  expect([draft?.ruleSet, draft?.code, draft?.version, draft?.checklist?.items.length]).toEqual([
    'checklist',
    'construction',
    2,
    16,
  ]);
  expect(
    validateRuleSet(
      { ...draft!, id: crypto.randomUUID() },
      {
        catalog: defaultCatalog,
        categories: defaultCreditCategories,
      },
    ),
  ).toEqual([]);
  await createUser(page, accounts.clerk);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);

  await page.goto('/#/inspections');
  await page.getByRole('link', { name: '检查表模板' }).click();
  await expect(page.getByRole('heading', { name: '检查表模板', exact: true })).toBeVisible();
  await expect(page.getByText('如何发布新版本')).toBeVisible();
  const construction = page.getByTestId('checklist-construction');
  await expect(construction.getByText('第 1 版')).toBeVisible();
  await expect(construction.getByText('系统内置版本（市级平台尚未发布新版本）')).toBeVisible();
  await expect(construction.getByText('施工许可证已取得并在现场公示')).toBeVisible();
  // Only administrators make drafts.
  await expect(page.getByRole('button', { name: '下载第 2 版草稿' })).toHaveCount(0);
  await expect(construction.getByText('Construction permit obtained and posted on site')).toBeVisible();
  await page.screenshot(shot('checklist-templates-zh'));

  await page.getByRole('tab', { name: '房地产经纪' }).click();
  const brokerage = page.getByTestId('checklist-realEstateBrokerage');
  await expect(brokerage.getByRole('row')).not.toHaveCount(0);
  expect(await brokerage.getByRole('row').count()).toBeGreaterThan(15);

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/inspections/checklists');
  await expect(page.getByRole('heading', { name: 'Checklist templates', exact: true })).toBeVisible();
  await expect(page.getByText('How to publish a new version')).toBeVisible();
  await expect(page.getByTestId('checklist-construction').getByText('Version 1')).toBeVisible();
  await page.screenshot(shot('checklist-templates-en'));
});
