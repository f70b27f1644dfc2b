import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import { effectivePublicityRule } from '../../shared/creditRecords/publicity.ts';
import { createI18n } from '../i18n/index.ts';
import { publicityText } from './CatalogPage.tsx';

describe('the catalog’s publicity period', () => {
  it('names one length when the minimum equals the maximum, a range otherwise', async () => {
    const zh = await createI18n('zh-CN');
    const en = await createI18n('en');
    const fixed = defaultCatalog.find((item) => {
      const { rule } = effectivePublicityRule(item);
      return !rule.whileValid && rule.minMonths === rule.maxMonths;
    });
    const ranged = defaultCatalog.find((item) => {
      const { rule } = effectivePublicityRule(item);
      return !rule.whileValid && rule.minMonths < rule.maxMonths;
    });
    if (!fixed || !ranged) throw new Error('the default catalog has both kinds of item');
    const months = effectivePublicityRule(fixed).rule.minMonths;
    expect(publicityText(zh.t, fixed)).toBe(`${months} 个月`);
    expect(publicityText(en.t, fixed)).toBe(`${months} months`);
    const { rule } = effectivePublicityRule(ranged);
    expect(publicityText(zh.t, ranged)).toBe(
      `${rule.minMonths}–${rule.maxMonths} 个月（默认 ${rule.defaultMonths} 个月）`,
    );
  });
});
