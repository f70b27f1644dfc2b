import { desktopMessages } from '../shared/base/platform/messages.ts';

export type DesktopLanguage = keyof typeof desktopMessages;
export type DesktopMessageKey = keyof (typeof desktopMessages)['en'];

/** Chinese for any zh-* system language, English otherwise. */
export function desktopLanguage(preferredLanguages: readonly string[]): DesktopLanguage {
  return preferredLanguages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function translate(
  language: DesktopLanguage,
  key: DesktopMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template: string = desktopMessages[language][key];
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
