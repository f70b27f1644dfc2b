/**
 * Synthetic fixtures for the credit-file tests: made-up parties with codes whose check characters are
 * computed, never real people's numbers.
 */
import type { BaseDocument } from '../base/document.ts';
import { type DisclosureInput, emptyDisclosureInput } from '../disclosures/model.ts';
import { idCheckChar, usccCheckChar } from '../base/identifiers.ts';

export const withUsccCheck = (first17: string): string => first17 + usccCheckChar(first17);
export const withIdCheck = (first17: string): string => first17 + idCheckChar(first17);

export const fixtureCodes = {
  enterprise: withUsccCheck('91150303MA0R1B2C3'),
  authority: withUsccCheck('11150303MB1234567'),
  sourceUnit: withUsccCheck('11150300MB7654321'),
  person: withIdCheck('15030319850315201'),
} as const;

/** A fixed, valid UUIDv7 numbered `n`. */
export function fixtureId(n: number): string {
  return `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function samplePenalty(overrides: Partial<DisclosureInput> = {}): DisclosureInput {
  return {
    ...emptyDisclosureInput('penalty'),
    partyName: '乌海市某某建筑工程有限公司',
    partyCategory: '01',
    partyUscc: fixtureCodes.enterprise,
    legalRepresentative: '张三',
    documentNumber: '海建罚字〔2026〕第12号',
    violationType: '未取得施工许可证擅自施工',
    violationFacts: '该公司在未取得施工许可证的情况下组织开工建设。',
    legalBasis: '《建筑工程施工许可管理办法》第十二条',
    penaltyCategories: ['03'],
    content: '罚款人民币二万元',
    fineAmount: '2',
    decisionDate: '2026-03-06',
    validUntil: '2027-03-06',
    publicityEnd: '2027-03-06',
    authority: '某县住房和城乡建设局',
    authorityCode: fixtureCodes.authority,
    sourceUnit: '某县住房和城乡建设局',
    sourceUnitCode: fixtureCodes.authority,
    severity: 'general',
    ...overrides,
  };
}

export function sampleLicence(overrides: Partial<DisclosureInput> = {}): DisclosureInput {
  return {
    ...emptyDisclosureInput('licence'),
    partyName: '乌海市某某房地产开发有限公司',
    partyCategory: '01',
    partyUscc: fixtureCodes.enterprise,
    legalRepresentative: '李四',
    documentName: '建筑工程施工许可证',
    documentNumber: '150303202603060101',
    licenceCategory: '01',
    certificateName: '建筑工程施工许可证',
    licenceNumber: '150303202603060101',
    content: '准予某住宅小区1#楼施工',
    decisionDate: '2026-03-06',
    validFrom: '2026-03-06',
    validUntil: '2029-03-05',
    authority: '某县住房和城乡建设局',
    authorityCode: fixtureCodes.authority,
    licenceStatus: '1',
    sourceUnit: '某县住房和城乡建设局',
    sourceUnitCode: fixtureCodes.sourceUnit,
    ...overrides,
  };
}

/** Adds stamp fields, as the repository layer would. */
export function asDocument<T extends object>(input: T, n: number, createdBy = 'clerk-1'): T & BaseDocument {
  return {
    ...input,
    id: fixtureId(n),
    county: '150303',
    createdAt: '2026-03-06T02:00:00.000Z',
    updatedAt: '2026-03-06T02:00:00.000Z',
    createdBy,
    updatedBy: createdBy,
  };
}
