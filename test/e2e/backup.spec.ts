import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  accounts,
  enterprise,
  openFreshOffice,
  registerEnterprise,
  setUpOffice,
  shot,
  signIn,
  signOut,
} from './fixtures.ts';

test.use({ locale: 'zh-CN' });

const backupPassword = 'Backup#Wuzhi-2026';

/** The signed-in administrator exports an encrypted backup; returns its bytes. */
async function exportBackup(page: Page): Promise<Buffer> {
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('备份密码', { exact: true }).first().fill(backupPassword);
  await page.getByLabel('再次输入备份密码').fill(backupPassword);
  await page.getByRole('textbox', { name: '理由' }).first().fill('每月备份');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出备份' }).click();
  const download = await downloading;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

async function pickBackup(page: Page, name: string, buffer: Buffer): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择备份文件' }).click();
  await (await choosing).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** A backup of another county's office (博爱县 410822), made there. */
async function foreignBackup(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await setUpOffice(page, '410822');
  const bytes = await exportBackup(page);
  await context.close();
  return bytes;
}

test('a backup restores into a fresh profile; a damaged or another county’s backup is refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await openFreshOffice(page);
  await registerEnterprise(page, enterprise);
  await signOut(page);
  await signIn(page, accounts.admin.username, accounts.admin.password);
  const backup = await exportBackup(page);
  await page.screenshot(shot('backup-exported'));

  // A damaged backup: its origin is shown, the password checked, then the damage found; nothing written.
  const damaged = Buffer.from(backup);
  damaged[damaged.length - 1] = damaged[damaged.length - 1]! ^ 0xff;
  await pickBackup(page, 'damaged.cdbackup', damaged);
  await expect(page.getByTestId('backup-origin')).toContainText('备份来自 410823 县');
  await page.getByLabel('备份密码', { exact: true }).last().fill(backupPassword);
  await page.getByRole('textbox', { name: '理由' }).last().fill('测试恢复');
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await page
    .getByRole('dialog', { name: '确认恢复' })
    .getByRole('button', { name: '恢复', exact: true })
    .click();
  await expect(
    page.getByRole('alert').filter({ hasText: '备份文件已损坏或被改动，无法恢复。' }),
  ).toBeVisible();
  await page.screenshot(shot('backup-damaged-refused'));

  // Another county's backup is refused as soon as it is picked, before any password is asked.
  await pickBackup(page, 'boai.cdbackup', await foreignBackup(browser));
  await expect(
    page.getByRole('alert').filter({ hasText: '该备份属于其他县（410822），不能恢复到本县。' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '恢复', exact: true })).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: '已损坏' })).toHaveCount(0);
  await page.screenshot(shot('backup-other-county-refused'));

  // A fresh profile restored from the backup by its administrator holds the registered enterprise.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const fresh = await context.newPage();
  await fresh.goto('/');
  await fresh.getByRole('button', { name: '从备份恢复到这台电脑' }).click();
  await pickBackup(fresh, 'wuzhi.cdbackup', backup);
  await expect(fresh.getByTestId('backup-origin')).toContainText('备份来自 410823 县');
  await fresh.getByLabel('备份密码').fill(backupPassword);
  await fresh.getByLabel('管理员用户名').fill(accounts.admin.username);
  await fresh.getByLabel('管理员密码').fill(accounts.admin.password);
  await fresh.getByRole('textbox', { name: '理由' }).fill('旧电脑损坏');
  await fresh.screenshot(shot('backup-fresh-restore'));
  await fresh.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(fresh.getByTestId('user-menu')).toHaveText(accounts.admin.displayName);
  await fresh.getByRole('link', { name: '信用主体' }).click();
  await expect(fresh.getByRole('link', { name: enterprise.name })).toBeVisible();
  await fresh.screenshot(shot('backup-restored-subjects'));
  await context.close();
});
