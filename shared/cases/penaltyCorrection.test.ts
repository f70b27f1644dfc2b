import { describe, expect, it } from 'vitest';
import { correctedPenalty } from './penaltyCorrection.ts';

const decision = {
  violationFacts: '出借资质',
  documentNumber: '建罚〔2026〕1号',
  decisionDate: '2026-03-06',
  authority: '某县住房和城乡建设局',
  legalBasis: '《建筑法》第六十六条',
  publicityEnd: '2029-03-06',
  partyName: '某建筑公司',
};

describe('the penalty decision a corrected objection amends', () => {
  it('takes each corrected record field into its decision field', () => {
    expect(
      correctedPenalty(decision, {
        facts: ' 出借资质给他人 ',
        documentNumber: '建罚〔2026〕2号',
        title: 'x',
      }),
    ).toEqual({ ...decision, violationFacts: '出借资质给他人', documentNumber: '建罚〔2026〕2号' });
  });

  it('is null when nothing of the decision changes (a title alone, or the same values)', () => {
    expect(correctedPenalty(decision, { title: '新标题', publicityStart: '2026-03-07' })).toBeNull();
    expect(
      correctedPenalty(decision, { decisionDate: '2026-03-06', authority: ' 某县住房和城乡建设局' }),
    ).toBeNull();
  });
});
