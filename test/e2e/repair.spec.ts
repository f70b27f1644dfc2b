/**
 * Credit repair end to end (browser shell): serious-dishonesty records under publicity; a repair
 * requested before the minimum publicity period is refused with the rule named; once the test clock has
 * moved past the minimum period, a repair is applied for with the commitment (its letter made with the
 * application, linked both ways) and proof, is not decidable
 * by the clerk who entered it, and is approved by a reviewer, which ends its publicity. Screenshots in
 * both languages.
 */
import { expect, type Page, test } from '@playwright/test';
import {
  accounts,
  advanceClock,
  browserDates,
  createUser,
  enterprise,
  field,
  fillRepair,
  registerEnterprise,
  setUpOffice,
  shot,
  signIn,
  signInFirstTime,
  signOut,
  takeStep as step,
} from './fixtures.ts';

test.use({ locale: 'zh-CN' });

const recent = '出借资质（近期）';
const old = '出借资质被列入严重失信主体名单';

async function switchTo(page: Page, account: { username: string; password: string; displayName: string }) {
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await signOut(page);
  await signIn(page, account.username, account.password);
  await expect(page.getByTestId('user-menu')).toHaveText(account.displayName);
}

/** From the subject page: a serious-dishonesty record decided on `date`, entered and submitted. */
async function enterSeriousRecord(page: Page, title: string, date: string): Promise<void> {
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '新增信用记录' }).click();
  await page.getByRole('combobox', { name: '目录项' }).click();
  await page.getByRole('option', { name: /JZ-YZ-01/ }).click();
  await field(page, '标题').fill(title);
  await field(page, '认定机关').fill('武陟县住房和城乡建设局');
  await field(page, '认定日期').fill(date);
  await field(page, '公示开始日期').fill(date);
  await page.getByRole('textbox', { name: '主要事实' }).fill('该公司出借建筑业企业资质，情节严重。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '提交审核', exact: true }).click();
  await page.getByRole('dialog', { name: '提交审核' }).getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核').first()).toBeVisible();
}

async function openRecord(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('a serious penalty record: repair too early is refused, after the minimum period it is approved by a second user and leaves publicity', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await createUser(page, accounts.reviewer);
  await signOut(page);
  await signInFirstTime(page, accounts.reviewer);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);

  const { today } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  await enterSeriousRecord(page, recent, today);
  // Back to the subject from the record's page.
  await page.getByRole('link', { name: enterprise.name }).click();
  await enterSeriousRecord(page, old, today);

  await switchTo(page, accounts.reviewer);
  for (const title of [recent, old]) {
    await openRecord(page, title);
    await step(page, '审核通过');
    await expect(page.getByText('已审核').first()).toBeVisible();
  }

  // Too early: the minimum publicity period (1 year for serious dishonesty) has not passed.
  await switchTo(page, accounts.clerk);
  await openRecord(page, recent);
  await page.getByRole('link', { name: '申请信用修复' }).click();
  await fillRepair(page);
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByRole('alert', { name: /不符合要求/ })).toContainText('最短公示期未满');
  await expect(page.getByRole('alert', { name: /不符合要求/ })).toContainText('《信用修复管理办法》');
  await page.screenshot(shot('repair-too-early-zh'));

  // 13 months later (the test clock) the minimum period has passed. Without the commitment, refused too;
  // then complete, registered.
  await advanceClock(page, 396);
  await openRecord(page, old);
  await page.getByRole('link', { name: '申请信用修复' }).click();
  await fillRepair(page);
  await page.getByRole('textbox', { name: '承诺内容' }).fill('');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByRole('alert', { name: /不符合要求/ })).toContainText(
    '申请信用修复须提交信用修复承诺书',
  );
  await page
    .getByRole('textbox', { name: '承诺内容' })
    .fill('本单位承诺今后依法经营，如违反承诺自愿接受惩戒。');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByRole('heading', { name: '信用修复申请' })).toBeVisible();
  await expect(page.getByText('待受理').first()).toBeVisible();
  // The clerk who entered the record and the application cannot decide it.
  await expect(page.getByRole('button', { name: '受理', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('case-commitment')).toContainText('承诺书.pdf');
  // The credit-repair commitment letter was made and accepted with the application: linked both ways.
  const caseHere = page.url();
  await page.getByTestId('case-commitment-letter').click();
  await expect(page.getByText('已受理').first()).toBeVisible();
  await expect(page.getByTestId('record-cases')).toContainText('信用修复申请');
  await page.screenshot(shot('repair-commitment-letter-zh'));
  await page.getByTestId('record-cases').getByRole('link', { name: '信用修复申请' }).click();
  await expect(page).toHaveURL(caseHere);

  // An objection against the recent record: it shows "under objection" while the objection is reviewed.
  await openRecord(page, recent);
  await page.getByRole('link', { name: '提出异议' }).click();
  await field(page, '申请人').fill('王伟');
  await page
    .getByRole('textbox', { name: '异议内容和理由' })
    .fill('认定日期有误，出借资质行为发生在整改之前。');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByRole('heading', { name: '异议申请' })).toBeVisible();
  await openRecord(page, recent);
  await expect(page.getByTestId('under-objection')).toHaveText('异议处理中');
  await page.screenshot(shot('objection-flag-zh'));

  // The reviewer finds it on her to-do list and in the queue, accepts, reviews and approves it.
  await switchTo(page, accounts.reviewer);
  await page.getByRole('link', { name: '工作台' }).click();
  await expect(page.getByTestId('case-todos')).toContainText(old);
  await page.getByRole('link', { name: '修复与异议' }).click();
  await expect(page.getByTestId('case-table')).toContainText(old);
  await page.screenshot(shot('repair-queue-zh'));
  await page.getByTestId('case-table').getByRole('link', { name: '信用修复申请' }).click();
  await step(page, '受理');
  await step(page, '审查', { label: '审核意见', value: '材料齐全，罚款已缴清' });
  await page.getByRole('button', { name: '准予修复', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '准予修复' })).toContainText('结束公示');
  await page.getByRole('dialog', { name: '准予修复' }).getByLabel('理由').fill('符合信用修复条件');
  await page.getByRole('dialog', { name: '准予修复' }).getByRole('button', { name: '准予修复' }).click();
  await expect(page.getByRole('dialog', { name: '准予修复' })).toBeHidden();
  await expect(page.getByTestId('case-workflow')).toContainText('理由：符合信用修复条件');
  await page.screenshot(shot('repair-approved-zh'));

  // The record is repaired and out of publicity; its history keeps every step.
  await openRecord(page, old);
  await expect(page.getByText('已修复').first()).toBeVisible();
  await expect(page.getByText('未公开').first()).toBeVisible();
  await expect(page.getByTestId('record-workflow')).toContainText('修复');
  await page.screenshot(shot('repair-record-zh'));
  const recordUrl = page.url();
  const caseLink = page.getByTestId('record-cases').getByRole('link').first();
  const caseUrl = await caseLink.getAttribute('href');

  // The same screens in English, once the Chinese notifications are gone.
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(recordUrl);
  await expect(page.getByText('Repaired').first()).toBeVisible();
  await page.screenshot(shot('repair-record-en'));
  await page.goto(`/#${caseUrl?.replace(/^#/, '')}`);
  await expect(page.getByRole('heading', { name: 'Credit repair application' })).toBeVisible();
  await expect(page.getByTestId('case-workflow')).toContainText('Approve repair');
  await expect(page.getByTestId('case-commitment-letter')).toContainText('Credit-repair commitment letter');
  await page.screenshot(shot('repair-approved-en'));
  await page.goto('/#/credit/records');
  await expect(page.getByTestId('record-table')).toContainText('Under objection');
  await page.screenshot(shot('objection-flag-en'));
  await page.goto('/#/cases?queue=all');
  await expect(page.getByTestId('case-table')).toContainText('Repair approved');
  await page.screenshot(shot('repair-queue-en'));
});
