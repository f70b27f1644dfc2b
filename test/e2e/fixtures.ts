import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { usccCheckChar } from '../../shared/base/identifiers.ts';

/** The accounts the end-to-end tests create (strong passwords, as the app demands). */
export const accounts = {
  admin: { username: 'zhangmin', displayName: '张敏', password: 'Wuzhi-Admin-2026' },
  clerk: {
    username: 'liming',
    displayName: '李明',
    role: '录入员',
    initialPassword: 'Initial#Clerk42',
    password: 'Wuzhi@Clerk77',
  },
  reviewer: {
    username: 'wangshen',
    displayName: '王审',
    role: '审核员',
    initialPassword: 'Initial#Review42',
    password: 'Wuzhi@Review77',
  },
  auditor: {
    username: 'shenji',
    displayName: '沈洁',
    role: '审计员',
    initialPassword: 'Initial#Audit42',
    password: 'Wuzhi@Audit77',
  },
} as const;

/** Two inspectors, the pair the inspection tests send. */
export const inspectorAccounts = [
  {
    username: 'chenjian',
    displayName: '陈检',
    role: '检查员',
    initialPassword: 'Initial#Check42',
    password: 'Wuzhi@Check77',
  },
  {
    username: 'liucha',
    displayName: '刘查',
    role: '检查员',
    initialPassword: 'Initial#Check43',
    password: 'Wuzhi@Check78',
  },
] as const;

type Account = {
  username: string;
  displayName: string;
  role: string;
  initialPassword: string;
  password: string;
};

/**
 * Opens the app online, waits until the offline shell is installed, and sets up the office with its
 * first county administrator, who is then signed in.
 */
export async function setUpOffice(page: Page, county = '410823'): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByRole('heading', { name: '首次使用：设置本单位' })).toBeVisible();
  await page.getByLabel('单位名称').fill('武陟县住房和城乡建设局');
  await page.getByLabel('县区行政区划代码').fill(county);
  await page.getByLabel('您的姓名').fill(accounts.admin.displayName);
  await page.getByLabel('用户名').fill(accounts.admin.username);
  await page.getByLabel(/^密码/).fill(accounts.admin.password);
  await page.getByLabel('再次输入密码').fill(accounts.admin.password);
  await page.getByRole('button', { name: '开始使用' }).click();
  // Key derivation for the first administrator takes seconds on a busy machine.
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible({ timeout: 20_000 });
}

/** Opens an area from the navigation; on a tablet it first opens the navigation from the burger. */
export async function openArea(page: Page, name: string): Promise<void> {
  const burger = page.getByRole('button', { name: /^(导航菜单|Navigation)$/ });
  if (await burger.isVisible()) await burger.click();
  await page.getByRole('link', { name }).click();
}

/** The signed-in administrator creates a user with an initial password. */
export async function createUser(page: Page, account: Account): Promise<void> {
  await openArea(page, '用户管理');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(account.username);
  await dialog.getByLabel('姓名').fill(account.displayName);
  await dialog.getByLabel(account.role).check();
  await dialog.getByLabel('初始密码').fill(account.initialPassword);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(
    page.getByTestId('user-table').getByRole('cell', { name: account.username, exact: true }),
  ).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

/** Signs in on the sign-in page or the lock screen. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel(/^密码/).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A user's first sign-in: with the initial password, then her own. */
export async function signInFirstTime(page: Page, account: Account): Promise<void> {
  await signIn(page, account.username, account.initialPassword);
  await expect(page.getByRole('heading', { name: '请设置新密码' })).toBeVisible();
  await page.getByLabel(/^新密码/).fill(account.password);
  await page.getByLabel('再次输入新密码').fill(account.password);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await landedOnDashboard(page, account);
}

/** A later sign-in with the user's own password. */
export async function signInAgain(page: Page, account: Account): Promise<void> {
  await signIn(page, account.username, account.password);
  await landedOnDashboard(page, account);
}

async function landedOnDashboard(page: Page, account: Account): Promise<void> {
  await expect(page.getByTestId('user-menu')).toHaveText(account.displayName);
  // A sign-in lands on the dashboard; navigating before it does would be undone.
  await expect(page.getByRole('heading', { name: /^(工作台|Dashboard)$/ })).toBeVisible();
}

/** A fresh office with a clerk signed in, ready to register subjects. */
export async function openFreshOffice(page: Page, county = '410823'): Promise<void> {
  await setUpOffice(page, county);
  await createUser(page, accounts.clerk);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await openArea(page, '信用主体');
  await expect(page.getByRole('heading', { name: '信用主体' })).toBeVisible();
}

/** The signed-in clerk registers an enterprise and lands on its page. */
export async function registerEnterprise(
  page: Page,
  enterprise: { name: string; code: string; contactPerson?: string },
): Promise<void> {
  await openArea(page, '信用主体');
  await page.getByRole('link', { name: '登记企业' }).click();
  await page.getByLabel('企业名称').fill(enterprise.name);
  await page.getByLabel('统一社会信用代码').fill(enterprise.code);
  await page.getByLabel('法定代表人').fill('王伟');
  await page.getByLabel('所在县区行政区划代码').fill('410823');
  if (enterprise.contactPerson) await field(page, '联系人').fill(enterprise.contactPerson);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: enterprise.name })).toBeVisible();
}

/** Today and a year from now in the browser's calendar, as the app reckons dates. */
export async function browserDates(page: Page): Promise<{ today: string; nextYear: string }> {
  return page.evaluate(() => {
    const iso = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const now = new Date();
    const next = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate());
    return { today: iso(now), nextYear: iso(next) };
  });
}

/** A text input of a form by its exact label. */
export function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** Fills the open penalty form (party from the registry) with a fine for building without a permit. */
export async function fillPenalty(
  page: Page,
  penalty: { number: string; fine: string; until: string; authorityCode: string; sourceCode: string },
): Promise<void> {
  await field(page, '行政处罚决定书文号').fill(penalty.number);
  const categories = page.getByRole('combobox', { name: '处罚类别' });
  await categories.focus();
  await page.keyboard.type('罚款');
  await page.getByRole('option', { name: '03 罚款' }).click();
  await page.keyboard.press('Escape');
  await field(page, '罚款金额（万元）').fill(penalty.fine);
  await field(page, '处罚有效期').fill(penalty.until);
  await field(page, '公示截止期').fill(penalty.until);
  await field(page, '违法行为类型').fill('未取得施工许可证擅自施工');
  await field(page, '违法事实').fill('该公司在未取得施工许可证的情况下组织开工建设。');
  await field(page, '处罚依据').fill('《建筑工程施工许可管理办法》第十二条');
  await field(page, '处罚内容').fill('罚款人民币二万元');
  await field(page, '处罚机关').fill('武陟县住房和城乡建设局');
  await field(page, '处罚机关统一社会信用代码').fill(penalty.authorityCode);
  await field(page, '数据来源单位').fill('武陟县住房和城乡建设局');
  await field(page, '数据来源单位统一社会信用代码').fill(penalty.sourceCode);
}

/**
 * From the open subject page, starts its penalty: a fine of 20,000 yuan by an authority of `authorityCode`,
 * in force until `until`; the form is left open, unsaved.
 */
export async function startPenalty(
  page: Page,
  penalty: { number: string; until: string; authorityCode: string },
): Promise<void> {
  await page.getByRole('tab', { name: '信用档案' }).click();
  await page.getByRole('link', { name: '录入行政处罚' }).click();
  await fillPenalty(page, { ...penalty, fine: '2', sourceCode: penalty.authorityCode });
}

export function shot(name: string): { path: string; fullPage: boolean } {
  return { path: `test-results/screenshots/${name}.png`, fullPage: true };
}

/** The enterprise the credit tests register, and the code of the county bureau deciding about it. */
export const enterprise = { name: '武陟县宏达建筑工程有限公司', code: '91350100M000100Y43' };
export const authorityCode = `11410823MB1234567${usccCheckChar('11410823MB1234567')}`;

/**
 * Moves the app's clock `days` ahead. The e2e build only (`vite build --mode e2e`) reads the offset in
 * milliseconds from localStorage `creditdesk.e2eClockOffsetMs` at every tick (renderer/app/bootstrap.ts);
 * production builds never read it. Screens show the new day once they render again.
 */
export async function advanceClock(page: Page, days: number): Promise<void> {
  await page.evaluate(
    (ms) => localStorage.setItem('creditdesk.e2eClockOffsetMs', String(ms)),
    days * 86_400_000,
  );
}

/**
 * From the open subject page, the clerk writes a 容缺受理 letter for a construction permit signed on
 * `signingDate` (deadline from the matter's working days) and saves the draft. The promise comes from the
 * type's template unless `content` and `liability` are given.
 */
export async function writeMissingMaterialsLetter(
  page: Page,
  signingDate: string,
  text?: { content: string; liability: string },
): Promise<void> {
  await page.getByRole('tab', { name: '信用承诺' }).click();
  await page.getByRole('link', { name: '新建承诺书' }).click();
  await page.getByRole('combobox', { name: '承诺类型' }).click();
  await page.getByRole('option', { name: '容缺受理型' }).click();
  await page.getByRole('combobox', { name: '承诺事项' }).click();
  await page.getByRole('option', { name: '建筑工程施工许可' }).click();
  await field(page, '承诺事由').fill('申请办理建筑工程施工许可，施工图审查合格书暂缺');
  await page.getByRole('textbox', { name: '暂缺材料' }).fill('施工图设计文件审查合格书');
  await field(page, '签署日期').fill(signingDate);
  await page.keyboard.press('Escape');
  if (text) {
    await page.getByRole('textbox', { name: '承诺内容' }).fill(text.content);
    await page.getByRole('textbox', { name: '违诺责任' }).fill(text.liability);
  } else await page.getByRole('button', { name: '按承诺类型模板填写' }).click();
  await field(page, '签字人').fill('王伟');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('button', { name: '打印承诺书' })).toBeVisible();
}

/** Takes a case or record step through its dialog, with its text when it takes one. */
export async function takeStep(
  page: Page,
  action: string,
  text?: { label: string; value: string },
): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (text) await dialog.getByLabel(text.label).fill(text.value);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** On a new repair application: the applicant, corrected violation with proof, and the commitment. */
export async function fillRepair(page: Page): Promise<void> {
  await field(page, '申请人').fill('王伟');
  await page
    .getByRole('textbox', { name: '纠正失信行为、履行法定义务的情况' })
    .fill('罚款已缴清，已收回出借的资质证书并完成整改。');
  await page.getByLabel('已纠正失信行为并履行法定义务（如已缴清罚款）').check();
  const files = page.locator('input[type="file"]');
  await files.nth(0).setInputFiles({
    name: '缴款凭证.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 receipt'),
  });
  await page
    .getByRole('textbox', { name: '承诺内容' })
    .fill('本单位承诺今后依法经营，如违反承诺自愿接受惩戒。');
  await field(page, '承诺人签字').fill('王伟');
  await files.nth(1).setInputFiles({
    name: '承诺书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 commitment'),
  });
}

/** Saves a download into the test's output folder and reads its bytes. */
export async function savedDownload(download: Download): Promise<Uint8Array> {
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return new Uint8Array(readFileSync(file));
}

/** The inspected party's representative signs on the inspection form's signature pad. */
export async function sign(page: Page): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 120);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) {
    await page.mouse.move(box.x + 40 + step * 25, box.y + 120 - Math.sin(step / 2) * 60);
  }
  await page.mouse.up();
  await page.getByRole('button', { name: '确认签名' }).click({ timeout: 10_000 });
  await expect(page.getByText('已签名')).toBeVisible();
}

/**
 * A fresh office with a clerk, a reviewer and the two inspectors; the clerk registers the enterprise, and
 * `party` when given (e.g. one whose contact person is an inspector). Ends with the first inspector
 * signed in for the first time; gives the enterprise's page address (and the party's).
 */
export async function officeForInspections(
  page: Page,
  party?: { name: string; code: string; contactPerson: string },
): Promise<{ subjectUrl: string; partyUrl: string }> {
  await setUpOffice(page);
  for (const account of [accounts.clerk, accounts.reviewer, ...inspectorAccounts])
    await createUser(page, account);
  await signOut(page);
  await signInFirstTime(page, accounts.clerk);
  await registerEnterprise(page, enterprise);
  const subjectUrl = page.url();
  if (party) await registerEnterprise(page, party);
  const partyUrl = party ? page.url() : '';
  await signOut(page);
  await signInFirstTime(page, inspectorAccounts[0]);
  return { subjectUrl, partyUrl };
}

/**
 * The signed-in inspector starts an ad hoc inspection of the subject with the second inspector;
 * `beforeStart` runs on the filled start form. Gives the inspection's address.
 */
export async function startInspection(
  page: Page,
  subjectUrl: string,
  beforeStart?: () => Promise<void>,
): Promise<string> {
  await page.goto(`${subjectUrl}?tab=inspections`);
  await page.getByRole('link', { name: '新建检查' }).click();
  await expect(page.getByRole('heading', { name: '新建现场检查' })).toBeVisible();
  await page.getByRole('combobox', { name: '同行检查人员' }).click();
  await page.getByRole('option', { name: inspectorAccounts[1].displayName }).click();
  await beforeStart?.();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByRole('heading', { name: enterprise.name })).toBeVisible();
  return page.url();
}

/** The inspector ends the visit on the open inspection form and submits it for review. */
export async function submitInspection(page: Page): Promise<void> {
  await page.getByRole('button', { name: '结束现场检查' }).click();
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByTestId('step-dialog').getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核')).toBeVisible();
}

/** A real JPEG drawn in the page (a coloured square with a label), as a file to pick. */
export async function photo(page: Page, name: string, colour: string) {
  const base64 = await page.evaluate(async (fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1600;
    canvas.height = 1200;
    const context = canvas.getContext('2d')!;
    context.fillStyle = fill;
    context.fillRect(0, 0, 1600, 1200);
    context.fillStyle = '#fff';
    context.fillRect(200, 200, 400, 300);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  }, colour);
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}
