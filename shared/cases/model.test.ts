import { describe, expect, it } from 'vitest';
import { validateCaseDocument } from '../sync/documentValidators.ts';
import { validateCaseInput } from './model.ts';
import { sampleObjectionCase, sampleRepairCase } from './testFixtures.ts';

const today = '2026-05-04';
const codes = (doc: ReturnType<typeof sampleRepairCase>) => {
  const result = validateCaseInput(doc, today);
  return result.ok ? [] : result.issues.map((found) => `${found.field}:${found.code}`);
};

describe('case content rules', () => {
  it('accepts a complete repair application and a complete objection', () => {
    expect(codes(sampleRepairCase())).toEqual([]);
    expect(codes(sampleObjectionCase())).toEqual([]);
    expect(validateCaseDocument(sampleRepairCase(), { today })).toEqual([]);
  });

  it('refuses a repair without the commitment, naming the rule', () => {
    expect(codes(sampleRepairCase({ commitmentText: '' }))).toEqual(['commitment:repair.commitmentRequired']);
    expect(codes(sampleRepairCase({ commitmentScans: [] }))).toEqual([
      'commitment:repair.commitmentRequired',
    ]);
  });

  it('refuses a repair whose obligations are outstanding or that lacks proof', () => {
    expect(codes(sampleRepairCase({ obligationsPerformed: false }))).toEqual([
      'obligationsPerformed:repair.obligationsOutstanding',
    ]);
    expect(codes(sampleRepairCase({ proofs: [] }))).toEqual(['proofs:cases.proofRequired']);
  });

  it('needs the reference of a repair decided through the national channel, not local proof', () => {
    expect(codes(sampleRepairCase({ channel: 'national', proofs: [] }))).toEqual([
      'nationalReference:cases.nationalReferenceRequired',
    ]);
    expect(codes(sampleRepairCase({ channel: 'national', proofs: [], nationalReference: 'XY-1' }))).toEqual(
      [],
    );
  });

  it('refuses an objection that carries a commitment, a future date, a missing statement', () => {
    expect(codes(sampleObjectionCase({ commitmentText: '承诺' }))).toEqual([
      'commitment:cases.notForObjection',
    ]);
    expect(codes(sampleObjectionCase({ applicationDate: '2026-05-05', statement: ' ' }))).toEqual([
      'statement:required',
      'applicationDate:dateInFuture',
    ]);
  });

  it('leaves the commitment link optional but checks it when given', () => {
    expect(codes(sampleRepairCase({ commitmentId: 'not-a-uuid' }))).toEqual(['commitmentId:uuid']);
    expect(codes(sampleRepairCase({ commitmentId: '019a0000-0000-7000-8000-0000000000c1' }))).toEqual([]);
  });
});
