import type { CaseDocument } from './model.ts';

const sha = (digit: string) => digit.repeat(64);

/** A valid repair application entered by `clerk-1` about a record `clerk-2` entered. */
export function sampleRepairCase(overrides: Partial<CaseDocument> = {}): CaseDocument {
  return {
    id: '019a0000-0000-7000-8000-000000000001',
    county: '410823',
    createdAt: '2026-05-04T02:00:00.000Z',
    updatedAt: '2026-05-04T02:00:00.000Z',
    createdBy: 'clerk-1',
    updatedBy: 'clerk-1',
    kind: 'repair',
    subjectId: '019a0000-0000-7000-8000-0000000000a1',
    recordId: '019a0000-0000-7000-8000-0000000000b1',
    recordEnteredBy: ['clerk-2'],
    applicant: '王伟',
    applicationDate: '2026-05-04',
    statement: '罚款已于 2026-01-10 缴清，违规项目已整改完毕',
    obligationsPerformed: true,
    commitmentText: '本单位承诺今后严格遵守法律法规，如有违反自愿接受惩戒',
    commitmentSignatory: '王伟',
    commitmentDate: '2026-05-04',
    commitmentScans: [{ sha256: sha('a'), name: '承诺书.pdf', mimeType: 'application/pdf', size: 1024 }],
    proofs: [{ sha256: sha('b'), name: '缴款凭证.jpg', mimeType: 'image/jpeg', size: 2048 }],
    channel: 'local',
    nationalReference: '',
    status: 'applied',
    workflow: [],
    ...overrides,
  };
}

/** A valid objection raised by `clerk-1` about a record `clerk-2` entered. */
export function sampleObjectionCase(overrides: Partial<CaseDocument> = {}): CaseDocument {
  return sampleRepairCase({
    kind: 'objection',
    statement: '处罚决定书载明的项目名称有误',
    obligationsPerformed: false,
    commitmentText: '',
    commitmentSignatory: '',
    commitmentDate: '',
    commitmentScans: [],
    status: 'raised',
    ...overrides,
  });
}
