import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import { ListPager, ListTotal } from './ListPager.tsx';

afterEach(cleanup);

describe('a paged list', () => {
  it('says "more than" in both languages when counting stopped, the exact total otherwise', async () => {
    const languages = await Promise.all([createI18n('en'), createI18n('zh-CN')]);
    const inBothLanguages = (total: number, more: boolean) => {
      render(
        <MantineProvider>
          {languages.map((i18n) => (
            <I18nextProvider key={i18n.language} i18n={i18n}>
              <ListTotal total={total} more={more} testId="total" />
            </I18nextProvider>
          ))}
        </MantineProvider>,
      );
      const texts = screen.getAllByTestId('total').map((element) => element.textContent);
      cleanup();
      return texts;
    };
    expect(inBothLanguages(200, true)).toEqual(['More than 200', '超过 200 条']);
    expect(inBothLanguages(37, false)).toEqual(['37 in total', '共 37 条']);
  });

  it('offers one page past the counted ones while more match, none while all fit on one', () => {
    const pages = (total: number, more: boolean) => {
      render(
        <MantineProvider>
          <ListPager found={{ total, more }} pageSize={50} page={1} onChange={() => {}} />
        </MantineProvider>,
      );
      const numbers = screen
        .queryAllByRole('button')
        .map((button) => button.textContent)
        .filter((text) => /^\d+$/.test(text ?? ''));
      cleanup();
      return numbers;
    };
    expect(pages(200, true)).toEqual(['1', '2', '3', '4', '5']);
    expect(pages(200, false)).toEqual(['1', '2', '3', '4']);
    expect(pages(50, false)).toEqual([]);
    expect(pages(50, true)).toEqual(['1', '2']);
  });
});
