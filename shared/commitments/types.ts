/**
 * The vocabulary of credit commitments (信用承诺): the seven types of the public credit platform SDK and
 * the statuses a commitment passes through. Kept apart so the model, matters and templates share it.
 */

/**
 * 审批替代型 (告知承诺制), 容缺受理型, 证明事项型, 信用修复型, 行业自律型, 主动型, 其他.
 */
export const commitmentTypes = [
  'approvalSubstitution',
  'missingMaterials',
  'certification',
  'creditRepair',
  'industrySelfDiscipline',
  'voluntary',
  'other',
] as const;
export type CommitmentType = (typeof commitmentTypes)[number];

/** Types accepted in place of an approval condition: the acceptance check applies to them. */
export const checkedTypes: readonly CommitmentType[] = [
  'approvalSubstitution',
  'missingMaterials',
  'certification',
];

/**
 * 草稿 → 已受理 → 全部履行 / 部分履行 / 全部未履行 / 虚假承诺, or 已撤回. A breach waits in
 * `breachProposed` until a second person confirms it (four-eyes).
 */
export const commitmentStatuses = [
  'draft',
  'accepted',
  'breachProposed',
  'fulfilled',
  'partlyFulfilled',
  'notFulfilled',
  'falseCommitment',
  'withdrawn',
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** The outcomes a breach finding can have. */
export const breachOutcomes = ['partlyFulfilled', 'notFulfilled', 'falseCommitment'] as const;
export type BreachOutcome = (typeof breachOutcomes)[number];

/** Statuses with a final fulfilment result (承诺履行状态 recorded). */
export const decidedStatuses: readonly CommitmentStatus[] = ['fulfilled', ...breachOutcomes];

/** Statuses still awaiting fulfilment. */
export const openStatuses: readonly CommitmentStatus[] = ['accepted', 'breachProposed'];

export const commitmentPublicity = ['public', 'notPublic'] as const;
export type CommitmentPublicity = (typeof commitmentPublicity)[number];
