/**
 * The demo's commitment letters (`npm start`): one of most types, each for an active enterprise of the
 * matter's industry, signed some days before the demo starts, so the follow-up queue has an overdue
 * 容缺受理 letter, the credit file a fulfilment record and a proposed dishonest record, and the campaign
 * a year of self-discipline drafts to print and mark signed.
 */
import type { CommitmentInput } from '../commitments/model.ts';
import type { Industry } from '../subjects/model.ts';

export interface DemoFinding {
  result: 'fulfilled' | 'notFulfilled';
  facts: string;
  unfulfilledContent: string;
  actionTaken: string;
}

export interface DemoCommitment
  extends Pick<CommitmentInput, 'type' | 'matterCode' | 'reason' | 'missingMaterials' | 'signatory'> {
  /** The letter is made for the `pick`-th active enterprise (by name) of this industry. */
  industry: Industry;
  pick: number;
  /** Calendar days before the demo's first day the letter was signed. */
  signedDaysAgo: number;
  /** Recorded after acceptance: fulfilled, or a breach proposed for a reviewer to confirm. */
  finding?: DemoFinding;
}

export const demoCommitments: readonly DemoCommitment[] = [
  {
    industry: 'construction',
    pick: 0,
    type: 'missingMaterials',
    matterCode: 'SG-XK',
    reason: '申请办理建筑工程施工许可，施工图设计文件审查合格书尚在办理中',
    missingMaterials: ['施工图设计文件审查合格书'],
    signatory: '李建国',
    // Five working days to supply the missing certificate: long past.
    signedDaysAgo: 20,
  },
  {
    industry: 'construction',
    pick: 1,
    type: 'missingMaterials',
    matterCode: 'JG-BA',
    reason: '申请办理竣工验收备案，工程质量保修书原件暂缺',
    missingMaterials: ['工程质量保修书（原件）'],
    signatory: '张海燕',
    signedDaysAgo: 1,
  },
  {
    industry: 'realEstateDevelopment',
    pick: 0,
    type: 'approvalSubstitution',
    matterCode: 'YS-XK',
    reason: '申请商品房预售许可，以告知承诺方式办理',
    missingMaterials: [],
    signatory: '王志强',
    signedDaysAgo: 40,
    finding: {
      result: 'fulfilled',
      facts: '经现场核查，预售资金监管协议已签订，承诺事项全部履行。',
      unfulfilledContent: '',
      actionTaken: '',
    },
  },
  {
    industry: 'construction',
    pick: 2,
    type: 'certification',
    matterCode: 'SG-XK',
    reason: '以承诺代替无拖欠农民工工资证明，申请建筑工程施工许可',
    missingMaterials: [],
    signatory: '刘振宇',
    signedDaysAgo: 30,
    finding: {
      result: 'notFulfilled',
      facts: '经核查，该企业在承诺期内存在拖欠农民工工资情形，与承诺内容不符。',
      unfulfilledContent: '未按承诺按时足额支付农民工工资',
      actionTaken: '责令限期改正，并将违诺情况纳入信用记录',
    },
  },
  {
    industry: 'propertyServices',
    pick: 0,
    type: 'voluntary',
    matterCode: 'ZD-CN',
    reason: '主动向社会公开作出物业服务质量信用承诺',
    missingMaterials: [],
    signatory: '陈秀英',
    signedDaysAgo: 10,
  },
];

/** The demo's self-discipline campaign: the current year, for the brokerage agencies. */
export const demoCampaign = { matterCode: 'HY-ZL', industries: ['realEstateBrokerage'] as Industry[] };
