import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { createI18n } from '../i18n/index.ts';
import { auditCsv, toCsv } from './auditCsv.ts';

describe('audit CSV', () => {
  it('writes a BOM, quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', '=SUM(A1)'],
        ['line\nbreak', '@x'],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n"say ""hi""","\'=SUM(A1)"\r\n"line\nbreak","\'@x"\r\n');
  });

  it('names users, actions and the idle lock in the reader\u2019s language', async () => {
    const i18n = await createI18n('zh-CN');
    const base: Omit<AuditEntry, 'seq' | 'action' | 'userId' | 'after'> = {
      id: '019b8d2e-0000-7000-8000-000000000001',
      county: '410823',
      deviceId: 'dev-1',
      at: '2026-11-20T08:00:00.000Z',
      collectionName: 'users',
      documentId: '',
      before: null,
      reason: '',
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    };
    const csv = auditCsv(
      i18n.t,
      [
        { ...base, seq: 1, action: 'signInFailed', userId: '', after: { username: 'nobody' } },
        { ...base, seq: 2, action: 'signOut', userId: 'u-1', after: { cause: 'idleLock' } },
        {
          ...base,
          seq: 3,
          action: 'revealPersonalData',
          userId: 'u-1',
          after: { fields: ['code'] },
          reason: '核对',
        },
      ],
      new Map([['u-1', '张敏（zhangmin）']]),
    );
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,设备,用户,操作,数据集,记录,理由,变更前,变更后,前一哈希,哈希');
    expect(lines[1]).toContain('未知用户（nobody）,登录失败');
    expect(lines[2]).toContain('张敏（zhangmin）,长时间未操作，自动锁定');
    expect(lines[3]).toContain('查看个人信息,users,,核对,,"{""fields"":[""code""]}"');
  });
});
