import { expect, test } from '@playwright/test';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import { type RuleSetDocument, validateRuleSet } from '../../shared/grading/ruleSet.ts';
import type { Download, Page } from '@playwright/test';
import {
  accounts,
  createUser,
  savedDownload,
  setUpOffice,
  shot,
  signIn,
  signInFirstTime,
  signOut,
} from './fixtures.ts';

/** The downloaded draft, checked as the platform's `publish reference` command checks it. */
async function publishableDraft(download: Download): Promise<RuleSetDocument> {
  const [draft] = JSON.parse(new TextDecoder().decode(await savedDownload(download))) as RuleSetDocument[];
  expect(
    validateRuleSet(
      { ...draft!, id: crypto.randomUUID() },
      { catalog: defaultCatalog, categories: defaultCreditCategories },
    ),
  ).toEqual([]);
  return draft!;
}

/** Asks to remove a draft item, checks the dialog names it, and keeps it. */
async function keptAfterAsking(
  page: Page,
  words: { remove: string; dialog: string; consequence: string; keep: string; shot: string },
): Promise<void> {
  await page.getByTestId('checklist-editor-construction').getByRole('button', { name: words.remove }).click();
  const dialog = page.getByRole('dialog', { name: words.dialog });
  await expect(dialog).toContainText(words.consequence);
  await page.screenshot({ ...shot(words.shot), fullPage: false });
  await dialog.getByRole('button', { name: words.keep }).click();
  await expect(dialog).toBeHidden();
}

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
  const draft = await publishableDraft(download);
  expect([draft.ruleSet, draft.code, draft.version, draft.checklist?.items.length]).toEqual([
    'checklist',
    'construction',
    2,
    16,
  ]);
  await createUser(page, accounts.clerk);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);

  await page.goto('/#/inspections');
  await page.getByRole('link', { name: '检查表模板' }).click();
  await expect(page.getByRole('heading', { name: '检查表模板', exact: true })).toBeVisible();
  await expect(page.getByText('如何发布新版本')).toBeVisible();
  const construction = page.getByTestId('checklist-construction');
  await expect(construction.getByText('第 1 版', { exact: true })).toBeVisible();
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
  await expect(
    page.getByTestId('checklist-construction').getByText('Version 1', { exact: true }),
  ).toBeVisible();
  await page.screenshot(shot('checklist-templates-en'));
});

/**
 * An administrator edits the draft of the next version: adds an item, is refused while it is empty,
 * fixes it, finds the draft again after a reload, downloads it, and discards it after a confirmation.
 */
test('an administrator edits, keeps, downloads and discards the draft of the next checklist version', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await (
    await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await setUpOffice(page);
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.goto('/#/inspections/checklists');
  await page.getByRole('button', { name: '编辑第 2 版草稿' }).click();
  const editor = page.getByTestId('checklist-editor-construction');
  const items = editor.getByTestId('checklist-draft-item');
  await expect(items).toHaveCount(16);
  await editor.getByRole('button', { name: '添加检查项' }).click();
  await expect(items).toHaveCount(17);
  const added = items.nth(16);
  await expect(added.getByLabel('编号')).toHaveValue('SG-17');

  // An empty item is refused with the message next to it, and nothing is downloaded.
  await editor.getByRole('button', { name: '下载第 2 版草稿' }).click();
  await expect(page.getByText('草稿有 2 处问题，已在对应检查项旁标出；改正后才能下载。')).toBeVisible();
  await expect(added.getByText('检查项的编号、中文内容和英文内容都须填写。')).toBeVisible();
  await expect(added.getByText('请填写该检查项的法律依据。')).toBeVisible();
  await page.screenshot(shot('checklist-draft-refused-zh'));
  expect(downloads).toBe(0);

  await added.getByLabel('检查内容（中文）').fill('施工现场围挡连续封闭');
  await added.getByLabel('检查内容（英文）').fill('Site hoarding closed all round');
  await added.getByLabel('法律依据').fill('《建设工程安全生产管理条例》');
  await added.getByRole('combobox', { name: '不合格时对应的目录事项' }).click();
  await page.getByRole('option', { name: '质量安全隐患逾期未整改' }).click();
  await added.getByRole('combobox', { name: '最低检查深度' }).click();
  await page.getByRole('option', { name: '标准检查' }).click();
  await expect(added.getByText('检查项的编号、中文内容和英文内容都须填写。')).toHaveCount(0);
  await editor.getByRole('button', { name: '将检查项 SG-17 上移' }).click();
  await expect(items.nth(15).getByLabel('编号')).toHaveValue('SG-17');
  // Removing asks first, naming the item; keeping it changes nothing.
  await keptAfterAsking(page, {
    remove: '从草稿中删除检查项 SG-01',
    dialog: '删除检查项',
    consequence: '将从草稿中删除检查项 SG-01“施工许可证已取得并在现场公示”及其填写的全部内容。',
    keep: '保留检查项',
    shot: 'checklist-draft-remove-zh',
  });
  await expect(items).toHaveCount(17);
  const removal = page.getByRole('dialog', { name: '删除检查项' });
  await editor.getByRole('button', { name: '从草稿中删除检查项 SG-01' }).click();
  await removal.getByRole('button', { name: '删除检查项' }).click();
  await expect(items).toHaveCount(16);

  // The draft is kept on this computer: reloading signs out, and after signing in again it is there.
  await page.reload();
  await signIn(page, accounts.admin.username, accounts.admin.password);
  await expect(items).toHaveCount(16, { timeout: 20_000 });
  await expect(items.nth(14).getByLabel('检查内容（中文）')).toHaveValue('施工现场围挡连续封闭');
  await expect(page.getByText('版本一经发布不得修改')).toBeVisible();
  await page.screenshot(shot('checklist-draft-zh'));

  const downloading = page.waitForEvent('download');
  await editor.getByRole('button', { name: '下载第 2 版草稿' }).click();
  const draft = await publishableDraft(await downloading);
  expect(draft.version).toBe(2);
  expect(draft.checklist?.items.map((item) => item.code)).toEqual([
    ...Array.from({ length: 14 }, (_, at) => `SG-${String(at + 2).padStart(2, '0')}`),
    'SG-17',
    'SG-16',
  ]);
  expect(draft.checklist?.items[14]).toEqual({
    code: 'SG-17',
    text: { zh: '施工现场围挡连续封闭', en: 'Site hoarding closed all round' },
    basis: ['《建设工程安全生产管理条例》'],
    catalogCode: 'JZ-FX-02',
    level: 2,
  });

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto('/#/inspections/checklists');
  await keptAfterAsking(page, {
    remove: 'Remove item SG-02 from the draft',
    dialog: 'Remove item',
    consequence:
      'This removes item SG-02 “Project manager (registered constructor) present and on duty” and everything written in it from the draft.',
    keep: 'Keep the item',
    shot: 'checklist-draft-remove-en',
  });
  await editor.getByRole('button', { name: 'Add an item' }).click();
  await editor.getByRole('button', { name: 'Download the draft of version 2' }).click();
  await expect(
    items
      .nth(16)
      .getByText('Every checklist item needs its number and its wording in Chinese and in English.'),
  ).toBeVisible();
  await page.screenshot(shot('checklist-draft-en'));
  expect(downloads).toBe(1);

  // Discarding says what it does first; keeping the draft changes nothing.
  await editor.getByRole('button', { name: 'Discard draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard draft' });
  await expect(dialog.getByText('This deletes the draft of version 2 and all its edits')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep the draft' }).click();
  await expect(items).toHaveCount(17);
  await editor.getByRole('button', { name: 'Discard draft' }).click();
  await dialog.getByRole('button', { name: 'Delete the draft' }).click();
  await expect(editor).toHaveCount(0);
  // Opening the screen again reads the (now absent) draft from this computer.
  await page.goto('/#/settings');
  await page.goto('/#/inspections/checklists');
  await expect(page.getByRole('button', { name: 'Edit the draft of version 2' })).toBeVisible();
  await expect(editor).toHaveCount(0);
});
