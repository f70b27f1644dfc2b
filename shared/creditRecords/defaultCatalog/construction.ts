/** The construction market (建筑市场, JZ) items of the default catalog. */
import type { CatalogItem } from '../catalog.ts';
import { commitmentChecks, item, law, office, penaltyDecisions } from './items.ts';

export const constructionItems: readonly CatalogItem[] = [
  item({
    code: 'JZ-JC-01',
    category: 'basic',
    name: ['建筑业企业资质信息', 'Construction enterprise qualifications'],
    content: [
      '企业资质类别、等级、证书编号、有效期及资质变更记录',
      'Qualification type, level, certificate number, validity and changes',
    ],
    basis: [law.construction, law.qualification],
    source: ['资质审批部门', 'Qualification approval authority'],
  }),
  item({
    code: 'JZ-JC-02',
    category: 'basic',
    name: ['注册执业人员信息', 'Registered practitioners'],
    content: [
      '注册建造师等执业人员的注册类别、注册单位、证书编号和有效期',
      'Registration type, employer, certificate number and validity of registered constructors and similar',
    ],
    basis: [law.constructor],
    source: ['执业注册管理部门', 'Practitioner registration authority'],
    subjects: ['practitioner'],
    disclosure: 'authorised',
  }),
  item({
    code: 'JZ-JC-03',
    category: 'basic',
    name: ['建筑工程施工许可信息', 'Construction permits'],
    content: [
      '施工许可证编号、工程名称、建设规模、发证日期及参建单位',
      'Permit number, project name, scale, issue date and participating firms',
    ],
    basis: [law.construction, law.permit],
    source: office,
  }),
  item({
    code: 'JZ-ZX-01',
    category: 'enhancing',
    name: ['优质工程及表彰奖励', 'Quality project awards and honours'],
    content: [
      '省级以上优质工程、安全文明标准化工地等奖项和政府部门表彰',
      'Provincial or higher quality project and safe-site awards, government commendations',
    ],
    basis: [law.market],
    source: ['评选或表彰单位', 'Awarding body'],
  }),
  item({
    code: 'JZ-ZX-02',
    category: 'enhancing',
    name: ['诚信典型与守信激励', 'Trustworthiness exemplars'],
    content: [
      '被主管部门认定为诚信典型或纳入守信激励对象的情况',
      'Recognition as an exemplar of trustworthiness or as a target of trust incentives',
    ],
    basis: [law.market, law.catalog],
    source: office,
  }),
  item({
    code: 'JZ-YB-01',
    category: 'generalDishonest',
    name: ['建筑市场一般行政处罚', 'Construction market penalties (general)'],
    content: [
      '企业因一般违法违规行为受到的行政处罚，如未取得施工许可擅自施工、违反质量安全管理规定',
      'Penalties on firms for ordinary violations, such as building without a permit or breaching quality and safety rules',
    ],
    basis: [law.penalty, law.market, law.repair],
    source: penaltyDecisions,
    severity: 'general',
  }),
  item({
    code: 'JZ-YB-02',
    category: 'generalDishonest',
    name: ['执业人员一般行政处罚', 'Practitioner penalties (general)'],
    content: [
      '注册执业人员因违规执业受到的行政处罚',
      'Penalties on registered practitioners for irregular practice',
    ],
    basis: [law.penalty, law.constructor, law.repair],
    source: penaltyDecisions,
    subjects: ['practitioner'],
    severity: 'general',
  }),
  item({
    code: 'JZ-YB-03',
    category: 'generalDishonest',
    name: ['违背信用承诺', 'Breached credit commitments'],
    content: [
      '告知承诺、容缺受理等承诺事项经核查未履行的情况',
      'Commitments under notification-and-commitment or accept-with-missing-materials found unfulfilled',
    ],
    basis: [law.market, law.catalog],
    source: commitmentChecks,
  }),
  item({
    code: 'JZ-YZ-01',
    category: 'seriousDishonest',
    name: ['建筑市场严重失信主体名单', 'Construction market serious-dishonesty list'],
    content: [
      '以虚假材料取得资质、转包或出借资质受到处罚、发生重大及以上质量安全事故、拒不履行生效判决确认的工程款支付义务等被列入名单的情况',
      'Listing for qualifications obtained with false materials, penalised subcontracting-on or lending of qualifications, major quality or safety accidents, or refusing to pay confirmed construction debts',
    ],
    basis: [law.market, law.sanctions],
    source: ['作出处罚或认定的主管部门', 'Authority that imposed the penalty or made the finding'],
  }),
  item({
    code: 'JZ-YZ-02',
    category: 'seriousDishonest',
    name: ['建筑市场严重违法行政处罚', 'Construction market penalties (serious)'],
    content: [
      '企业因严重违法行为受到的行政处罚，如降低资质等级、吊销资质证书、责令停业整顿',
      'Penalties on firms for serious violations, such as lowering or revoking qualifications or ordering suspension',
    ],
    basis: [law.penalty, law.quality, law.safety, law.repair],
    source: penaltyDecisions,
    severity: 'serious',
  }),
  item({
    code: 'JZ-YZ-03',
    category: 'seriousDishonest',
    name: ['执业人员严重违法行政处罚', 'Practitioner penalties (serious)'],
    content: [
      '注册执业人员受到吊销注册证书、一定期限内不予注册等处罚的情况',
      'Practitioners whose registration was revoked or barred for a period',
    ],
    basis: [law.penalty, law.constructor, law.repair],
    source: penaltyDecisions,
    subjects: ['practitioner'],
    severity: 'serious',
  }),
  item({
    code: 'JZ-FX-01',
    category: 'riskWarning',
    name: ['拖欠农民工工资预警', 'Migrant-wage arrears warnings'],
    content: [
      '工程项目出现拖欠农民工工资投诉或欠薪线索，尚在核查处理中',
      'Complaints or leads about unpaid migrant workers on a project, still under investigation',
    ],
    basis: [law.wages],
    source: ['欠薪治理工作机构', 'Wage-arrears task force'],
  }),
  item({
    code: 'JZ-FX-02',
    category: 'riskWarning',
    name: ['质量安全隐患逾期未整改', 'Overdue quality and safety rectification'],
    content: [
      '监督检查发现的质量安全隐患超过整改期限仍未整改完毕',
      'Quality or safety hazards found in inspections and not rectified by the deadline',
    ],
    basis: [law.quality, law.safety],
    source: ['工程质量安全监督机构', 'Quality and safety supervision station'],
    frequency: 'onChange',
  }),
];
