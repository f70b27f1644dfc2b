/** The property services (物业服务, WY) items of the default catalog. */
import type { CatalogItem } from '../catalog.ts';
import { commitmentChecks, item, law, office, penaltyDecisions } from './items.ts';

export const propertyItems: readonly CatalogItem[] = [
  item({
    code: 'WY-JC-01',
    category: 'basic',
    name: ['物业服务企业及项目信息', 'Property service firms and projects'],
    content: [
      '企业登记信息、服务项目、物业服务合同备案和项目负责人',
      'Registration, managed estates, filed service contracts and estate managers',
    ],
    basis: [law.property],
    source: office,
  }),
  item({
    code: 'WY-ZX-01',
    category: 'enhancing',
    name: ['物业服务示范项目', 'Model property service estates'],
    content: [
      '被评为物业管理示范项目或获得主管部门表彰的情况',
      'Estates rated as model property management projects or commended by the authority',
    ],
    basis: [law.property, law.catalog],
    source: ['评选或表彰单位', 'Awarding body'],
  }),
  item({
    code: 'WY-YB-01',
    category: 'generalDishonest',
    name: ['物业服务一般行政处罚', 'Property service penalties (general)'],
    content: [
      '物业服务企业因擅自改变共用部位用途、挪用专项维修资金以外的一般违规行为受到的行政处罚',
      'Penalties on property firms for ordinary violations such as changing the use of common parts',
    ],
    basis: [law.penalty, law.property, law.repair],
    source: penaltyDecisions,
    severity: 'general',
  }),
  item({
    code: 'WY-YB-02',
    category: 'generalDishonest',
    name: ['检查不合格逾期未整改', 'Failed inspections not rectified'],
    content: [
      '物业服务检查中发现的问题经责令整改后逾期仍未整改',
      'Problems found in property service inspections and not rectified after an order to do so',
    ],
    basis: [law.property],
    source: ['物业服务监督检查', 'Property service inspections'],
  }),
  item({
    code: 'WY-YB-03',
    category: 'generalDishonest',
    name: ['物业服务企业违背信用承诺', 'Property service firms’ breached commitments'],
    content: [
      '物业服务企业在合同备案、年度行业自律等事项中作出的信用承诺经核查未履行',
      'Commitments made by property firms in contract filings, yearly self-discipline and similar found unfulfilled',
    ],
    basis: [law.property, law.creditSystem, law.catalog],
    source: commitmentChecks,
  }),
  item({
    code: 'WY-YZ-01',
    category: 'seriousDishonest',
    name: ['物业服务严重违法行政处罚', 'Property service penalties (serious)'],
    content: [
      '物业服务企业因挪用专项维修资金、拒不移交物业等严重违法行为受到的行政处罚',
      'Penalties on property firms for serious violations such as diverting maintenance funds or refusing handover',
    ],
    basis: [law.penalty, law.property, law.repair],
    source: penaltyDecisions,
    severity: 'serious',
  }),
  item({
    code: 'WY-FX-01',
    category: 'riskWarning',
    name: ['物业服务集中投诉', 'Clustered property service complaints'],
    content: [
      '同一项目短期内投诉集中、尚在调查处理中的情况',
      'Many complaints about one estate within a short time, still under investigation',
    ],
    basis: [law.property],
    source: ['投诉举报受理渠道', 'Complaint channels'],
    disclosure: 'notDisclosed',
  }),
];
