import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { validateRuleSet } from '../grading/ruleSet.ts';
import { everyMatter, matterListInForce, matterStanding, publishedMatterLists } from './matterList.ts';
import { defaultCommitmentMatters, findMatter } from './matters.ts';
import { validateCommitmentInput } from './model.ts';
import { maintenanceFundMatter, matterListDocument, permitMatter, sampleCommitment } from './testFixtures.ts';

const permit = permitMatter;
const maintenanceFund = maintenanceFundMatter;
/** Version 1 from 2026-07-01: the construction permit withdrawn, the maintenance fund added. */
const v1 = matterListDocument(
  [...defaultCommitmentMatters.filter((m) => m !== permit), maintenanceFund],
  1,
  '2026-07-01',
);
/** Version 2 from 2027-01-01: the permit back, renamed. */
const renamed = {
  ...permit,
  name: { zh: '建筑工程施工许可（告知承诺）', en: 'Construction permit (notified)' },
};
const v2 = matterListDocument(
  [...defaultCommitmentMatters.filter((m) => m !== permit), renamed],
  2,
  '2027-01-01',
);
const published = publishedMatterLists([v2, v1, { kind: 'catalogItem' }]);

describe('the list of commitment matters the city publishes', () => {
  it('is the default set until a version starts, then the latest version started', () => {
    expect(matterListInForce([], '2026-10-20').matters).toBe(defaultCommitmentMatters);
    expect(matterListInForce(published, '2026-06-30').version).toBe(0);
    expect(matterListInForce(published, '2026-07-01').version).toBe(1);
    expect(matterListInForce(published, '2027-03-01').version).toBe(2);
  });

  it('tells a matter in force from a withdrawn and an unknown one', () => {
    expect(matterStanding(published, 'SG-XK', '2026-06-30')).toEqual({ state: 'inForce', matter: permit });
    expect(matterStanding(published, 'SG-XK', '2026-08-01')).toEqual({ state: 'withdrawn', matter: renamed });
    expect(matterStanding(published, 'WX-ZJ', '2026-06-30')).toEqual({
      state: 'withdrawn',
      matter: maintenanceFund,
    });
    expect(matterStanding(published, 'WX-ZJ', '2026-08-01').state).toBe('inForce');
    expect(matterStanding(published, 'XX-01', '2026-08-01')).toEqual({ state: 'unknown' });
    // Every matter any version held, each as its latest version names it.
    const every = everyMatter(published);
    expect(findMatter(every, 'SG-XK')).toBe(renamed);
    expect(every.map((m) => m.code).sort()).toEqual(
      [...defaultCommitmentMatters.map((m) => m.code), 'WX-ZJ'].sort(),
    );
  });

  it('refuses a commitment signed under a withdrawn or unknown matter, keeps those signed before', () => {
    const context = { matterLists: published, today: '2026-10-20' };
    const codes = (input: ReturnType<typeof sampleCommitment>) => {
      const checked = validateCommitmentInput(input, context);
      return checked.ok ? [] : checked.issues.map((found) => `${found.field} ${found.code}`);
    };
    expect(codes(sampleCommitment())).toEqual(['matterCode commitment.matterWithdrawn']);
    expect(codes(sampleCommitment({ status: 'draft', signingDate: '', acceptanceCheck: null }))).toContain(
      'matterCode commitment.matterWithdrawn',
    );
    // Accepted while the matter was in force: its fulfilment is still recorded.
    const earlier = sampleCommitment({ signingDate: '2026-06-01', materialsDeadline: '2026-06-08' });
    expect(codes(earlier)).toEqual([]);
    expect(codes({ ...earlier, status: 'withdrawn' })).toEqual([]);
    expect(codes(sampleCommitment({ matterCode: 'WX-ZJ' }))).toEqual([]);
    expect(codes(sampleCommitment({ matterCode: 'XX-01' }))).toEqual(['matterCode commitment.unknownMatter']);
  });

  it('is checked as a rule-set version: content alone, unique codes, each matter valid', () => {
    const context = { catalog: defaultCatalog, categories: [] };
    expect(validateRuleSet(v1, context)).toEqual([]);
    expect(validateRuleSet(matterListDocument([]), context)).toEqual([
      { field: 'matters', code: 'ruleSet.contentMissing' },
    ]);
    const broken = matterListDocument([permit, { ...permit, breachItem: 'XX-01' }]);
    expect(validateRuleSet(broken, context).map((found) => `${found.field} ${found.code}`)).toEqual([
      'matters.1.breachItem creditRecord.unknownCatalogItem',
      'matters.1.code commitment.matterCodeDuplicate',
    ]);
  });
});
