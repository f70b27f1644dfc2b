import { expect, type Page, test } from '@playwright/test';
import {
  browserDates,
  enterprise,
  field,
  registerEnterprise,
  setUpOffice,
  shot,
  signIn,
  signInFirstTime,
  signOut,
} from './fixtures.ts';

test.use({ locale: 'zh-CN' });

/** A clerk who also reviews: four-eyes keeps her from reviewing what she entered or submitted. */
const dual = {
  username: 'wangfang',
  displayName: '王芳',
  roles: ['录入员', '审核员'],
  initialPassword: 'Initial#Dual42',
  password: 'Wuzhi@Dual77',
};
const reviewer = {
  username: 'zhaoqiang',
  displayName: '赵强',
  roles: ['审核员'],
  initialPassword: 'Initial#Review42',
  password: 'Wuzhi@Review77',
};
const title = '未按规定办理竣工验收备案';

async function createStaff(page: Page, account: typeof dual): Promise<void> {
  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(account.username);
  await dialog.getByLabel('姓名').fill(account.displayName);
  for (const role of account.roles) await dialog.getByLabel(role).check();
  await dialog.getByLabel('初始密码').fill(account.initialPassword);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(
    page.getByTestId('user-table').getByRole('cell', { name: account.username, exact: true }),
  ).toBeVisible();
}

async function switchUser(page: Page, account: typeof dual, firstTime = false): Promise<void> {
  // Notifications cover the user menu and stay while the pointer rests on them: move it away, let them go.
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await signOut(page);
  if (firstTime) await signInFirstTime(page, { ...account, role: account.roles[0]! });
  else await signIn(page, account.username, account.password);
  await expect(page.getByTestId('user-menu')).toHaveText(account.displayName);
}

async function openRecord(page: Page): Promise<void> {
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/** Takes a step from its dialog: refused without its required text, then taken with it. */
async function stepWithText(page: Page, action: string, label: string, text: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toContainText(`“${action}”须填写理由`);
  await dialog.getByLabel(label).fill(text);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Takes a step whose dialog only says what it will do (and may take an optional opinion). */
async function confirmStep(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a credit record goes submit, return, resubmit, approve, revoke, with four-eyes holding the reviewer apart', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpOffice(page);
  await createStaff(page, dual);
  await createStaff(page, reviewer);

  // The clerk-reviewer enters and submits a record: she is then not offered its approval.
  await switchUser(page, dual, true);
  await registerEnterprise(page, enterprise);
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '新增信用记录' }).click();
  await page.getByRole('combobox', { name: '目录项' }).click();
  await page.getByRole('option', { name: /JZ-YB-01/ }).click();
  await field(page, '标题').fill(title);
  await field(page, '认定机关').fill('武陟县住房和城乡建设局');
  const { today } = await browserDates(page);
  await field(page, '认定日期').fill(today);
  await field(page, '公示开始日期').fill(today);
  await page.getByRole('textbox', { name: '主要事实' }).fill('工程竣工验收合格后未在规定期限内办理备案。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await confirmStep(page, '提交审核');
  await expect(page.getByText('待审核').first()).toBeVisible();
  // Approval needs four eyes; returning her own submission, or withdrawing it, does not.
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '退回' })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤回提交' })).toBeVisible();
  await page.screenshot(shot('workflow-four-eyes-submitter'));

  // Another reviewer returns it, a reason required.
  await switchUser(page, reviewer, true);
  await openRecord(page);
  await stepWithText(page, '退回', '审核意见', '事实描述缺少备案期限，请补充');
  await expect(page.getByTestId('return-reason')).toContainText('事实描述缺少备案期限，请补充');
  await expect(page.getByText('草稿').first()).toBeVisible();

  // Back to its author, who resubmits it.
  await switchUser(page, dual);
  await openRecord(page);
  await confirmStep(page, '提交审核');
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);

  // The reviewer approves it, then revokes it with a reason.
  await switchUser(page, reviewer);
  await openRecord(page);
  await confirmStep(page, '审核通过');
  await expect(page.getByText('已审核').first()).toBeVisible();
  await stepWithText(page, '撤销', '理由', '原处罚决定已被撤销');
  await expect(page.getByText('已撤销').first()).toBeVisible();
  const history = page.getByTestId('record-workflow');
  for (const step of ['录入', '提交审核', '退回', '审核通过', '撤销'])
    await expect(history).toContainText(step);
  await expect(history).toContainText('理由：原处罚决定已被撤销');
  await expect(history).toContainText(dual.displayName);
  await expect(history).toContainText(reviewer.displayName);
  await page.screenshot(shot('workflow-revoked'));
});
