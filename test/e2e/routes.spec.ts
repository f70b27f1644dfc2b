import { expect as baseExpect, type Page, test } from '@playwright/test';
import { usccCheckChar } from '../../shared/base/identifiers.ts';
import {
  accounts,
  browserDates,
  openFreshOffice,
  registerEnterprise,
  writeMissingMaterialsLetter,
  signIn,
  signOut,
  startPenalty,
} from './fixtures.ts';

/**
 * Walks every screen of the app in both languages at 1280 × 800 and fails on raw message keys, English
 * UI text in Chinese mode, Chinese UI text in English mode, or a page wider than the window. The routes
 * are those of renderer/app/areas.tsx with real records behind their ids.
 */

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
/** The machine is shared: a save can take longer than the default 5 s. */
const expect = baseExpect.configure({ timeout: 15_000 });

const enterprise = { name: '武陟县宏达建筑工程有限公司', code: '91350100M000100Y43' };
const authorityCode = `11410823MB1234567${usccCheckChar('11410823MB1234567')}`;
const penaltyNumber = '武建罚字〔2026〕第12号';
const letter = { content: '按期补齐施工图审查合格书。', liability: '愿意承担相应法律责任。' };

/** User data and codes that may appear in either language. */
const userData = [
  enterprise.name,
  enterprise.code,
  authorityCode,
  penaltyNumber,
  '武陟县住房和城乡建设局',
  '未取得施工许可证擅自施工',
  '该公司在未取得施工许可证的情况下组织开工建设。',
  '《建筑工程施工许可管理办法》第十二条',
  '罚款人民币二万元',
  accounts.admin.displayName,
  accounts.admin.username,
  accounts.clerk.displayName,
  accounts.clerk.username,
  '王伟',
  ...Object.values(letter),
  '申请办理建筑工程施工许可，施工图审查合格书暂缺',
  '施工图设计文件审查合格书',
  // Each language is offered by its own name.
  '简体中文',
  'English',
  'CreditDesk',
];
/** Technical words that are names, not English: file formats, standards, units. */
const names = [
  'XLSX',
  'CSV',
  'UTF-8',
  'SHA-256',
  'PDF',
  'OFD',
  'WPS',
  'Word',
  'Excel',
  'GB',
  'MB',
  'YYYY-MM-DD',
  // The key that opens the credit-check search.
  'Ctrl',
];

interface Found {
  route: string;
  problem: string;
}

/** Every problem one screen shows: visible text, placeholders and accessible labels all count. */
async function check(page: Page, route: string, language: 'zh-CN' | 'en'): Promise<Found[]> {
  await page.goto(`/#${route}`);
  // Lists and records load from the local database: wait until no loader turns.
  await expect(page.getByRole('main')).not.toBeEmpty();
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  await page.waitForTimeout(200);
  const { texts, scrollWidth, innerWidth } = await page.evaluate(() => {
    // Content marked translate="no" (laws cited by their Chinese titles) is data, not UI text.
    const shown = (element: Element | null) =>
      element?.checkVisibility() && !element.closest('[translate="no"], [aria-hidden="true"]');
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (shown(node.parentElement) && node.textContent?.trim()) found.push(node.textContent);
    }
    for (const element of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (!shown(element)) continue;
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(attribute);
        if (value) found.push(value);
      }
    }
    return {
      texts: found,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });
  const problems: Found[] = [];
  if (scrollWidth > innerWidth)
    problems.push({ route, problem: `page ${scrollWidth}px wide in a ${innerWidth}px window` });
  for (const raw of texts) {
    // Addresses (the route itself, a platform URL) are not words of either language.
    let text = raw.replace(/https?:\/\/\S+/g, ' ').replaceAll(route, ' ');
    for (const allowed of [...userData, ...names]) text = text.replaceAll(allowed, ' ');
    const key = text.match(/\b[a-z][a-zA-Z]+(\.[a-zA-Z0-9]+){1,}\b/);
    if (key) problems.push({ route, problem: `raw message key “${key[0]}”` });
    if (text.includes('returned an object')) problems.push({ route, problem: 'a message group shown' });
    const id = text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i);
    if (id) problems.push({ route, problem: `an internal id “${id[0]}” shown` });
    if (language === 'zh-CN') {
      const english = text.match(/[A-Za-z]{3,}(\s+[A-Za-z]{2,})*/);
      if (english) problems.push({ route, problem: `English “${english[0]}” in Chinese mode` });
    } else {
      const chinese = text.match(/[\u3400-\u9fff]+/);
      if (chinese) problems.push({ route, problem: `Chinese “${chinese[0]}” in English mode` });
    }
  }
  return problems;
}

async function walk(page: Page, routes: string[], language: 'zh-CN' | 'en'): Promise<Found[]> {
  const found: Found[] = [];
  for (const route of routes) found.push(...(await check(page, route, language)));
  return found;
}

test('every screen speaks one language and fits 1280 × 800', async ({ page }) => {
  test.setTimeout(240_000);
  await openFreshOffice(page);
  const { nextYear } = await browserDates(page);
  await registerEnterprise(page, enterprise);
  const subjectId = page.url().split('/').pop()!;
  await startPenalty(page, { number: penaltyNumber, until: nextYear, authorityCode });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: penaltyNumber })).toBeVisible();
  const disclosureId = page.url().split('/').pop()!;
  await page.getByTestId('derived-record').click();
  await expect(page.getByRole('heading', { name: '未取得施工许可证擅自施工' })).toBeVisible();
  const recordId = page.url().split('/').pop()!;
  await page.goto(`/#/subjects/${subjectId}`);
  await writeMissingMaterialsLetter(page, (await browserDates(page)).today, letter);
  const commitmentId = page.url().split('/').pop()!;

  const clerkRoutes = [
    '/dashboard',
    '/subjects',
    '/subjects/new/enterprise',
    '/subjects/new/practitioner',
    `/subjects/${subjectId}`,
    `/subjects/${subjectId}?tab=credit`,
    `/subjects/${subjectId}?tab=history`,
    `/subjects/${subjectId}?tab=inspections`,
    `/subjects/${subjectId}?tab=lists`,
    `/subjects/${subjectId}/edit`,
    '/credit/records',
    '/credit/records/new',
    `/credit/records/${recordId}`,
    `/credit/records/${recordId}/edit`,
    '/credit/disclosures',
    '/credit/disclosures/new/licence',
    '/credit/disclosures/new/penalty',
    `/credit/disclosures/${disclosureId}`,
    `/credit/disclosures/${disclosureId}/edit`,
    '/credit/catalog',
    '/cases',
    '/cases?queue=all',
    `/cases/new/repair?record=${recordId}`,
    `/cases/new/objection?record=${recordId}`,
    '/commitments',
    '/commitments/new',
    `/commitments/${commitmentId}`,
    `/commitments/${commitmentId}/edit`,
    `/subjects/${subjectId}?tab=commitments`,
    '/inspections',
    '/inspections/new',
    '/inspections/plans',
    '/inspections/checklists',
    '/projects',
    '/projects/new',
    '/lists',
    '/sync',
    '/sync/conflicts',
    '/users',
    '/audit',
    '/settings',
    '/reports',
    '/verification',
    `/verification?subject=${subjectId}`,
    '/verification/cases',
    '/figures',
    '/no/such/page',
  ];
  const adminRoutes = [
    '/users',
    '/audit',
    '/settings',
    '/sync',
    '/subjects/new/enterprise',
    '/inspections/plans/new',
  ];

  const found = await walk(page, clerkRoutes, 'zh-CN');
  await signOut(page);
  await signIn(page, accounts.admin.username, accounts.admin.password);
  found.push(...(await walk(page, adminRoutes, 'zh-CN')));

  expect.soft(found, 'Chinese mode').toEqual([]);
  found.length = 0;
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  found.push(...(await walk(page, adminRoutes, 'en')));
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Username').fill(accounts.clerk.username);
  await page.getByLabel(/^Password/).fill(accounts.clerk.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-menu')).toHaveText(accounts.clerk.displayName);
  found.push(...(await walk(page, clerkRoutes, 'en')));

  expect(found, 'English mode').toEqual([]);
});
