import { describe, expect, it } from 'vitest';
import { desktopErrorCodes } from './errors.ts';
import { desktopMessages } from '../shared/base/platform/messages.ts';
import { desktopLanguage, translate } from './i18n.ts';

describe('desktop messages', () => {
  it('have the same keys in both languages, each with the same parameters', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const zh: Record<string, string> = desktopMessages['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(desktopMessages.en).sort());
    for (const [key, text] of Object.entries(desktopMessages.en))
      expect(params(zh[key] ?? '')).toEqual(params(text));
  });

  it('explain every error code', () => {
    for (const code of desktopErrorCodes) expect(desktopMessages.en).toHaveProperty(`desktop.error.${code}`);
  });

  it('pick Chinese for any zh system language', () => {
    expect(desktopLanguage(['zh-Hans-CN'])).toBe('zh-CN');
    expect(desktopLanguage(['zh-TW'])).toBe('zh-CN');
    expect(desktopLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(desktopLanguage([])).toBe('en');
  });

  it('interpolate parameters', () => {
    expect(translate('en', 'desktop.error.fileTooLarge', { limitMb: 50 })).toBe(
      'The file is larger than 50 MB and cannot be opened.',
    );
    expect(translate('zh-CN', 'desktop.dialog.supportedFiles', { extensions: 'xlsx, csv' })).toBe(
      '支持的文件（xlsx, csv）',
    );
  });
});
