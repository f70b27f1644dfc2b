import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { fixtureId } from '../creditRecords/testFixtures.ts';
import { validateCreditRecordInput } from '../creditRecords/model.ts';
import { creditFileEffect } from './creditFile.ts';
import { defaultCommitmentMatters } from './matters.ts';
import { finding, sampleCommitment } from './testFixtures.ts';

const matters = defaultCommitmentMatters;
const commitment = (overrides: Parameters<typeof sampleCommitment>[0] = {}) => ({
  ...sampleCommitment(overrides),
  id: fixtureId(7),
});

function recordOf(effect: ReturnType<typeof creditFileEffect>) {
  if (effect.outcome !== 'record') throw new Error(`no record: ${JSON.stringify(effect)}`);
  expect(
    validateCreditRecordInput(effect.record, { catalog: defaultCatalog, today: '2026-10-20' }),
  ).toMatchObject({
    ok: true,
  });
  return effect;
}

describe('what a finding puts into the credit file', () => {
  it('files a fulfilment under the matter’s credit-enhancing item, pointing back at the commitment', () => {
    const effect = recordOf(
      creditFileEffect(
        commitment({ status: 'fulfilled', outcome: finding({ result: 'fulfilled' }) }),
        matters,
        defaultCatalog,
      ),
    );
    expect(effect.proposal).toBe(false);
    expect(effect.record).toMatchObject({
      catalogCode: 'TY-ZX-02',
      category: 'enhancing',
      source: 'entered',
      sourceId: fixtureId(7),
      documentNumber: '15030320260930100001',
      status: 'draft',
    });
  });

  it('files the fulfilment of a self-discipline commitment as basic information', () => {
    const selfDiscipline = commitment({
      type: 'industrySelfDiscipline',
      matterCode: 'HY-ZL',
      outcome: finding({ result: 'fulfilled' }),
    });
    expect(recordOf(creditFileEffect(selfDiscipline, matters, defaultCatalog)).record.category).toBe('basic');
  });

  it('proposes a general dishonest record with the item’s legal basis for a breach', () => {
    const effect = recordOf(creditFileEffect(commitment({ outcome: finding() }), matters, defaultCatalog));
    expect(effect.proposal).toBe(true);
    expect(effect.record).toMatchObject({
      catalogCode: 'JZ-YB-03',
      category: 'generalDishonest',
      source: 'commitmentBreach',
    });
    expect(effect.record.legalBasis).toContain('《建筑市场信用管理暂行办法》');
    expect(effect.record.facts).toContain('未履行内容：未补交施工图设计文件审查合格书');
    expect(effect.record.facts).toContain('处理措施：终止办理');
  });

  it('proposes a serious dishonest record for a false commitment', () => {
    const effect = recordOf(
      creditFileEffect(
        commitment({ outcome: finding({ result: 'falseCommitment' }) }),
        matters,
        defaultCatalog,
      ),
    );
    expect(effect.record).toMatchObject({ catalogCode: 'TY-YZ-01', category: 'seriousDishonest' });
    expect(effect.record.publicityEnd).toBe('2029-10-20');
  });

  it('files breaches of property and brokerage matters under their own sector items', () => {
    for (const [matterCode, code] of [
      ['WY-BA', 'WY-YB-03'],
      ['JJ-BA', 'JJ-YB-03'],
    ] as const) {
      const effect = recordOf(
        creditFileEffect(commitment({ matterCode, outcome: finding() }), matters, defaultCatalog),
      );
      expect(effect.record.catalogCode).toBe(code);
    }
  });

  it('asks for an item when the matter’s item does not take the subject type', () => {
    const person = commitment({ subjectKind: 'practitioner', outcome: finding() });
    expect(creditFileEffect(person, matters, defaultCatalog)).toEqual({
      outcome: 'noCatalogItem',
      code: 'JZ-YB-03',
    });
    const chosen = creditFileEffect(person, matters, defaultCatalog, { catalogCode: 'TY-YB-01' });
    expect(recordOf(chosen).record.catalogCode).toBe('TY-YB-01');
  });

  it('publishes the penalty a breached credit-repair commitment repaired for its maximum period', () => {
    const repair = commitment({
      type: 'creditRepair',
      matterCode: 'XY-XF',
      repairedRecordId: fixtureId(9),
      outcome: finding(),
    });
    expect(creditFileEffect(repair, matters, defaultCatalog)).toEqual({
      outcome: 'none',
      reason: 'repairedRecordMissing',
    });
    const repairedRecord = {
      id: fixtureId(9),
      catalogCode: 'FK-YB-01',
      publicityStart: '2026-02-01',
      publicityEnd: '2026-08-01',
    };
    const effect = recordOf(creditFileEffect(repair, matters, defaultCatalog, { repairedRecord }));
    expect(effect.republish).toEqual({ recordId: fixtureId(9), publicityEnd: '2027-02-01' });
    const serious = { ...repairedRecord, catalogCode: 'JZ-YZ-02' };
    expect(
      recordOf(creditFileEffect(repair, matters, defaultCatalog, { repairedRecord: serious })).republish,
    ).toEqual({
      recordId: fixtureId(9),
      publicityEnd: '2029-02-01',
    });
  });

  it('files nothing before a finding, and keeps a non-public commitment’s record between authorities', () => {
    expect(creditFileEffect(commitment(), matters, defaultCatalog)).toEqual({
      outcome: 'none',
      reason: 'noFinding',
    });
    const hidden = commitment({ publicity: 'notPublic', outcome: finding() });
    expect(recordOf(creditFileEffect(hidden, matters, defaultCatalog)).record.disclosure).toBe('shared');
  });
});
