import { expect, test } from '@playwright/test';
import { accounts, openFreshOffice, shot, signIn } from './fixtures.ts';

test.use({ locale: 'zh-CN' });

test('registers subjects offline, survives a reload and switches language', async ({ page, context }) => {
  await openFreshOffice(page);
  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator-state')).toHaveText('离线');

  await page.getByRole('link', { name: '登记企业' }).click();
  await page.getByLabel('企业名称').fill('武陟县宏达建筑工程有限公司');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await page.getByLabel('法定代表人').fill('王伟');
  await page.getByLabel('所在县区行政区划代码').fill('410823');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('校验码错误：第 18 位应为“3”')).toBeVisible();
  await page.screenshot(shot('enterprise-check-character-error'));

  await page.getByLabel('统一社会信用代码').fill('91350100m000100y43');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '武陟县宏达建筑工程有限公司' })).toBeVisible();
  await expect(page.getByText('91350100M000100Y43')).toBeVisible();

  await page.getByRole('link', { name: '信用主体' }).click();
  await page.getByRole('link', { name: '登记从业人员' }).click();
  await page.getByLabel('姓名').fill('李秀英');
  await page.getByLabel('公民身份号码').fill('41082319850329301X');
  await page.getByLabel('公民身份号码').blur();
  const idError = page.locator('.mantine-InputWrapper-error');
  await expect(idError).toHaveText(/校验码错误/);
  const expected = (await idError.textContent())?.match(/应为“(.)”/)?.[1];
  await page.getByLabel('公民身份号码').fill(`41082319850329301${expected}`);
  const employer = page.getByRole('combobox', { name: '所在单位' });
  await employer.click();
  await employer.fill('宏达');
  await page.getByRole('option', { name: /武陟县宏达建筑工程有限公司/ }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '李秀英' })).toBeVisible();
  await expect(page.getByRole('link', { name: '武陟县宏达建筑工程有限公司' })).toBeVisible();
  await expect(page.getByText('410823********')).toBeVisible();

  await page.reload();
  await signIn(page, accounts.clerk.username, accounts.clerk.password);
  await expect(page.getByTestId('sync-indicator-state')).toHaveText('离线');
  await page.getByRole('link', { name: '信用主体' }).click();
  const search = page.getByRole('textbox', { name: '搜索' });
  await search.fill('宏达');
  await expect(page.getByTestId('subject-table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: '武陟县宏达建筑工程有限公司' })).toBeVisible();
  await search.fill('4108231985');
  await expect(page.getByRole('link', { name: '李秀英' })).toBeVisible();
  await search.fill('秀英');
  await expect(page.getByRole('link', { name: '李秀英' })).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('subject-total')).toHaveText('共 2 条');
  await page.screenshot(shot('subject-list-zh'));

  await page.getByRole('link', { name: '设置' }).click();
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Subjects' }).click();
  await expect(page.getByRole('heading', { name: 'Subjects' })).toBeVisible();
  await expect(page.getByTestId('subject-total')).toHaveText('2 in total');
  await expect(page.getByRole('columnheader', { name: 'Industry' })).toBeVisible();
  await page.screenshot(shot('subject-list-en'));
});

test('refuses a duplicate credit code with a link to the registered subject', async ({ page }) => {
  await openFreshOffice(page);
  for (const attempt of [1, 2]) {
    await page.getByRole('link', { name: '信用主体' }).click();
    await page.getByRole('link', { name: '登记企业' }).click();
    await page.getByLabel('企业名称').fill(`测试企业${attempt}`);
    await page.getByLabel('统一社会信用代码').fill('91310110666007217T');
    await page.getByLabel('法定代表人').fill('赵强');
    await page.getByLabel('所在县区行政区划代码').fill('410823');
    await page.getByRole('button', { name: '保存' }).click();
    // The first save opens the new subject's page; wait for it before the second attempt.
    if (attempt === 1) await expect(page.getByRole('heading', { name: '测试企业1' })).toBeVisible();
  }
  await expect(page.getByText('已登记过相同代码的主体：测试企业1')).toBeVisible();
  await page.getByRole('link', { name: '查看已登记的主体' }).click();
  await expect(page.getByRole('heading', { name: '测试企业1' })).toBeVisible();
});
