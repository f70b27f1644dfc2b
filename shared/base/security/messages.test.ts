import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { auditActions, auditEntryIssueCodes } from '../auditEntry.ts';
import { userIssueCodes, userStatuses } from '../user.ts';
import { chainProblemCodes } from './auditChain.ts';
import { backupErrorCodes } from './backup.ts';
import { fieldCryptoErrorCodes } from './fieldCrypto.ts';
import { lockoutIssueCodes } from './lockout.ts';
import { personalDataKinds } from './masking.ts';
import { passwordIssueCodes } from './password.ts';
import { actionLabelKey, actions, permissionIssueCodes, roleLabelKey, roles } from './permissions.ts';
import { securityMessages } from './messages.ts';

const languages = ['zh-CN', 'en'] as const;
const placeholders = (message: string) => [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const expectedKeys = [
  ...[
    ...permissionIssueCodes,
    ...passwordIssueCodes,
    ...lockoutIssueCodes,
    ...userIssueCodes,
    ...auditEntryIssueCodes,
  ].map((code) => `validation.${code}`),
  ...chainProblemCodes,
  ...backupErrorCodes,
  ...fieldCryptoErrorCodes,
  ...roles.map(roleLabelKey),
  ...actions.map(actionLabelKey),
  ...auditActions.map((action) => `security.auditAction.${action}`),
  ...personalDataKinds.map((kind) => `security.personalData.${kind}`),
  ...userStatuses.map((status) => `security.userStatus.${status}`),
];

describe('security messages', () => {
  it('cover every code and label in both languages, and nothing else', () => {
    for (const language of languages) {
      expect(Object.keys(securityMessages[language]).sort()).toEqual([...expectedKeys].sort());
      for (const [key, message] of Object.entries(securityMessages[language])) {
        expect(message.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same parameters in both languages', () => {
    for (const [key, message] of Object.entries(securityMessages.en)) {
      const zh = securityMessages['zh-CN'][key as keyof typeof securityMessages.en];
      expect(placeholders(zh), key).toEqual(placeholders(message));
    }
  });

  it('have no key that is the prefix of another, so they also nest', () => {
    const keys = Object.keys(securityMessages.en);
    for (const key of keys)
      expect(
        keys.some((other) => other.startsWith(`${key}.`)),
        key,
      ).toBe(false);
  });

  it('render in i18next with their parameters', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      resources: {
        'zh-CN': { translation: securityMessages['zh-CN'] },
        en: { translation: securityMessages.en },
      },
      interpolation: { escapeValue: false },
    });
    const params = {
      action: 'record.approve',
      min: 10,
      max: 128,
      minutes: 15,
      count: 5,
      seq: 7,
      role: 'boss',
    };
    for (const language of languages) {
      for (const key of Object.keys(securityMessages[language])) {
        const text = i18n.t(key, { ...params, county: '410100', deviceId: 'device-b', lng: language });
        expect(text, `${language} ${key}`).not.toMatch(/\{\{|\$t\(|^security\.|^validation\./);
      }
    }
    expect(i18n.t('validation.permission.denied', { action: 'record.approve', lng: 'en' })).toBe(
      'Your role does not allow this: Approve credit records.',
    );
    expect(i18n.t('validation.lockout.locked', { minutes: 15, count: 5, lng: 'en' })).toBe(
      'Locked for 15 min after 5 failed attempts.',
    );
    expect(i18n.t('validation.lockout.locked', { minutes: 15, count: 5 })).toBe(
      '连续 5 次登录失败，账号已锁定 15 分钟。',
    );
  });
});
