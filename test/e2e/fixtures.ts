import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Opens the app online, waits until the offline shell is installed, and sets up the office. */
export async function openFreshOffice(page: Page, userName = '张敏'): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByRole('heading', { name: '首次使用：设置本单位' })).toBeVisible();
  await page.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await page.getByLabel('县区行政区划代码').fill('410823');
  await page.getByLabel('您的姓名').fill(userName);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('heading', { name: '信用主体' })).toBeVisible();
}

export function shot(name: string): { path: string; fullPage: boolean } {
  return { path: `test-results/screenshots/${name}.png`, fullPage: true };
}
