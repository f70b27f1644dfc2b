import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { createI18n } from '../i18n/index.ts';
import { auditSentence, recordFromEntry } from './auditText.ts';
import { userLabel } from './labels.ts';

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: '0190f5a0-0000-7000-8000-000000000001',
    county: '410823',
    deviceId: 'device-1',
    seq: 1,
    at: '2026-12-01T08:00:00.000Z',
    userId: 'user-1',
    action: 'update',
    collectionName: 'subjects',
    documentId: '0190f5a0-0000-7000-8000-0000000000aa',
    before: null,
    after: null,
    reason: '',
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    ...overrides,
  };
}

const industryChange = entry({
  before: { industry: 'construction' },
  after: { industry: 'propertyServices' },
});
const enterprise = { kind: 'enterprise', name: '武陟县宏达建筑工程有限公司' };

describe('the audit trail in words', () => {
  it('says a change with the field’s label and the code values’ names, in Chinese and English', async () => {
    const zh = await createI18n('zh-CN');
    const en = await createI18n('en');
    expect(auditSentence(zh.t, industryChange, '李明（liming）', enterprise)).toBe(
      '李明（liming） 将企业“武陟县宏达建筑工程有限公司”的行业由“建筑施工”改为“物业服务”',
    );
    expect(auditSentence(en.t, industryChange, 'Li Ming (liming)', enterprise)).toBe(
      'Li Ming (liming) changed enterprise “武陟县宏达建筑工程有限公司”: Industry from “Construction” to “Property services”',
    );
  });

  it('names a created record from the entry itself and never shows collection names or ids', async () => {
    const zh = await createI18n('zh-CN');
    const created = entry({
      action: 'create',
      after: { kind: 'practitioner', name: '王秀兰', code: '110105********002X', industry: 'construction' },
    });
    const sentence = auditSentence(zh.t, created, '李明（liming）', recordFromEntry(created));
    expect(sentence).toBe('李明（liming） 新建了从业人员“王秀兰”');
    expect(sentence).not.toMatch(/subjects|0190f5a0/);
  });

  it('tells a manual lock from an idle one and keeps internals out of both', async () => {
    const zh = await createI18n('zh-CN');
    const lock = (cause: string) =>
      entry({ action: 'signOut', collectionName: 'users', documentId: 'user-1', after: { cause } });
    const user = { name: '张敏（zhangmin）' };
    expect(auditSentence(zh.t, lock('manualLock'), '张敏（zhangmin）', user)).toBe(
      '张敏（zhangmin） 手动锁定屏幕',
    );
    expect(auditSentence(zh.t, lock('idleLock'), '张敏（zhangmin）', user)).not.toContain('idleLock');
  });

  it('says a bulk creation as a count', async () => {
    const zh = await createI18n('zh-CN');
    const bulk = entry({
      action: 'create',
      documentId: '',
      after: { documents: ['a', 'b'], digest: 'f'.repeat(64) },
    });
    expect(auditSentence(zh.t, bulk, '李明（liming）', {})).toMatch(/一次新建了 2 条信用主体/);
  });
});

describe('who acted', () => {
  it('names the system in the reader’s language, a user by name, and the username a failed sign-in tried', async () => {
    const names = new Map([['user-1', '李明（liming）']]);
    const zh = (await createI18n('zh-CN')).t;
    const en = (await createI18n('en')).t;
    expect(userLabel(zh, entry({ userId: 'system' }), names)).toBe('系统');
    expect(userLabel(en, entry({ userId: 'system' }), names)).toBe('System');
    expect(userLabel(en, entry({}), names)).toBe('李明（liming）');
    expect(userLabel(en, entry({ userId: '', after: { username: 'nobody' } }), names)).toContain('nobody');
  });
});
