import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { SubjectTotal } from './SubjectTotal.tsx';

afterEach(cleanup);

describe('the subject list total', () => {
  it('says "more than" in both languages when counting stopped, the exact total otherwise', async () => {
    const languages = await Promise.all([createI18n('en'), createI18n('zh-CN')]);
    const inBothLanguages = (page: { total: number; more?: boolean }) => {
      render(
        <MantineProvider>
          {languages.map((i18n) => (
            <I18nextProvider key={i18n.language} i18n={i18n}>
              <SubjectTotal page={page} />
            </I18nextProvider>
          ))}
        </MantineProvider>,
      );
      const texts = screen.getAllByTestId('subject-total').map((element) => element.textContent);
      cleanup();
      return texts;
    };
    const [en, zh] = inBothLanguages({ total: 1000, more: true });
    expect(en).toMatch(/^More than 1000 found/);
    expect(zh).toMatch(/^超过 1000 条/);
    expect(inBothLanguages({ total: 37 })).toEqual(['37 in total', '共 37 条']);
  });
});
