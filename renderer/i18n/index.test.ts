import { describe, expect, it } from 'vitest';
import { checkResidentId, checkUscc } from '../../shared/base/identifiers.ts';
import { emptySubjectInput, validateSubjectInput } from '../../shared/subjects/model.ts';
import { createI18n, languageForLocale, mergeMessages, messageKeys, messagesFor } from './index.ts';

describe('UI text', () => {
  it('has the same keys in both languages, none empty', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh-CN').sort());
    for (const language of ['zh-CN', 'en'] as const) {
      const tree = messagesFor(language);
      const empty = messageKeys(language).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('explains every rule the subject validator can break', async () => {
    const codes = new Set<string>();
    const bad = [
      {
        ...emptySubjectInput('enterprise'),
        phone: '1',
        division: 'x',
        employerId: 'y',
        name: 'x'.repeat(101),
      },
      { ...emptySubjectInput('enterprise'), kind: 'other', industry: 'x', status: 'y' },
    ] as never[];
    for (const input of bad) {
      const result = validateSubjectInput(input, '2026-11-25');
      if (!result.ok) for (const issue of result.issues) codes.add(issue.code);
    }
    for (const code of ['', 'I', '91350100M000100Y44', '913A0100M000100Y43']) {
      const problem = checkUscc(code.padEnd(code === '' ? 0 : 18, '0'));
      if (problem) codes.add(problem.code);
    }
    for (const id of [
      '1',
      '1101051949123100ZX',
      '110105194902300021',
      '110105202801010021',
      '110105194912310021',
    ]) {
      const problem = checkResidentId(id, '2026-11-25');
      if (problem) codes.add(problem.code);
    }
    const keys = new Set(messageKeys('en'));
    const missing = [...codes, 'duplicate', 'notFound'].filter((code) => !keys.has(`validation.${code}`));
    expect(codes.size).toBeGreaterThan(12);
    expect(missing).toEqual([]);

    const i18n = await createI18n('zh-CN');
    expect(i18n.t('validation.uscc.checkChar', { expected: '3' })).toBe('校验码错误：第 18 位应为“3”');
    expect(i18n.t('desktop.error.fileTooLarge', { limitMb: 50 })).toBe('文件超过 50 MB，无法打开。');
  });

  it('follows the system locale: Chinese for any zh locale, English otherwise', () => {
    expect(languageForLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(languageForLocale('zh-TW')).toBe('zh-CN');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('de-DE')).toBe('en');
  });

  it('refuses a message key defined in two modules, flat or nested', () => {
    expect(() => mergeMessages([{ 'common.save': '保存' }, { common: { save: '存' } }])).toThrow(
      'Message key common.save is defined twice',
    );
    expect(() => mergeMessages([{ common: { save: '保存' } }, { common: { cancel: '取消' } }])).not.toThrow();
  });
});
