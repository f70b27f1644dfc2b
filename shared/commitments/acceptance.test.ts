import { describe, expect, it } from 'vitest';
import type { CreditRecordStatus } from '../creditRecords/model.ts';
import {
  checkAcceptance,
  listMembershipsOf,
  needsAcceptanceCheck,
  type SubjectCreditState,
} from './acceptance.ts';
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

  it('excludes a grade whose measures deny 容缺受理 from 告知承诺 and 容缺受理 only, naming the grade', () => {
    const graded = { ...empty, grade: { code: 'D', toleranceAcceptance: false } };
    expect(checkAcceptance({ ...graded, type: 'missingMaterials' }, '2026-10-01', at)).toEqual({
      checkedAt: at,
      eligible: false,
      findings: [{ rule: 'gradeNotEligible', effect: 'excludes', refs: ['D'] }],
    });
    expect(checkAcceptance({ ...graded, type: 'approvalSubstitution' }, '2026-10-01', at).eligible).toBe(
      false,
    );
    expect(checkAcceptance({ ...graded, type: 'certification' }, '2026-10-01', at).eligible).toBe(true);
    const good = {
      ...empty,
      grade: { code: 'B', toleranceAcceptance: true },
      type: 'missingMaterials' as const,
    };
    expect(checkAcceptance(good, '2026-10-01', at).eligible).toBe(true);
  });

  it('reads the county’s standing list entries and the city-wide list’s, once each', () => {
    const listing = (id: string, kind: 'blackList' | 'redList' | 'grade', overrides = {}) => ({
      id,
      kind,
      status: 'listed' as const,
      start: '2026-05-01',
      end: '2029-05-01',
      exitedOn: '',
      ...overrides,
    });
    const memberships = listMembershipsOf(
      [
        listing('black', 'blackList'),
        listing('red', 'redList'),
        listing('grade', 'grade'),
        listing('proposed', 'blackList', { status: 'proposed' }),
        listing('left', 'blackList', { status: 'exited', exitedOn: '2026-09-01' }),
      ],
      [
        { id: 'black', start: '2026-05-01', end: '2029-05-01', exitedOn: '' },
        { id: 'elsewhere', start: '2026-06-01', end: '', exitedOn: '' },
        { id: 'gone', start: '2025-06-01', end: '', exitedOn: '2026-01-01' },
      ],
      '2026-10-01',
    );
    expect(memberships).toEqual([
      { id: 'black', list: 'blackList', from: '2026-05-01', until: '2029-05-01' },
      { id: 'red', list: 'redList', from: '2026-05-01', until: '2029-05-01' },
      { id: 'elsewhere', list: 'cityBlackList', from: '2026-06-01', until: '' },
    ]);
    const check = checkAcceptance({ ...empty, listings: memberships }, '2026-10-01', at);
    expect(check.findings).toEqual([
      { rule: 'seriousDishonestList', effect: 'excludes', refs: ['black', 'elsewhere'] },
    ]);
  });
});
