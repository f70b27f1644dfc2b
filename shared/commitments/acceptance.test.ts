import { describe, expect, it } from 'vitest';
import type { CreditRecordStatus } from '../model/creditRecord.ts';
import { checkAcceptance, needsAcceptanceCheck, type SubjectCreditState } from './acceptance.ts';
import { finding } from './testFixtures.ts';

const record = (
  id: string,
  category: string,
  status: CreditRecordStatus = 'approved',
  publicityEnd = '2027-01-01',
) => ({ id, category, status, publicityStart: '2026-01-01', publicityEnd }) as const;
const empty: SubjectCreditState = { records: [], listings: [], commitments: [] };
const at = '2026-10-01T08:00:00.000Z';

describe('the acceptance check', () => {
  it('applies to commitments accepted in place of an approval condition only', () => {
    expect(needsAcceptanceCheck('missingMaterials')).toBe(true);
    expect(needsAcceptanceCheck('approvalSubstitution')).toBe(true);
    expect(needsAcceptanceCheck('certification')).toBe(true);
    expect(needsAcceptanceCheck('industrySelfDiscipline')).toBe(false);
  });

  it('finds a clean subject eligible', () => {
    expect(checkAcceptance(empty, '2026-10-01', at)).toEqual({ checkedAt: at, eligible: true, findings: [] });
  });

  it('excludes a subject with serious dishonest information in publicity, naming the rule and the records', () => {
    const state = {
      ...empty,
      records: [
        record('serious', 'seriousDishonest'),
        record('expired', 'seriousDishonest', 'approved', '2026-06-30'),
        record('draft', 'seriousDishonest', 'draft'),
        record('general', 'generalDishonest'),
      ],
    };
    expect(checkAcceptance(state, '2026-10-01', at)).toEqual({
      checkedAt: at,
      eligible: false,
      findings: [
        { rule: 'activeSeriousDishonest', effect: 'excludes', refs: ['serious'] },
        { rule: 'activeGeneralDishonest', effect: 'warns', refs: ['general'] },
      ],
    });
  });

  it('excludes black-list members and earlier false commitments; earlier breaches only warn', () => {
    const state: SubjectCreditState = {
      records: [],
      listings: [
        { id: 'black', list: 'blackList', from: '2026-05-01', until: '' },
        { id: 'red', list: 'redList', from: '2026-05-01', until: '' },
        { id: 'ended', list: 'blackList', from: '2024-01-01', until: '2025-01-01' },
      ],
      commitments: [
        {
          id: 'false',
          status: 'falseCommitment',
          outcome: finding({ result: 'falseCommitment', decisionDate: '2025-02-01' }),
        },
        {
          id: 'old',
          status: 'falseCommitment',
          outcome: finding({ result: 'falseCommitment', decisionDate: '2023-01-01' }),
        },
        { id: 'breach', status: 'notFulfilled', outcome: finding() },
        { id: 'kept', status: 'fulfilled', outcome: finding({ result: 'fulfilled' }) },
      ],
    };
    const check = checkAcceptance(state, '2026-10-01', at);
    expect(check.eligible).toBe(false);
    expect(check.findings).toEqual([
      { rule: 'seriousDishonestList', effect: 'excludes', refs: ['black'] },
      { rule: 'earlierFalseCommitment', effect: 'excludes', refs: ['false'] },
      { rule: 'earlierBreach', effect: 'warns', refs: ['breach'] },
    ]);
    const warnedOnly = checkAcceptance(
      { ...state, listings: [], commitments: state.commitments.slice(2) },
      '2026-10-01',
      at,
    );
    expect(warnedOnly.eligible).toBe(true);
  });
});
