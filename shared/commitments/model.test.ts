import { describe, expect, it } from 'vitest';
import { stampFields } from '../base/document.ts';
import { commitmentJsonSchema, emptyCommitmentInput, validateCommitmentInput } from './model.ts';
import { finding, sampleCommitment } from './testFixtures.ts';

const context = { matterLists: [], today: '2026-10-20' };
const codes = (result: ReturnType<typeof validateCommitmentInput>) =>
  result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);

describe('a commitment as entered', () => {
  it('accepts a complete accepted 容缺受理 commitment', () => {
    expect(codes(validateCommitmentInput(sampleCommitment(), context))).toEqual([]);
  });

  it('refuses a deadline before signing', () => {
    const input = sampleCommitment({ materialsDeadline: '2026-09-29' });
    expect(codes(validateCommitmentInput(input, context))).toEqual([
      'materialsDeadline:commitment.deadlineBeforeSigning',
    ]);
  });

  it('refuses an accepted letter without a signatory, but lets a draft be printed unsigned', () => {
    expect(codes(validateCommitmentInput(sampleCommitment({ signatory: ' ' }), context))).toEqual([
      'signatory:commitment.signatoryMissing',
    ]);
    const draft = sampleCommitment({
      status: 'draft',
      signatory: '',
      signingDate: '',
      materialsDeadline: '2026-10-13',
    });
    expect(codes(validateCommitmentInput(draft, context))).toEqual([]);
  });

  it('refuses an unknown matter and a type the matter does not take', () => {
    expect(codes(validateCommitmentInput(sampleCommitment({ matterCode: 'XX-00' }), context))).toEqual([
      'matterCode:commitment.unknownMatter',
    ]);
    const selfDiscipline = sampleCommitment({
      type: 'industrySelfDiscipline',
      missingMaterials: [],
      materialsDeadline: '',
    });
    expect(codes(validateCommitmentInput(selfDiscipline, context))).toEqual([
      'type:commitment.typeNotForMatter',
    ]);
  });

  it('refuses a breach without facts, and partly or not fulfilled without what was unfulfilled and done', () => {
    const breach = sampleCommitment({ status: 'notFulfilled', outcome: finding({ facts: '' }) });
    expect(codes(validateCommitmentInput(breach, context))).toEqual([
      'outcome.facts:commitment.breachWithoutFacts',
    ]);
    const partly = sampleCommitment({
      status: 'partlyFulfilled',
      outcome: finding({ result: 'partlyFulfilled', unfulfilledContent: '', actionTaken: '' }),
    });
    expect(codes(validateCommitmentInput(partly, context))).toEqual([
      'outcome.unfulfilledContent:commitment.unfulfilledContentRequired',
      'outcome.actionTaken:commitment.actionTakenRequired',
    ]);
    const early = sampleCommitment({ outcome: finding() });
    expect(codes(validateCommitmentInput(early, context))).toEqual([
      'outcome.result:commitment.outcomeTooEarly',
    ]);
  });

  it('refuses a commitment for a deregistered subject', () => {
    const result = validateCommitmentInput(sampleCommitment(), {
      ...context,
      subject: { status: 'deregistered' },
    });
    expect(codes(result)).toEqual(['subjectId:commitment.subjectDeregistered']);
  });

  it('requires the materials and deadline of 容缺受理 and keeps them off other types', () => {
    expect(
      codes(
        validateCommitmentInput(sampleCommitment({ missingMaterials: [], materialsDeadline: '' }), context),
      ),
    ).toEqual(['missingMaterials:commitment.materialsRequired', 'materialsDeadline:required']);
    const other = sampleCommitment({ type: 'approvalSubstitution' });
    expect(codes(validateCommitmentInput(other, context))).toEqual([
      'missingMaterials:commitment.materialsOnlyForMissingMaterials',
    ]);
  });

  it('requires a credit-repair commitment to name the repaired record', () => {
    const repair = sampleCommitment({
      type: 'creditRepair',
      matterCode: 'XY-XF',
      missingMaterials: [],
      materialsDeadline: '',
      acceptanceCheck: null,
    });
    expect(codes(validateCommitmentInput(repair, context))).toEqual([
      'repairedRecordId:commitment.repairedRecordRequired',
    ]);
  });

  it('has a schema listing exactly the document fields, all required', () => {
    const fields = [...stampFields, ...Object.keys(emptyCommitmentInput())].sort();
    expect(Object.keys(commitmentJsonSchema.properties).sort()).toEqual(fields);
    expect([...commitmentJsonSchema.required].sort()).toEqual(fields);
  });
});
