import { expect, type Page, test } from '@playwright/test';
import { idCheckChar, usccCheckChar } from '../../shared/base/identifiers.ts';
import {
  accounts,
  browserDates,
  createUser,
  field,
  openFreshOffice,
  registerEnterprise,
  setUpOffice,
  shot,
  signIn,
  signInFirstTime,
  signOut,
  startPenalty,
} from './fixtures.ts';

/**
 * What a county clerk meets on a first day (issue 10), in the browser shell: each numbered defect of the
 * issue that needs a browser, in Chinese here and in English below.
 */

const enterprise = { name: '武陟县宏达建筑工程有限公司', code: '91350100M000100Y43' };
/** A resident ID number of a child born in 2017 (check character computed by the app's own rule). */
const childId = `41082320170329301${idCheckChar('41082320170329301')}`;

/** The page is no wider than the window. */
async function expectFitsWindow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

  test('a clerk’s first day: not-found page, readable history, whole-form checks, manual lock', async ({
    page,
  }) => {
    await openFreshOffice(page);
    // 9: one network badge in the header.
    await expect(page.getByRole('banner').getByText(/^(在线|离线|未登记平台)$/)).toHaveCount(1);

    // 13: an unknown address says so and leads back.
    await page.goto('/#/no/such/page');
    await expect(page.getByTestId('not-found')).toContainText('没有这个页面');
    await page.getByRole('link', { name: '返回工作台' }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

    // 2: the change history names the industry, not its code.
    await registerEnterprise(page, enterprise);
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByRole('combobox', { name: '行业' }).click();
    await page.getByRole('option', { name: '物业服务' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: enterprise.name })).toBeVisible();
    await page.getByRole('tab', { name: '修改记录' }).click();
    const history = page.getByRole('tabpanel');
    await expect(history.getByRole('cell', { name: '建筑施工' })).toBeVisible();
    await expect(history.getByRole('cell', { name: '物业服务' })).toBeVisible();
    await expect(history).not.toContainText('construction');
    await page.screenshot(shot('firstday-zh-subject-history'));

    // 5: an empty penalty form names every missing field on the first save.
    await page.getByRole('tab', { name: '信用档案' }).click();
    await page.getByRole('link', { name: '录入行政处罚' }).click();
    await page
      .getByRole('textbox', { name: '处罚机关统一社会信用代码', exact: true })
      .fill('11410823MB12345670');
    await page.getByRole('button', { name: '保存' }).click();
    const problems = page.getByRole('alert', { name: /不符合要求/ });
    await expect(problems).toContainText('处罚机关统一社会信用代码：校验码错误');
    await expect(problems).toContainText('处罚有效期：必填');
    await expect(problems).toContainText('公示截止期：必填');
    await page.screenshot(shot('firstday-zh-penalty-errors'));
    await page.getByRole('button', { name: '取消' }).click();

    // 14: a practitioner aged 9 by her ID number is warned about, not silently accepted.
    await page.getByRole('link', { name: '信用主体' }).click();
    await page.getByRole('link', { name: '登记从业人员' }).click();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('公民身份号码').fill(childId);
    await expect(page.getByTestId('age-warning')).toContainText('年龄为 9 岁，不满 16 岁');
    await page.getByRole('button', { name: '取消' }).click();

    // 4: locking from the user menu is a manual lock, on the lock screen and in the trail.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '锁定屏幕' }).click();
    await expect(page.getByText(`${accounts.clerk.displayName} 已锁定屏幕。`)).toBeVisible();
    await signIn(page, accounts.clerk.username, accounts.clerk.password);
    await expect(page.getByTestId('user-menu')).toHaveText(accounts.clerk.displayName);
    await signOut(page);

    // 3: the administrator may not register subjects: the form says so and leads back.
    await signIn(page, accounts.admin.username, accounts.admin.password);
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    await page.goto('/#/subjects/new/enterprise');
    await expect(page.getByTestId('not-allowed')).toContainText('您的角色无权执行');
    await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
    await page.getByRole('link', { name: '返回' }).click();
    await expect(page.getByRole('heading', { name: '信用主体' })).toBeVisible();

    // 1: the audit trail reads as sentences in Chinese, without internals, and fits the window.
    await page.getByRole('link', { name: '审计日志' }).click();
    const trail = page.getByTestId('audit-table');
    await expect(trail).toContainText(`将企业“${enterprise.name}”的行业由“建筑施工”改为“物业服务”`);
    await expect(trail.getByRole('row').filter({ hasText: '手动锁定屏幕' })).toHaveCount(1);
    await expect(trail.getByRole('link', { name: `企业“${enterprise.name}”` }).first()).toBeVisible();
    for (const internal of ['subjects', 'creditRecords', 'construction', 'idleLock', '"'])
      await expect(trail).not.toContainText(internal);
    await expectFitsWindow(page);
    await page.screenshot(shot('firstday-zh-audit-log'));

    // The same trail and history in English: labels and code values in English, no internals.
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByText('English').click();
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByTestId('audit-table')).toContainText(
      `changed enterprise “${enterprise.name}”: Industry from “Construction” to “Property services”`,
    );
    await expect(page.getByTestId('audit-table')).toContainText('Locked the screen');
    await expectFitsWindow(page);
    await page.screenshot(shot('firstday-en-audit-log'));
    await page
      .getByTestId('audit-table')
      .getByRole('link', { name: `enterprise “${enterprise.name}”` })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Change history' }).click();
    await expect(page.getByRole('tabpanel').getByRole('cell', { name: 'Property services' })).toBeVisible();
    await page.screenshot(shot('firstday-en-subject-history'));
    await page.goto('/#/no/such/page');
    await expect(page.getByTestId('not-found')).toContainText('No such page');
  });
});

test.describe('the to-do list and the review, in both languages', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

  test('an overdue penalty waits on the clerk’s list, its record on the reviewer’s, approved with an opinion', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const authorityCode = `11410823MB1234567${usccCheckChar('11410823MB1234567')}`;
    const penaltyNumber = '武建罚字〔2026〕第9号';
    await setUpOffice(page);
    await createUser(page, accounts.clerk);
    await createUser(page, accounts.reviewer);
    await signOut(page);
    await signInFirstTime(page, accounts.clerk);

    // A penalty decided 40 days ago and never reported: overdue, whatever the month the lists show.
    const { nextYear } = await browserDates(page);
    const decided = await page.evaluate(() => {
      const date = new Date(Date.now() - 40 * 86_400_000);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    });
    await registerEnterprise(page, enterprise);
    await startPenalty(page, { number: penaltyNumber, until: nextYear, authorityCode });
    await field(page, '处罚决定日期').fill(decided);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: penaltyNumber })).toBeVisible();

    // Submitting the derived record says what it does first.
    await page.getByTestId('derived-record').click();
    await page.getByRole('button', { name: '提交审核' }).click();
    const submitting = page.getByRole('dialog');
    await expect(submitting).toContainText('审核前可以撤回提交');
    await submitting.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByRole('button', { name: '撤回提交' })).toBeVisible();

    await page.getByRole('link', { name: '工作台' }).click();
    const todo = page.getByTestId('todo-list');
    await expect(todo).toContainText('已逾期未上报的双公示决定');
    await expect(todo.getByRole('link', { name: penaltyNumber })).toBeVisible();
    await page.screenshot(shot('firstday-zh-dashboard-todo'));
    await signOut(page);

    // The reviewer finds the record on her list and opens the approval: opinion and consequence.
    await signInFirstTime(page, accounts.reviewer);
    await expect(page.getByTestId('todo-list')).toContainText('待我审核的信用记录');
    await page.getByTestId('todo-list').getByRole('link', { name: '未取得施工许可证擅自施工' }).click();
    await page.getByRole('button', { name: '审核通过' }).click();
    const approval = page.getByRole('dialog');
    await expect(approval).toContainText('审核通过后，记录按公示规则对外公示');
    await expect(approval.getByRole('textbox', { name: '审核意见' })).toBeVisible();
    await approval.getByRole('textbox', { name: '审核意见' }).fill('事实清楚，依据充分。');
    await page.screenshot(shot('firstday-zh-approval-dialog'));
    await approval.getByRole('button', { name: '取消' }).click();

    // The same in English.
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByText('English').click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('todo-list')).toContainText('Credit records awaiting my review');
    await page.screenshot(shot('firstday-en-dashboard-todo'));
    await page.getByTestId('todo-list').getByRole('link', { name: '未取得施工许可证擅自施工' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    const approvalEn = page.getByRole('dialog');
    await expect(approvalEn).toContainText('Once approved, the record is published');
    await approvalEn.getByRole('textbox', { name: 'Review opinion' }).fill('Facts clear, basis sound.');
    await page.screenshot(shot('firstday-en-approval-dialog'));
    await approvalEn.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('record-workflow')).toContainText(
      'Review opinion: Facts clear, basis sound.',
    );
    await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  });
});
