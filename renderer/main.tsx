import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import { openShell } from './app/bootstrap.ts';
import { createI18n, type Language, languageForLocale } from './i18n/index.ts';
import { selectBridge } from './kernel/platform/index.ts';
import type { LanguageSetting } from './settings/SettingsPage.tsx';
import { ErrorBoundary } from './kernel/ui/ErrorBoundary.tsx';
import { LocalizedMantine } from './kernel/ui/LocalizedMantine.tsx';

async function start(): Promise<void> {
  const bridge = selectBridge();
  const opened = await openShell(bridge);
  const saved = await opened.local.getSetting<LanguageSetting>('language');
  const language: Language = saved && saved !== 'system' ? saved : languageForLocale(opened.appInfo.locale);
  const i18n = await createI18n(language);
  const applyLanguage = (lng: string) => {
    document.documentElement.lang = lng;
    dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  };
  applyLanguage(language);
  i18n.on('languageChanged', applyLanguage);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LocalizedMantine>
          <ErrorBoundary>
            <App bridge={bridge} opened={opened} />
          </ErrorBoundary>
        </LocalizedMantine>
      </I18nextProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root')!;
  root.textContent = `CreditDesk could not start / CreditDesk 无法启动: ${error instanceof Error ? error.message : String(error)}`;
});
