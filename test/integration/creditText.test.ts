import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowActions } from '../../shared/creditRecords/model.ts';
import { disclosureKinds } from '../../shared/disclosures/model.ts';
import { createI18n, messageKeys } from '../../renderer/i18n/index.ts';

const featureFolders = ['creditRecords', 'disclosures', 'dashboard'].map((name) => join('renderer', name));
const sources = [
  // recordText.ts builds keys from values for every collection (audit, sync): not a credit screen.
  ...featureFolders.flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => !file.startsWith('recordText'))
      .map((file) => join(folder, file)),
  ),
  'renderer/disclosures/repository.ts',
  'renderer/disclosures/disclosureFiles.ts',
  'renderer/subjects/SubjectDetailPage.tsx',
].map((file) => readFileSync(file, 'utf8'));

/** Keys the screens build from values: every value they can take. */
const builtKeys = [
  ...['records', 'disclosures', 'catalog'].map((section) => `creditUi.sections.${section}`),
  ...disclosureKinds.flatMap((kind) => [
    `creditUi.kind.${kind}`,
    `creditUi.disclosure.createTitle.${kind}`,
    `creditUi.disclosure.editTitle.${kind}`,
  ]),
  ...['due', 'overdue', 'reportedOnTime', 'reportedLate'].map(
    (state) => `creditUi.disclosure.timing.${state}`,
  ),
  ...workflowActions
    .filter((action) => action !== 'expire')
    .map((action) => `creditUi.record.done.${action}`),
];

/** Issue codes the credit repositories and validators add to the shared ones. */
const repositoryCodes = [
  'creditRecord.notDraft',
  'creditRecord.repairTooEarly',
  'disclosure.alreadyReported',
  'disclosure.derivedRecordExists',
  'disclosure.partyCodeMismatch',
  'disclosure.duplicateDocument',
  'disclosure.noSubject',
  'disclosure.noSubjectLicence',
  'disclosure.duplicateInFile',
  'disclosure.partyNameMismatch',
  'disclosure.formulaText',
  'disclosure.notDerived',
  'tooManyItems',
  'notFound',
];

describe('credit screens’ text', () => {
  it('has every key the screens use, in both languages', () => {
    const written = sources.flatMap((source) =>
      [...source.matchAll(/'(creditUi\.[A-Za-z.]+)'/g)].map((m) => m[1]!),
    );
    const used = [...new Set([...written, ...builtKeys, 'nav.dashboard', 'nav.credit'])];
    expect(used.length).toBeGreaterThan(100);
    for (const language of ['zh-CN', 'en'] as const) {
      const keys = new Set(messageKeys(language));
      expect([language, used.filter((key) => !keys.has(key))]).toEqual([language, []]);
      const codes = repositoryCodes.filter((code) => !keys.has(`validation.${code}`));
      expect([language, codes]).toEqual([language, []]);
    }
  });

  it('names code values through nesting, in the user’s language', async () => {
    const zh = await createI18n('zh-CN');
    const en = await createI18n('en');
    const why = {
      reason: 'credit.derivation.noCatalogItem',
      severity: 'serious',
      subjectType: 'practitioner',
    };
    expect(zh.t('validation.disclosure.notDerived', why)).toBe('目录中没有接收严重处罚的从业人员信息项');
    expect(en.t('validation.disclosure.notDerived', why)).toBe(
      'No catalog item receives penalties of severity “Serious” for subjects of type “Practitioner”',
    );
    expect(zh.t('creditUi.derivation.kept', { status: 'approved' })).toBe(
      '由该处罚生成的信用记录已处于“已审核”状态，未随之修改',
    );
    // The app's own wording wins over a shared module's for the same key.
    expect(zh.t('validation.uscc.checkChar', { expected: '3' })).toBe('校验码错误：第 18 位应为“3”');
  });
});
