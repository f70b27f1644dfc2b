import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { recordFieldLabel, recordValueText } from './recordText.ts';

describe('record fields in words', () => {
  it('names code-table values and labels instead of raw keys, in both languages', async () => {
    const zh = await createI18n('zh-CN');
    const en = await createI18n('en');
    expect(recordValueText(zh.t, 'subjects', 'industry', 'propertyServices')).toBe('物业服务');
    expect(recordValueText(en.t, 'subjects', 'industry', 'construction')).toBe('Construction');
    expect(recordValueText(zh.t, 'creditRecords', 'status', 'submitted')).not.toBe('submitted');
    expect(recordValueText(zh.t, 'disclosures', 'severity', 'general')).toBe('一般');
    expect(recordValueText(zh.t, 'users', 'roles', ['clerk', 'reviewer'])).toBe('录入员、审核员');
    expect(recordValueText(zh.t, 'creditRecords', 'workflow', [{ action: 'submit' }])).toBe('提交审核');
    expect(recordValueText(zh.t, 'subjects', 'phone', '')).toBe('—');
    expect(recordFieldLabel(zh.t, 'subjects', 'name', 'enterprise')).toBe('企业名称');
    expect(recordFieldLabel(zh.t, 'creditRecords', 'decisionDate')).not.toBe('decisionDate');
    expect(recordFieldLabel(zh.t, 'disclosures', 'decisionDate', 'penalty')).toBe('处罚决定日期');
  });
});
