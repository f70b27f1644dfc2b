/** Synthetic commitments for the tests (codes from the credit-file fixtures, never real parties). */
import { fixtureCodes, fixtureId } from '../creditRecords/testFixtures.ts';
import type { RuleSetDocument } from '../grading/ruleSet.ts';
import { uuidv7 } from '../base/uuid.ts';
import { type CommitmentMatter, defaultCommitmentMatters, findMatter } from './matters.ts';
import {
  type CommitmentDocument,
  type CommitmentInput,
  type CommitmentOutcome,
  emptyCommitmentInput,
  emptyOutcome,
} from './model.ts';

export const clerk = { userId: 'clerk-1', roles: ['clerk'] } as const;
export const secondClerk = { userId: 'clerk-2', roles: ['clerk'] } as const;
export const reviewer = { userId: 'reviewer-1', roles: ['reviewer'] } as const;

/** An accepted 容缺受理 commitment for a construction permit, signed 2026-09-30. */
export function sampleCommitment(
  overrides: Partial<CommitmentInput> = {},
): CommitmentInput & { createdBy: string } {
  return {
    createdBy: clerk.userId,
    ...emptyCommitmentInput(),
    number: '15030320260930100001',
    subjectId: fixtureId(1),
    subjectName: '乌海市某某建筑工程有限公司',
    subjectCode: fixtureCodes.enterprise,
    type: 'missingMaterials',
    matterCode: 'SG-XK',
    reason: '申请办理建筑工程施工许可，部分非主要材料暂缺',
    content: '于规定期限内补齐材料。',
    missingMaterials: ['施工图设计文件审查合格书'],
    materialsDeadline: '2026-10-13',
    liability: '如违反承诺，愿意承担相应法律责任。',
    signatory: '张三',
    signingDate: '2026-09-30',
    acceptedBy: clerk.userId,
    acceptingUnit: '海勃湾区住房和城乡建设局',
    acceptanceCheck: { checkedAt: '2026-09-30T02:00:00.000Z', eligible: true, findings: [] },
    status: 'accepted',
    workflow: [{ action: 'accept', by: clerk.userId, at: '2026-09-30T02:00:00.000Z', note: '' }],
    ...overrides,
  };
}

/**
 * A letter accepted by `clerkId` as a device of `county` pushes it: numbered from `serial`, stamped at `at`.
 */
export function pushedCommitment(
  county: string,
  clerkId: string,
  serial: number,
  at: string,
  overrides: Partial<CommitmentInput> = {},
): CommitmentDocument {
  const { createdBy: _author, ...input } = sampleCommitment({
    number: `15030320260930${String(serial).padStart(6, '0')}`,
    acceptedBy: clerkId,
    workflow: [{ action: 'accept', by: clerkId, at: '2026-09-30T02:00:00.000Z', note: '' }],
    ...overrides,
  });
  return {
    ...input,
    id: uuidv7(),
    county,
    createdAt: at,
    updatedAt: at,
    createdBy: clerkId,
    updatedBy: clerkId,
  };
}

export function finding(overrides: Partial<CommitmentOutcome> = {}): CommitmentOutcome {
  return {
    ...emptyOutcome(),
    result: 'notFulfilled',
    decisionDate: '2026-10-20',
    decidingUnit: '海勃湾区住房和城乡建设局',
    facts: '截至补交期限，申请人未补交施工图设计文件审查合格书。',
    unfulfilledContent: '未补交施工图设计文件审查合格书',
    actionTaken: '终止办理并将违诺情况纳入信用记录',
    ...overrides,
  };
}

/** A published version of the list of commitment matters, as the city's rule-set document. */
export function matterListDocument(
  matters: CommitmentMatter[],
  version = 1,
  validFrom = '2026-01-01',
): RuleSetDocument {
  return {
    id: fixtureId(900 + version),
    county: '150300',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'city-admin',
    updatedBy: 'city-admin',
    kind: 'ruleSet',
    ruleSet: 'commitmentMatters',
    code: 'city',
    version,
    validFrom,
    matters,
  };
}

/** An accepted letter as a device pushes it: stamped in `county` by `clerkId`, numbered with `serial`. */
export const permitMatter = findMatter(defaultCommitmentMatters, 'SG-XK')!;

/** A matter a city adds to the default set (not published: its commitments stay off the export). */
export const maintenanceFundMatter: CommitmentMatter = {
  ...permitMatter,
  code: 'WX-ZJ',
  name: { zh: '住宅专项维修资金交存', en: 'Housing maintenance fund deposit' },
  publicity: 'notPublic',
};
