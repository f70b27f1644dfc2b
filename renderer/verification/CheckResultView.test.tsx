import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectCreditFile } from '../../shared/reports/file.ts';
import { gradeCheckItems, listCheckItems } from '../../shared/reports/listSections.ts';
import type { CheckResult } from '../../shared/verification/check.ts';
import { createI18n } from '../i18n/index.ts';
import { CheckResultView } from './CheckResultView.tsx';

afterEach(cleanup);

const file = {
  grade: {
    result: { modelCode: 'construction', modelVersion: 2, asOf: '2026-11-20', score: 72, grade: 'B' },
    gradeName: { zh: 'B 级（基本守信）', en: 'Grade B (largely trustworthy)' },
    modelName: { zh: '建筑业企业信用评价', en: 'Construction enterprise credit model' },
  },
  listings: [],
  cityListEntries: [
    {
      id: '0190aaaa-0000-7000-8000-000000000001',
      list: 'seriousDishonesty',
      decisionNumber: '焦建信〔2026〕3号',
      start: '2026-10-01',
      end: '2029-09-30',
      exitedOn: '',
      basis: [],
      measures: [],
    },
  ],
} as unknown as SubjectCreditFile;

const result: CheckResult = {
  matter: 'tender',
  party: { subjectId: 's1', name: 'Acme Construction', code: '91410823MA00000001', kind: 'enterprise' },
  standing: 'seriousDishonest',
  facts: [
    { key: 'grade', items: gradeCheckItems(file) },
    { key: 'lists', items: listCheckItems(file, '2026-11-20') },
  ],
  measures: [
    { zh: '依法限制参与招标投标和政府采购', en: 'Restricted by law from tenders and public procurement' },
  ],
  suggested: 'refused',
  dataAsOf: '',
};

async function shown(language: 'en' | 'zh-CN'): Promise<string> {
  const i18n = await createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <CheckResultView result={result} />
      </MantineProvider>
    </I18nextProvider>,
  );
  return screen.getByTestId('check-result').textContent ?? '';
}

describe('a credit check as shown', () => {
  it('names the grade and the lists in English in the English interface', async () => {
    const text = await shown('en');
    expect(text).toContain('Grade B (largely trustworthy)');
    expect(text).toContain('72 points · Construction enterprise credit model (version 2)');
    expect(text).toContain('Serious-dishonesty list');
    expect(text).toContain('焦建信〔2026〕3号 · city-wide serious-dishonesty list');
    // Only the party's own name, codes and document numbers may be Chinese: none of the system's words.
    const withoutDocumentNumber = text.replaceAll('焦建信〔2026〕3号', '');
    expect(withoutDocumentNumber).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the Chinese words in the Chinese interface', async () => {
    const text = await shown('zh-CN');
    expect(text).toContain('B 级（基本守信）');
    expect(text).toContain('72 分 · 建筑业企业信用评价（第 2 版）');
    expect(text).toContain('严重失信主体名单');
  });
});
