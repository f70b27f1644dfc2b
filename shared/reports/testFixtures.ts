/** A made-up subject file for report and verification tests. */
import {
  asDocument,
  fixtureCodes,
  fixtureId,
  sampleLicence,
  samplePenalty,
} from '../creditRecords/testFixtures.ts';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { type CreditRecordDocument, emptyCreditRecordInput } from '../creditRecords/model.ts';
import type { DisclosureDocument } from '../disclosures/model.ts';
import { emptySubjectInput, type SubjectDocument } from '../subjects/model.ts';
import type { CommitmentDocument } from '../commitments/model.ts';
import { sampleCommitment } from '../commitments/testFixtures.ts';
import { type InspectionDocument, noSignature } from '../inspections/document.ts';
import type { ListingDocument } from '../lists/listing.ts';
import { proposedBlackListing } from '../lists/testFixtures.ts';
import type { StampFields } from '../base/document.ts';
import type { SubjectCreditFile } from './file.ts';

export function sampleSubject(overrides: Partial<SubjectDocument> = {}): SubjectDocument {
  return {
    ...asDocument(
      {
        ...emptySubjectInput('enterprise'),
        name: '乌海市某某建筑工程有限公司',
        code: fixtureCodes.enterprise,
        industry: 'construction' as const,
        legalRepresentative: '张三',
        address: '内蒙古自治区乌海市海勃湾区某某路 1 号',
        phone: '13800000000',
        qualification: '建筑工程施工总承包',
        qualificationLevel: '二级',
      },
      1,
    ),
    ...overrides,
  };
}

export function samplePractitioner(): SubjectDocument {
  return sampleSubject({
    kind: 'practitioner',
    name: '王五',
    code: fixtureCodes.person,
    legalRepresentative: '',
    address: '',
    qualification: '一级建造师',
    qualificationLevel: '',
    certificateNumber: '蒙115060801234',
  });
}

export function sampleRecord(n: number, overrides: Partial<CreditRecordDocument> = {}): CreditRecordDocument {
  return {
    ...asDocument(
      {
        ...emptyCreditRecordInput(),
        subjectId: sampleSubject().id,
        catalogCode: 'JZ-YB-01',
        category: 'generalDishonest',
        title: '未按规定办理施工许可',
        facts: '擅自开工建设。',
        documentNumber: `海建信〔2026〕${n}号`,
        decisionDate: '2026-03-10',
        authority: '某县住房和城乡建设局',
        legalBasis: '《建筑工程施工许可管理办法》',
        disclosure: 'public' as const,
        publicityStart: '2026-03-10',
        publicityEnd: '2027-03-10',
        status: 'approved' as const,
      },
      n,
    ),
    ...overrides,
  };
}

export function sampleDecision(
  kind: 'licence' | 'penalty',
  n: number,
  overrides: Partial<DisclosureDocument> = {},
): DisclosureDocument {
  const input = kind === 'licence' ? sampleLicence() : samplePenalty();
  return {
    ...asDocument({ ...input, subjectId: sampleSubject().id, derivedRecordId: '' }, n),
    ...overrides,
  } as DisclosureDocument;
}

export function sampleFile(overrides: Partial<SubjectCreditFile> = {}): SubjectCreditFile {
  return {
    subject: sampleSubject(),
    creditRecords: [
      sampleRecord(10),
      sampleRecord(11, { category: 'enhancing', title: '获评省级优质工程', disclosure: 'public' }),
      sampleRecord(12, { title: '内部共享记录', disclosure: 'shared' }),
      sampleRecord(13, { title: '草稿记录', status: 'draft' }),
      sampleRecord(14, { title: '已撤销记录', status: 'revoked' }),
      sampleRecord(15, {
        title: '已修复记录',
        status: 'repaired',
        workflow: [{ action: 'repair', by: 'reviewer-1', at: '2026-06-01T02:00:00.000Z', note: '' }],
      }),
    ],
    disclosures: [sampleDecision('licence', 20), sampleDecision('penalty', 21)],
    catalog: defaultCatalog,
    commitments: [],
    listings: [],
    cityListEntries: [],
    grade: null,
    inspections: [],
    cases: [],
    ...overrides,
  };
}

/** A commitment letter of the sample subject as stored. */
export function sampleCommitmentDocument(
  n: number,
  overrides: Partial<CommitmentDocument> = {},
): CommitmentDocument {
  const { createdBy: _, ...input } = sampleCommitment({ subjectId: sampleSubject().id });
  return { ...asDocument(input, n), ...overrides };
}

/** A black-list entry of the sample subject, decided onto the list. */
export function sampleListing(n: number, overrides: Partial<ListingDocument> = {}): ListingDocument {
  return proposedBlackListing({
    id: fixtureId(n),
    subjectId: sampleSubject().id,
    subjectKey: `uscc:${fixtureCodes.enterprise}`,
    decisionNumber: `海建黑〔2026〕${n}号`,
    status: 'listed',
    ...overrides,
  });
}

/** A submitted inspection of the sample subject with one non-compliant item and its finding. */
export function sampleInspection(n: number, overrides: Partial<InspectionDocument> = {}): InspectionDocument {
  const input: Omit<InspectionDocument, StampFields> = {
    kind: 'inspection',
    subjectId: sampleSubject().id,
    projectId: '',
    planId: '',
    adHocReason: 'complaint',
    adHocNote: '',
    inspectors: ['inspector-1', 'inspector-2'],
    startedAt: '2026-05-06T01:30:00.000Z',
    endedAt: '2026-05-06T03:00:00.000Z',
    gradeBefore: '',
    raisedBefore: false,
    templateIndustry: 'construction',
    templateVersion: 1,
    depth: 'standard',
    items: [
      { code: 'JZ-01', result: 'compliant', note: '', photos: [] },
      { code: 'JZ-02', result: 'nonCompliant', note: '', photos: [] },
    ],
    findings: [
      {
        id: fixtureId(n + 500),
        itemCode: 'JZ-02',
        severity: 'major',
        description: '施工现场未设置安全防护设施',
        rectifyBy: '2026-05-20',
        photos: [],
      },
    ],
    representative: '李四',
    representativeIdNumber: fixtureCodes.person,
    signature: { ...noSignature },
    conclusion: '责令限期整改',
    state: 'submitted',
    steps: [],
    rectifications: [],
  };
  return { ...asDocument(input, n), ...overrides };
}
