import { describe, expect, it } from 'vitest';
import { generateDemoSubjects } from '../demo/subjects.ts';
import { fixtureId } from '../creditRecords/testFixtures.ts';
import { campaignKey, planCampaign } from './campaign.ts';
import { defaultCommitmentMatters, findMatter } from './matters.ts';
import { validateCommitmentInput } from './model.ts';
import { serialBlock } from './numbering.ts';

const subjects = generateDemoSubjects({ seed: 12, count: 300, division: '150303' }).map((s, i) => ({
  ...s,
  id: fixtureId(i + 1),
}));
const options = {
  matter: findMatter(defaultCommitmentMatters, 'HY-ZL')!,
  year: 2026,
  industries: ['construction', 'propertyServices'] as const,
  division: '150303',
  date: '2026-06-01',
  blocks: [serialBlock(20)],
  knownNumbers: [] as string[],
  acceptingUnit: '海勃湾区住房和城乡建设局',
  acceptingUnitCode: '',
};

describe('the self-discipline campaign', () => {
  it('drafts one valid, numbered letter per active enterprise of the chosen industries', () => {
    const plan = planCampaign(subjects, [], { ...options, industries: [...options.industries] });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const expected = subjects.filter(
      (s) =>
        s.kind === 'enterprise' &&
        s.status === 'active' &&
        ['construction', 'propertyServices'].includes(s.industry),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(plan.inputs.map((c) => c.subjectId)).toEqual(expected.map((s) => s.id));
    expect(new Set(plan.inputs.map((c) => c.number)).size).toBe(plan.inputs.length);
    expect(plan.inputs[0]!.number).toBe('15030320260601200000');
    for (const input of plan.inputs) {
      expect(validateCommitmentInput(input, { matterLists: [], today: '2026-06-01' })).toMatchObject({
        ok: true,
      });
      expect(input.content).toContain(input.subjectName);
      expect(input.campaign).toBe(campaignKey('HY-ZL', 2026));
    }
  });

  it('creates nothing twice when run again for the same year, but does for the next', () => {
    const first = planCampaign(subjects, [], { ...options, industries: [...options.industries] });
    if (!first.ok) throw new Error('first run failed');
    const existing = first.inputs.slice(0, -3).map((c) => ({ ...c, status: 'draft' }));
    existing.push({ ...first.inputs.at(-1)!, status: 'withdrawn' });
    const again = planCampaign(subjects, existing, {
      ...options,
      industries: [...options.industries],
      knownNumbers: first.inputs.map((c) => c.number),
    });
    if (!again.ok) throw new Error('second run failed');
    expect(again.alreadyCommitted).toBe(first.inputs.length - 3);
    expect(again.inputs.map((c) => c.subjectId)).toEqual(first.inputs.slice(-3).map((c) => c.subjectId));
    expect(again.inputs.every((c) => !first.inputs.some((f) => f.number === c.number))).toBe(true);
    const nextYear = planCampaign(subjects, existing, {
      ...options,
      industries: [...options.industries],
      year: 2027,
    });
    expect(nextYear.ok && nextYear.inputs.length).toBe(first.inputs.length);
  });

  it('refuses when the device’s number block cannot hold the campaign', () => {
    const plan = planCampaign(subjects, [], {
      ...options,
      industries: [...options.industries],
      blocks: [serialBlock(0, 10)],
    });
    expect(plan.ok).toBe(false);
  });
});
