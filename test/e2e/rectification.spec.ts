import { expect, type Page, test } from '@playwright/test';
import {
  accounts,
  inspectorAccounts,
  officeForInspections,
  openArea,
  shot,
  sign,
  signInAgain,
  signInFirstTime,
  signOut,
  startInspection,
  submitInspection,
} from './fixtures.ts';

/**
 * On a tablet (768 × 1024): an inspector records an inspection with one non-compliant item, a reviewer
 * closes it and a rectification order with a working-day deadline appears; the re-inspection finds it not
 * rectified and escalates it, which proposes a credit record (the item's catalog mapping) linked to the
 * inspection; the reviewer opens it. Along the way the inspection screens are checked for touch use: every
 * control at least 44 px high, no horizontal scrolling, in both languages, with screenshots.
 */

const tablet = { width: 768, height: 1024 };
const [inspector] = inspectorAccounts;
const finding = '外脚手架安全网多处破损';
const reinspectionNote = '复查时安全网仍未更换';

/**
 * Controls in the page's main area lower than a finger needs or with their text cut off, and how far the
 * page scrolls sideways.
 */
async function touchProblems(page: Page): Promise<{ small: string[]; overflow: number }> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const controls = main?.querySelectorAll<HTMLElement>(
      [
        'button',
        'input:not([type=radio]):not([type=file]):not([type=hidden])',
        'textarea',
        '.mantine-SegmentedControl-label',
        'table a',
      ].join(','),
    );
    const small = [...(controls ?? [])]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map(
        (element) =>
          `${element.tagName} "${(element.textContent || element.getAttribute('aria-label') || '').trim()}" ${Math.round(element.getBoundingClientRect().height)}px`,
      );
    const clipped = [...(main?.querySelectorAll<HTMLElement>('.mantine-SegmentedControl-label') ?? [])]
      .filter((label) => label.scrollWidth > label.clientWidth)
      .map((label) => `clipped "${label.textContent}"`);
    return {
      small: [...small, ...clipped],
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

async function expectTouchLayout(page: Page): Promise<void> {
  const found = await touchProblems(page);
  expect(found.small).toEqual([]);
  expect(found.overflow).toBeLessThanOrEqual(0);
}

test('a non-compliant finding is ordered rectified, escalated on re-inspection and proposes a credit record', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: tablet, hasTouch: true });
  const page = await context.newPage();
  // The inspector on site.
  const { subjectUrl } = await officeForInspections(page);
  // The navigation folds behind a burger at this width: a finger's size, and the page keeps its width.
  const burger = page.getByRole('button', { name: '导航菜单' });
  await expect(burger).toBeVisible();
  expect((await burger.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await burger.click();
  await expect(page.getByRole('link', { name: '现场检查' })).toBeVisible();
  await page.screenshot({ ...shot('tablet-navigation-zh'), fullPage: false });
  await page.getByRole('link', { name: '现场检查' }).click();
  await expect(page.getByRole('link', { name: '现场检查' })).not.toBeInViewport();
  await expect(page.getByRole('heading', { name: '现场检查' })).toBeVisible();
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-inspections-zh'));
  const inspectionUrl = await startInspection(page, subjectUrl, async () => {
    await expectTouchLayout(page);
    await page.screenshot(shot('tablet-inspection-start-zh'));
  });

  const cards = page.locator('[data-testid^="item-"]');
  const count = await cards.count();
  for (let index = 0; index < count; index++) {
    await cards
      .nth(index)
      .getByText(index === 1 ? '不符合' : '符合', { exact: true })
      .tap();
  }
  await cards.nth(1).getByLabel('问题描述').fill(finding);
  // The deadline the finding proposes: working days from today, never a weekend.
  const rectifyBy = await cards.nth(1).getByLabel('整改期限').inputValue();
  expect(rectifyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect([0, 6]).not.toContain(new Date(`${rectifyBy}T12:00:00`).getDay());
  // A deadline in the past is refused with a clear message; nothing typed is lost.
  await cards.nth(1).getByLabel('整改期限').fill('2020-01-02');
  await page.getByTestId('save-draft').tap();
  await expect(page.getByTestId('autosave-held')).toContainText('整改期限不能早于今天');
  await expect(cards.nth(1).getByLabel('问题描述')).toHaveValue(finding);
  await cards.nth(1).getByLabel('整改期限').fill(rectifyBy);
  await page.getByTestId('save-draft').tap();
  await expect(page.getByTestId('autosave-held')).toBeHidden();
  await page.getByLabel('被检查单位现场负责人').fill('王伟');
  await sign(page);
  await page.getByLabel('检查结论').fill('现场安全防护不到位，责令限期整改。');
  await expect(page.getByText('已签名')).toBeVisible();
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-inspection-form-zh'));

  // The same form in English: large targets, no sideways scrolling.
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await page.goto(inspectionUrl);
  await expect(cards.nth(1).getByText('Non-compliant', { exact: true })).toBeVisible();
  await expect(cards.nth(1).getByLabel('Description')).toHaveValue(finding);
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-inspection-form-en'));
  await page.screenshot({ ...shot('tablet-inspection-form-top-en'), fullPage: false });
  await page.goto('/#/inspections');
  await expect(page.getByRole('heading', { name: 'On-site inspections' })).toBeVisible();
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-inspections-en'));
  await page.goto('/#/inspections/new');
  await expect(page.getByRole('heading', { name: 'New on-site inspection' })).toBeVisible();
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-inspection-start-en'));
  await page.goto('/#/settings');
  await page.getByText('简体中文').click();

  await page.goto(inspectionUrl);
  await submitInspection(page);
  await signOut(page);

  // The reviewer closes it: the finding gets its rectification order, due on the proposed deadline.
  await signInFirstTime(page, accounts.reviewer);
  await page.goto(inspectionUrl);
  await page.getByRole('button', { name: '审核办结' }).tap();
  await page.getByTestId('step-dialog').getByRole('button', { name: '审核办结' }).tap();
  const orders = page.getByTestId('rectification-orders');
  await expect(orders.getByTestId('order-state')).toHaveText('整改中');
  await expect(orders).toContainText(`限 ${rectifyBy} 前整改完毕`);
  await expect(orders).toContainText(finding);
  await openArea(page, '现场检查');
  await page.getByRole('link', { name: '整改通知' }).click();
  await expect(page.getByTestId('order-table')).toContainText(rectifyBy);
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-rectifications-zh'));
  await signOut(page);

  // The re-inspection: not rectified, escalated with its reason; a credit record is proposed.
  await signInAgain(page, inspector);
  await page.goto(inspectionUrl);
  await orders.getByRole('button', { name: '复查未整改，移交处理' }).tap();
  const dialog = page.getByRole('dialog', { name: '复查未整改，移交处理' });
  const consequence = (await dialog.textContent()) ?? '';
  const mapped = /目录事项“([^”]+)”/.exec(consequence)?.[1] ?? '';
  expect(mapped).not.toBe('');
  // Escalating needs a reason: refused without one, nothing recorded.
  await dialog.getByRole('button', { name: '复查未整改，移交处理' }).tap();
  await expect(
    dialog.getByRole('alert', { name: '未能复查未整改，移交处理：有 1 项不符合要求' }),
  ).toBeVisible();
  await expect(orders.getByTestId('order-state')).toHaveText('整改中');
  await dialog.getByLabel('理由').fill(reinspectionNote);
  await dialog.getByRole('button', { name: '复查未整改，移交处理' }).tap();
  await expect(orders.getByTestId('order-state')).toHaveText('已移交处理');
  await expect(orders.getByRole('link', { name: '已提出信用记录草稿' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.screenshot(shot('tablet-rectification-escalated-zh'));
  await signOut(page);

  // The reviewer sees the proposed record: the mapped catalog item, the finding, a link back.
  await signInAgain(page, accounts.reviewer);
  await page.goto(inspectionUrl);
  await orders.getByRole('link', { name: '已提出信用记录草稿' }).click();
  await expect(page.getByText(mapped).first()).toBeVisible();
  await expect(page.getByText(finding).first()).toBeVisible();
  await expect(page.getByText(reinspectionNote).first()).toBeVisible();
  await expect(page.getByTestId('record-source')).toHaveText('现场检查复查未整改（查看检查记录）');
  await page.screenshot(shot('tablet-proposed-record-zh'));
  await page.getByTestId('record-source').click();
  await expect(page).toHaveURL(inspectionUrl);

  await page.goto('/#/settings');
  await page.getByText('English').click();
  await page.goto(inspectionUrl);
  await expect(orders.getByTestId('order-state')).toHaveText('Escalated');
  await expectTouchLayout(page);
  await page.screenshot(shot('tablet-rectification-escalated-en'));
  await context.close();
});
