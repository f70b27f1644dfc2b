import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { validateRuleSet } from '../grading/ruleSet.ts';
import { defaultCommitmentMatters, findMatter, validateCommitmentMatter } from './matters.ts';
import { matterListDocument } from './testFixtures.ts';
import { commitmentMessages, labelledCodes } from './messages.ts';
import { validateCommitmentInput } from './model.ts';
import { nextCommitmentNumbers, serialBlock } from './numbering.ts';
import { clerk, finding, reviewer, sampleCommitment } from './testFixtures.ts';
import { judgeCommitmentStep } from './workflow.ts';

const permit = findMatter(defaultCommitmentMatters, 'SG-XK')!;
/** A published list from which the construction permit was withdrawn. */
const withoutPermit = {
  version: 1,
  validFrom: '2026-01-01',
  matters: defaultCommitmentMatters.filter((matter) => matter !== permit),
};

describe('commitment messages and reference data', () => {
  it('have the same keys in both languages, none empty', () => {
    const zh = Object.keys(commitmentMessages['zh-CN']).sort();
    expect(Object.keys(commitmentMessages.en).sort()).toEqual(zh);
    for (const language of ['zh-CN', 'en'] as const) {
      expect(Object.values(commitmentMessages[language]).filter((m) => m.trim() === '')).toEqual([]);
    }
  });

  it('explain every commitment issue code the rules produce, and name every code value', () => {
    const context = { matterLists: [], today: '2026-10-20' };
    const issues = [
      validateCommitmentInput(
        sampleCommitment({ number: '1', matterCode: 'XX', signatory: '', materialsDeadline: '2026-01-01' }),
        { ...context, subject: { status: 'deregistered' } },
      ),
      validateCommitmentInput(sampleCommitment({ missingMaterials: [], outcome: finding() }), context),
      validateCommitmentInput(sampleCommitment({ type: 'approvalSubstitution' }), context),
      validateCommitmentInput(sampleCommitment({ type: 'creditRepair', matterCode: 'XF-BA' }), context),
      validateCommitmentInput(sampleCommitment(), { ...context, matterLists: [withoutPermit] }),
      validateCommitmentInput(
        sampleCommitment({
          status: 'partlyFulfilled',
          outcome: finding({ result: 'partlyFulfilled', facts: '', unfulfilledContent: '', actionTaken: '' }),
        }),
        context,
      ),
    ].flatMap((result) => (result.ok ? [] : result.issues));
    const draft = sampleCommitment({ status: 'draft', acceptanceCheck: null });
    issues.push(
      ...judgeCommitmentStep(draft, 'accept', clerk, '2026-10-20'),
      ...judgeCommitmentStep(draft, 'withdrawDraft', clerk, '2026-10-20'),
      ...judgeCommitmentStep(draft, 'fulfil', clerk, '2026-10-20'),
      ...validateCommitmentMatter({ ...defaultCommitmentMatters[0]!, missingMaterialsDays: -1 }, new Set()),
    );
    issues.push(
      ...validateRuleSet(matterListDocument([permit, permit]), { catalog: defaultCatalog, categories: [] }),
    );
    const proposed = sampleCommitment({ status: 'breachProposed', outcome: finding() });
    issues.push(...judgeCommitmentStep(proposed, 'confirmFalseCommitment', reviewer, '2026-10-20'));
    const exhausted = nextCommitmentNumbers([], '150303', '2026-10-20', serialBlock(0, 1), 2);
    if (!exhausted.ok) issues.push(...exhausted.issues);

    const produced = new Set(issues.map((i) => i.code).filter((code) => code.startsWith('commitment.')));
    const keys = new Set(Object.keys(commitmentMessages.en));
    const explained = [...keys].filter((key) => key.startsWith('validation.')).map((key) => key.slice(11));
    expect([...produced].sort()).toEqual(explained.sort());
    expect(labelledCodes.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('ship a default list of matters whose catalog items all exist', () => {
    const codes = new Set(defaultCatalog.map((item) => item.code));
    for (const matter of defaultCommitmentMatters)
      expect(validateCommitmentMatter(matter, codes)).toEqual([]);
    expect(new Set(defaultCommitmentMatters.map((m) => m.code)).size).toBe(defaultCommitmentMatters.length);
    const broken = { ...defaultCommitmentMatters[0]!, breachItem: 'XX-01', missingMaterialsDays: 61 };
    expect(validateCommitmentMatter(broken, codes).map((i) => i.code)).toEqual([
      'commitment.workingDays',
      'creditRecord.unknownCatalogItem',
    ]);
  });
});
