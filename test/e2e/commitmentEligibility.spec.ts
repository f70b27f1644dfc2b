import { expect, type Page, test } from '@playwright/test';
import {
  accounts,
  browserDates,
  createUser,
  enterprise,
  field,
  registerEnterprise,
  setUpOffice,
  shot,
  signIn,
  signInFirstTime,
  signOut,
  takeStep,
  writeMissingMaterialsLetter,
} from './fixtures.ts';

/**
 * Bad input from the issue: a 容缺受理 letter for a black-listed subject is refused at acceptance, the
 * office seeing why (the acceptance check names the list entry) and the letter staying a draft.
 */
test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });

type Account = (typeof accounts)['clerk' | 'reviewer'];

/** Signs the next person in once the last confirmation has faded. */
async function handOver(page: Page, account: Account, firstTime = false): Promise<void> {
  await page.mouse.move(10, 400);
  await expect(page.getByRole('alert').filter({ hasText: /^已/ })).toHaveCount(0, { timeout: 15_000 });
  await signOut(page);
  if (firstTime) await signInFirstTime(page, account);
  else await signIn(page, account.username, account.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

async function openSubject(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a 容缺受理 letter for a black-listed subject is refused at acceptance, saying why', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setUpOffice(page);
  await createUser(page, accounts.clerk);
  await createUser(page, accounts.reviewer);
  await handOver(page, accounts.clerk, true);
  const { today } = await browserDates(page);

  // A serious penalty, approved by the reviewer, puts the enterprise on the black list on her approval.
  await registerEnterprise(page, enterprise);
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '新增信用记录' }).click();
  await page.getByRole('combobox', { name: '目录项' }).click();
  await page.getByRole('option', { name: /JZ-YZ-02/ }).click();
  await field(page, '标题').fill('责令停业整顿');
  await field(page, '认定机关').fill('武陟县住房和城乡建设局');
  await field(page, '认定日期').fill(today);
  await field(page, '公示开始日期').fill(today);
  await page.getByRole('textbox', { name: '主要事实' }).fill('施工现场发生较大安全事故，责令停业整顿。');
  await page.getByRole('button', { name: '保存' }).click();
  await takeStep(page, '提交审核');
  await handOver(page, accounts.reviewer, true);
  await page.getByRole('link', { name: '信用记录' }).click();
  await page.getByRole('link', { name: '责令停业整顿' }).click();
  await takeStep(page, '审核通过');
  await handOver(page, accounts.clerk);
  await openSubject(page, '信用评价与名单');
  const suggestion = page.getByTestId('list-suggestion').filter({ hasText: '严重失信主体名单' });
  await suggestion.getByRole('button', { name: '提请列入' }).click();
  await page.getByRole('dialog', { name: '提请列入' }).getByRole('button', { name: '提请列入' }).click();
  await handOver(page, accounts.reviewer);
  await openSubject(page, '信用评价与名单');
  const entries = page.getByTestId('subject-listings');
  await entries.getByRole('button', { name: '批准列入' }).click();
  const approval = page.getByRole('dialog', { name: '批准列入' });
  await approval.getByTestId('step-document-number').fill('武建信〔2026〕7号');
  await approval.getByLabel('审核意见').fill('符合列入条件，同意列入');
  await approval.getByRole('button', { name: '批准列入' }).click();
  await expect(approval).toBeHidden({ timeout: 20_000 });
  await expect(entries).toContainText('已列入');

  // The clerk writes a 容缺受理 letter for it; acceptance is refused with the reason, nothing accepted.
  await handOver(page, accounts.clerk);
  await openSubject(page, '信用档案');
  await writeMissingMaterialsLetter(page, today);
  await page.getByRole('button', { name: '受理', exact: true }).click();
  const accepting = page.getByRole('dialog', { name: '受理' });
  await accepting.getByRole('button', { name: '受理', exact: true }).click();
  await expect(accepting).toContainText('不能受理：该主体被列入严重失信主体名单，不适用容缺受理或告知承诺');
  await page.screenshot(shot('commitments-not-eligible-zh'));
  await accepting.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('草稿').first()).toBeVisible();
  const letterUrl = page.url();
  // The letter's form shows why: the credit-state check names the list.
  await page.getByText('编辑', { exact: true }).click();
  await expect(page.getByTestId('acceptance-check')).toContainText('严重失信主体名单');
  await page.screenshot(shot('commitments-not-eligible-check-zh'));

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(letterUrl);
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const english = page.getByRole('dialog', { name: 'Accept' });
  await english.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(english).toContainText('Cannot accept: the subject is on a serious-dishonesty list');
  await page.screenshot(shot('commitments-not-eligible-en'));
});
