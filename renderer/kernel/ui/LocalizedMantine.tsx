import { Badge, createTheme, MantineProvider, PasswordInput } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications, notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const chineseFonts = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"';
/** Chinese text takes the Chinese fonts' full-width punctuation (“”、：). */
const chineseFirst = `${chineseFonts}, system-ui, sans-serif`;
/** English text takes Latin punctuation (a CJK font draws ’ and “” full-width); Chinese names fall back. */
const latinFirst = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, ${chineseFonts}, sans-serif`;

/**
 * Mantine in the app's language: its own built-in words (the password eye's label) and calendars follow
 * the language chosen in CreditDesk, not the browser's. Messages shown in the previous language close
 * when the language changes, so no screen mixes two languages.
 */
export function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'indigo',
        fontFamily: i18n.language === 'zh-CN' ? chineseFirst : latinFirst,
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('page.showPassword') } },
          }),
          // A state badge is read whole: in a narrow table column it keeps its width rather than ending in "…".
          Badge: Badge.extend({
            styles: { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } },
          }),
        },
      }),
    [t, i18n.language],
  );
  const shownIn = useRef(i18n.language);
  useEffect(() => {
    if (shownIn.current === i18n.language) return;
    shownIn.current = i18n.language;
    notifications.clean();
  }, [i18n.language]);
  return (
    <MantineProvider theme={theme}>
      {/* Below the header, so a message never covers the user menu or the sync state. */}
      <Notifications position="bottom-right" />
      {/* Weeks start on Monday, as Chinese calendars have them. */}
      <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
