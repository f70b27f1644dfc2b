import { describe, expect, it } from 'vitest';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import { sampleDecision, sampleFile, samplePractitioner, sampleRecord } from '../reports/testFixtures.ts';
import {
  checkFactKeys,
  checkSubject,
  checkUnregistered,
  checkVerificationRecord,
  chinaMonth,
  measureCases,
  measuresFor,
  resultDigest,
  type VerificationRecord,
} from './check.ts';

const input = { matter: 'tender' as const, today: '2026-10-01', dataAsOf: '2026-09-30T08:00:00.000Z' };

describe('credit verification', () => {
  it('shows active dishonest records and penalties and the measures for the matter', () => {
    const result = checkSubject(sampleFile(), input);
    expect(result.standing).toBe('dishonest');
    expect(result.facts.map((fact) => fact.key)).toEqual([...checkFactKeys]);
    const dishonest = result.facts.find((fact) => fact.key === 'dishonest')!.items!;
    expect(dishonest.map((item) => item.title)).toEqual(['未按规定办理施工许可', '内部共享记录']);
    expect(result.facts.find((fact) => fact.key === 'penalties')!.items).toHaveLength(1);
    expect(result.facts.find((fact) => fact.key === 'grade')!.items).toEqual([]);
    expect(result.measures[0]!.zh).toContain('评标');
    expect(result.suggested).toBe('enhancedReview');
    expect(result.dataAsOf).toBe(input.dataAsOf);
  });

  it('finds a serious dishonesty and attaches the restriction', () => {
    const file = sampleFile({ creditRecords: [sampleRecord(30, { category: 'seriousDishonest' })] });
    const result = checkSubject(file, input);
    expect(result.standing).toBe('seriousDishonest');
    expect(result.measures).toEqual(measuresFor('seriousDishonest', 'tender'));
    expect(result.suggested).toBe('restricted');
  });

  it('finds a subject clear once records and penalties are past their publicity', () => {
    const file = sampleFile({
      creditRecords: [sampleRecord(31, { publicityEnd: '2026-06-30' })],
      disclosures: [sampleDecision('penalty', 32, { publicityEnd: '2026-06-30' })],
    });
    const result = checkSubject(file, { ...input, matter: 'commitmentAcceptance' });
    expect(result.standing).toBe('clear');
    expect(result.suggested).toBe('toleranceAcceptance');
  });

  it('masks a person’s ID number; an unregistered party has no file and no measures', () => {
    const person = checkSubject(sampleFile({ subject: samplePractitioner() }), input);
    expect(person.party.code).not.toBe(fixtureCodes.person);
    const stranger = checkUnregistered(
      { name: '外县某公司', code: fixtureCodes.enterprise, isPerson: false },
      input,
    );
    expect(stranger.standing).toBe('noFile');
    expect(stranger.facts.every((fact) => fact.items === null)).toBe(true);
    expect(stranger.measures).toEqual([]);
  });

  it('digests the result as shown: a different result, a different digest', async () => {
    const first = await resultDigest(checkSubject(sampleFile(), input));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await resultDigest(checkSubject(sampleFile(), input))).toBe(first);
    expect(await resultDigest(checkSubject(sampleFile({ creditRecords: [] }), input))).not.toBe(first);
  });

  it('refuses an unknown measure and an overlong note', () => {
    expect(checkVerificationRecord({ measureApplied: 'refused', note: '' })).toEqual([]);
    expect(checkVerificationRecord({ measureApplied: 'maybe' as never, note: 'x'.repeat(501) })).toEqual([
      'verification.measureRequired',
      'verification.noteTooLong',
    ]);
  });

  it('lists the cases with a measure by China-time month, rewards told apart', () => {
    const result = checkSubject(sampleFile(), input);
    const record = (measureApplied: VerificationRecord['measureApplied']): VerificationRecord => ({
      result,
      measureApplied,
      note: '',
      digest: 'd',
    });
    const cases = measureCases([
      { at: '2026-09-30T17:00:00.000Z', userId: 'u1', record: record('refused') },
      { at: '2026-09-29T01:00:00.000Z', userId: 'u1', record: record('none') },
      { at: '2026-09-28T01:00:00.000Z', userId: 'u2', record: record('greenChannel') },
    ]);
    expect(cases.map((found) => [found.month, found.measureApplied, found.reward])).toEqual([
      ['2026-10', 'refused', false],
      ['2026-09', 'greenChannel', true],
    ]);
    expect(chinaMonth('2026-01-31T15:59:59.000Z')).toBe('2026-01');
  });
});
