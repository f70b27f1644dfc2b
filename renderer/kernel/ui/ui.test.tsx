import { PasswordInput } from '@mantine/core';
import { notifications, notificationsStore } from '@mantine/notifications';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n, type Language } from '../../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { LocalizedMantine } from './LocalizedMantine.tsx';
import { NotFoundPage } from './PageNotices.tsx';

afterEach(cleanup);

async function show(language: Language, ui: React.ReactNode) {
  const i18n = await createI18n(language);
  return renderIn(i18n, ui);
}

function renderIn(i18n: Awaited<ReturnType<typeof createI18n>>, ui: React.ReactNode) {
  return render(
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine>
        <MemoryRouter initialEntries={['/no/such/page']}>{ui}</MemoryRouter>
      </LocalizedMantine>
    </I18nextProvider>,
  );
}

describe('Mantine in the app’s language', () => {
  it('labels the password eye in Chinese in Chinese mode', async () => {
    await show('zh-CN', <PasswordInput label="密码" />);
    expect(screen.getByRole('button', { name: '显示或隐藏密码' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Toggle password visibility' })).toBeNull();
  });

  it('shows and takes dates as YYYY-MM-DD, whatever the browser’s locale', async () => {
    const changed = vi.fn();
    await show('zh-CN', <DateField label="决定日期" value="2026-12-01" onChange={changed} />);
    const input = screen.getByRole('textbox', { name: '决定日期' }) as HTMLInputElement;
    expect(input.value).toBe('2026-12-01');
    fireEvent.change(input, { target: { value: '2026-11-30' } });
    expect(changed).toHaveBeenCalledWith('2026-11-30');
  });

  it('sets English in Latin fonts first (a CJK font draws ’ full-width) and Chinese in Chinese fonts first', async () => {
    const fontFamily = () =>
      [...document.querySelectorAll('style')]
        .map((style) => style.textContent ?? '')
        .join('\n')
        .match(/--mantine-font-family:\s*([^;]+);/)?.[1];
    await show('en', <PasswordInput label="Password" />);
    expect(fontFamily()).toMatch(/^system-ui,.*"PingFang SC"/);
    cleanup();
    await show('zh-CN', <PasswordInput label="密码" />);
    expect(fontFamily()).toMatch(/^"PingFang SC",.*system-ui/);
  });
});

describe('an unknown address', () => {
  it('says there is no such page and leads back to the dashboard', async () => {
    await show('en', <NotFoundPage />);
    expect(screen.getByText('No such page')).toBeTruthy();
    expect(screen.getByText(/“\/no\/such\/page” leads to no page/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' }).getAttribute('href')).toBe(
      '/dashboard',
    );
  });

  it('closes the messages shown in one language when the language changes', async () => {
    const i18n = await createI18n('zh-CN');
    renderIn(i18n, <p>页面</p>);
    act(() => {
      notifications.show({ message: '已保存' });
    });
    expect(notificationsStore.getState().notifications).toHaveLength(1);
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(notificationsStore.getState().notifications).toHaveLength(1);
    await act(() => i18n.changeLanguage('en'));
    expect(notificationsStore.getState().notifications).toHaveLength(0);
  });
});
