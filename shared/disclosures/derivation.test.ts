import { describe, expect, it } from 'vitest';
import { validateCreditRecordInput } from '../creditRecords/model.ts';
import type { DisclosureInput } from './model.ts';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { derivePenaltyRecord } from './derivation.ts';
import { defaultPublicityConfig } from '../creditRecords/publicity.ts';
import {
  asDocument,
  fixtureCodes,
  fixtureId,
  sampleLicence,
  samplePenalty,
} from '../creditRecords/testFixtures.ts';

function penalty(overrides: Partial<DisclosureInput> = {}) {
  return asDocument(samplePenalty({ subjectId: fixtureId(50), ...overrides }), 60);
}

describe('penalty → credit record', () => {
  it('derives a draft general-dishonesty record with the default publicity period', () => {
    const result = derivePenaltyRecord(penalty({ publicityEnd: '2026-06-06' }), defaultCatalog, {
      industry: 'propertyServices',
    });
    expect(result.outcome).toBe('derived');
    if (result.outcome !== 'derived') return;
    expect(result.record).toEqual({
      subjectId: fixtureId(50),
      catalogCode: 'WY-YB-01',
      category: 'generalDishonest',
      title: '未取得施工许可证擅自施工',
      facts: '该公司在未取得施工许可证的情况下组织开工建设。',
      documentNumber: '海建罚字〔2026〕第12号',
      decisionDate: '2026-03-06',
      authority: '某县住房和城乡建设局',
      legalBasis: '《建筑工程施工许可管理办法》第十二条',
      disclosure: 'public',
      publicityStart: '2026-03-06',
      publicityEnd: '2027-03-06',
      source: 'penalty',
      sourceId: fixtureId(60),
      attachments: [],
      status: 'draft',
      workflow: [],
    });
    expect(
      validateCreditRecordInput(result.record, { catalog: defaultCatalog, today: '2026-03-20' }).ok,
    ).toBe(true);
  });

  it('files serious penalties as serious dishonesty for three years', () => {
    const result = derivePenaltyRecord(penalty({ severity: 'serious' }), defaultCatalog, {
      industry: 'construction',
    });
    expect(result.outcome === 'derived' && result.record).toMatchObject({
      catalogCode: 'JZ-YZ-02',
      category: 'seriousDishonest',
      publicityEnd: '2029-03-06',
    });
  });

  it('chooses a practitioner item for natural persons', () => {
    const person = penalty({
      partyCategory: '02',
      partyUscc: '',
      legalRepresentative: '',
      partyIdType: '01',
      partyIdNumber: fixtureCodes.person,
    });
    const result = derivePenaltyRecord(person, defaultCatalog, { industry: 'realEstateBrokerage' });
    expect(result.outcome === 'derived' && result.record.catalogCode).toBe('JJ-YB-02');
  });

  it('uses the first matching item without an industry, or the item asked for', () => {
    const first = derivePenaltyRecord(penalty(), defaultCatalog);
    expect(first.outcome === 'derived' && first.record.catalogCode).toBe('JZ-YB-01');
    const chosen = derivePenaltyRecord(penalty(), defaultCatalog, { catalogCode: 'FK-YB-01' });
    expect(chosen.outcome === 'derived' && chosen.record.catalogCode).toBe('FK-YB-01');
  });

  it('never ends before the publicity end the penalty states, within the maximum', () => {
    const longer = derivePenaltyRecord(penalty({ publicityEnd: '2027-09-06' }), defaultCatalog, {
      industry: 'propertyServices',
      catalogCode: 'WY-YB-01',
      publicity: {
        ...defaultPublicityConfig,
        categories: {
          ...defaultPublicityConfig.categories,
          generalDishonest: { minMonths: 3, maxMonths: 24 },
        },
      },
    });
    expect(longer.outcome === 'derived' && longer.record.publicityEnd).toBe('2027-03-06');
    const item = { ...defaultCatalog.find((i) => i.code === 'WY-YB-01')! };
    item.publicity = { whileValid: false, minMonths: 3, maxMonths: 12, defaultMonths: 6 };
    const stated = derivePenaltyRecord(penalty({ publicityEnd: '2026-12-06' }), [item]);
    expect(stated.outcome === 'derived' && stated.record.publicityEnd).toBe('2026-12-06');
    const capped = derivePenaltyRecord(penalty({ publicityEnd: '2028-01-01' }), [item]);
    expect(capped.outcome === 'derived' && capped.record.publicityEnd).toBe('2027-03-06');
  });

  it('excludes simple-procedure and minor penalties, and licences', () => {
    expect(derivePenaltyRecord(penalty({ simpleProcedure: true }), defaultCatalog)).toEqual({
      outcome: 'excluded',
      reason: 'simpleProcedure',
    });
    expect(derivePenaltyRecord(penalty({ severity: 'minor' }), defaultCatalog)).toEqual({
      outcome: 'excluded',
      reason: 'minorSeverity',
    });
    expect(derivePenaltyRecord(asDocument(sampleLicence(), 61), defaultCatalog)).toEqual({
      outcome: 'excluded',
      reason: 'notPenalty',
    });
  });

  it('publishes minor penalties for at most the configured months when configuration says so', () => {
    const publishMinor = { ...defaultPublicityConfig, minorPenalty: { published: true, maxMonths: 3 } };
    const result = derivePenaltyRecord(penalty({ severity: 'minor' }), defaultCatalog, {
      industry: 'propertyServices',
      publicity: publishMinor,
    });
    expect(result.outcome === 'derived' && result.record).toMatchObject({
      catalogCode: 'WY-YB-01',
      publicityEnd: '2026-06-06',
    });
  });

  it('says when no catalog item receives the penalty', () => {
    const enterpriseOnly = defaultCatalog.filter((item) => !item.subjectTypes.includes('practitioner'));
    const person = penalty({ partyCategory: '02', severity: 'serious' });
    expect(derivePenaltyRecord(person, enterpriseOnly)).toEqual({
      outcome: 'noCatalogItem',
      severity: 'serious',
      subjectType: 'practitioner',
    });
    const expired = defaultCatalog.map((item) => ({ ...item, validUntil: '2025-12-31' }));
    expect(derivePenaltyRecord(penalty(), expired).outcome).toBe('noCatalogItem');
  });
});
