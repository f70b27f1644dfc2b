import { expect, type Page, test } from '@playwright/test';
import { usccCheckChar } from '../../shared/base/identifiers.ts';
import { inspectorAccounts, officeForInspections, photo, shot, startInspection } from './fixtures.ts';

/**
 * Bad input on an inspection, refused each with a message naming what is wrong, in both languages, at
 * a tablet's 768 × 1024 and a desktop's 1280 × 800: a second inspector who is the inspected party's
 * contact person, a photo too large, a corrupt photo (a JPEG header with garbage) and a file that is no
 * picture. What was entered before (the reason, results, notes, findings, the photo already added) stays.
 */

const partner = inspectorAccounts[1];
const partyCode = `91410823MA4000002${usccCheckChar('91410823MA4000002')}`;
const party = { name: '武陟县安居物业服务有限公司', code: partyCode, contactPerson: partner.displayName };
const finding = '外脚手架安全网多处破损';
const itemNote = '围挡连续封闭，完好';
const reasonNote = '群众投诉夜间违规施工';

/** A JPEG's first and last bytes around bytes no decoder can read (no 0xFF among them). */
const corruptJpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from(Array.from({ length: 20_000 }, (_, at) => (at * 7) % 251)),
  Buffer.from([0xff, 0xd9]),
]);
/** One byte over the 25 MB an original may have, starting as a JPEG. */
const tooLargeJpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(25 * 1024 * 1024 - 3),
]);

const words = {
  zh: {
    language: 'zh',
    newInspection: '新建检查',
    startTitle: '新建现场检查',
    reasonNote: '原因说明',
    partner: '同行检查人员',
    start: '开始检查',
    contact: `检查人员${partner.displayName}：该检查人员是被检查单位的联系人或已申报利害关系，应当回避。`,
    compliant: '符合',
    nonCompliant: '不符合',
    note: '检查情况',
    description: '问题描述',
    files: {
      tooLarge: ['大图.jpg', '“大图.jpg”超过 25 MB，请选择较小的照片。'],
      corrupt: ['损坏.jpg', '“损坏.jpg”已损坏或不完整，无法打开，请重新拍摄。'],
      notImage: ['检查记录.pdf', '“检查记录.pdf”不是照片（只接受 JPEG、PNG 或 WebP 图片）。'],
    },
  },
  en: {
    language: 'en',
    newInspection: 'New inspection',
    startTitle: 'New on-site inspection',
    reasonNote: 'About the reason',
    partner: 'Second inspector',
    start: 'Start the inspection',
    contact: `Inspector ${partner.displayName}: This inspector is a contact of the inspected party or has declared a conflict of interest, and may not inspect it.`,
    compliant: 'Compliant',
    nonCompliant: 'Non-compliant',
    note: 'What was found',
    description: 'Description',
    files: {
      tooLarge: ['big.jpg', '“big.jpg” is larger than 25 MB; choose a smaller photo.'],
      corrupt: ['broken.jpg', '“broken.jpg” is damaged or incomplete and cannot be opened; take it again.'],
      notImage: ['record.pdf', '“record.pdf” is not a photo (JPEG, PNG or WebP pictures only).'],
    },
  },
} as const;
type Words = (typeof words)[keyof typeof words];

/** Starting an inspection of the party with its contact person as second inspector is refused, naming him. */
async function refusedContact(page: Page, partyUrl: string, w: Words): Promise<void> {
  await page.goto(`${partyUrl}?tab=inspections`);
  await page.getByRole('link', { name: w.newInspection }).click();
  await expect(page.getByRole('heading', { name: w.startTitle })).toBeVisible();
  await page.getByLabel(w.reasonNote).fill(reasonNote);
  await page.getByRole('combobox', { name: w.partner }).click();
  await page.getByRole('option', { name: partner.displayName }).click();
  await page.getByRole('button', { name: w.start }).click();
  const alert = page.getByRole('alert').filter({ hasText: w.contact });
  await expect(alert).toBeVisible();
  await expect(alert).toBeInViewport();
  await page.screenshot({ ...shot(`inspection-contact-refused-${w.language}`), fullPage: false });
  // Nothing typed is lost, and nothing was started.
  await expect(page.getByRole('heading', { name: w.startTitle })).toBeVisible();
  await expect(page.getByLabel(w.reasonNote)).toHaveValue(reasonNote);
  await expect(page.getByRole('combobox', { name: w.partner })).toHaveValue(partner.displayName);
}

/**
 * Each bad file picked for the third item is refused with its own message at that item, in view; the
 * results, note, finding and photo entered before stay.
 */
async function refusedPhotos(page: Page, w: Words): Promise<void> {
  const cards = page.locator('[data-testid^="item-"]');
  const target = cards.nth(2);
  for (const [kind, [name, message]] of Object.entries(w.files)) {
    const buffer =
      kind === 'tooLarge' ? tooLargeJpeg : kind === 'corrupt' ? corruptJpeg : Buffer.from('%PDF-1.7');
    const mimeType = kind === 'notImage' ? 'application/pdf' : 'image/jpeg';
    // The inspector picks it with the item's own button, so the item is in view.
    await target.scrollIntoViewIfNeeded();
    await target.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
    const alert = target.getByRole('alert');
    await expect(alert).toContainText(message, { timeout: 30_000 });
    await expect(alert).toBeInViewport();
    await target.screenshot({ path: `test-results/screenshots/inspection-photo-${kind}-${w.language}.png` });
    await expect(target.locator('img')).toHaveCount(0);
    await expect(cards.nth(0).getByRole('radio', { name: w.compliant, exact: true })).toBeChecked();
    await expect(cards.nth(0).getByLabel(w.note)).toHaveValue(itemNote);
    await expect(cards.nth(0).locator('img')).toHaveCount(1);
    await expect(cards.nth(1).getByRole('radio', { name: w.nonCompliant, exact: true })).toBeChecked();
    await expect(cards.nth(1).getByLabel(w.description)).toHaveValue(finding);
  }
}

test('an inspection refuses a conflicted inspector and bad photos, clearly, and keeps what was entered', async ({
  browser,
}) => {
  test.setTimeout(400_000);
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
  });
  const page = await context.newPage();
  const { subjectUrl, partyUrl } = await officeForInspections(page, party);
  await refusedContact(page, partyUrl, words.zh);

  const inspectionUrl = await startInspection(page, subjectUrl);
  const cards = page.locator('[data-testid^="item-"]');
  await cards.nth(0).getByText('符合', { exact: true }).click();
  await cards.nth(0).getByLabel('检查情况').fill(itemNote);
  await cards
    .nth(0)
    .locator('input[type=file]')
    .setInputFiles(await photo(page, '围挡.jpg', '#3366aa'));
  await expect(cards.nth(0).locator('img')).toHaveCount(1);
  await cards.nth(1).getByText('不符合', { exact: true }).click();
  await cards.nth(1).getByLabel('问题描述').fill(finding);
  await refusedPhotos(page, words.zh);

  // The same at a desktop's width, in English.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/settings');
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.goto(inspectionUrl);
  await refusedPhotos(page, words.en);
  await refusedContact(page, partyUrl, words.en);
  await context.close();
});
