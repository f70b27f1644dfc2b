/**
 * The default public credit information catalog for a county housing office: construction market (JZ),
 * real-estate development (FK), property services (WY), real-estate brokerage (JJ) and cross-sector
 * items (TY). Codes read sector-category-number; categories JC basic, ZX enhancing, YB general dishonest,
 * YZ serious dishonest, FX risk warning. Cities replace or extend it through `catalogItem` documents.
 * Version 2026.2 added the commitment items (TY-JC-01, TY-ZX-02, TY-YB-01, TY-YZ-01, WY-YB-03, JJ-YB-03);
 * a profile seeded with 2026.1 keeps its catalog until the city publishes them.
 */
import type {
  CatalogItem,
  DisclosureAttribute,
  PublicityRule,
  SharingMethod,
  UpdateFrequency,
} from './catalog.ts';
import type { Industry, SubjectKind } from '../subjects/model.ts';

export const defaultCatalogVersion = '2026.2';
const validFrom = '2021-01-01';

const law = {
  construction: '《中华人民共和国建筑法》',
  penalty: '《中华人民共和国行政处罚法》（2021年修订）',
  repair: '《信用修复管理办法》（国家发展改革委令2025年第36号）',
  market: '《建筑市场信用管理暂行办法》（建市〔2017〕241号）',
  qualification: '《建筑业企业资质管理规定》（住房城乡建设部令第22号）',
  constructor: '《注册建造师管理规定》（建设部令第153号）',
  permit: '《建筑工程施工许可管理办法》（住房城乡建设部令第18号）',
  quality: '《建设工程质量管理条例》',
  safety: '《建设工程安全生产管理条例》',
  wages: '《保障农民工工资支付条例》（国务院令第724号）',
  realEstate: '《中华人民共和国城市房地产管理法》',
  development: '《城市房地产开发经营管理条例》',
  developerQualification: '《房地产开发企业资质管理规定》',
  presale: '《城市商品房预售管理办法》',
  property: '《物业管理条例》',
  brokerage: '《房地产经纪管理办法》',
  catalog: '《全国公共信用信息基础目录（2021年版）》',
  sanctions: '《全国失信惩戒措施基础清单（2021年版）》',
  enterprisePublicity: '《企业信息公示暂行条例》',
  creditSystem: '《中共中央办公厅、国务院办公厅关于健全社会信用体系的意见》（2025年）',
} as const;

const commitmentChecks: [string, string] = [
  '承诺受理及核查部门',
  'Authority accepting and checking the commitment',
];

const sectors = {
  JZ: ['construction'],
  FK: ['realEstateDevelopment'],
  WY: ['propertyServices'],
  JJ: ['realEstateBrokerage'],
  TY: [
    'construction',
    'realEstateDevelopment',
    'propertyServices',
    'realEstateBrokerage',
    'costConsulting',
    'landscaping',
  ],
} as const satisfies Record<string, readonly Industry[]>;

type Category = 'basic' | 'enhancing' | 'generalDishonest' | 'seriousDishonest' | 'riskWarning';

/** Per category: disclosure, sharing, update frequency and publicity months (min, default, max). */
const categoryDefaults: Record<
  Category,
  {
    disclosure: DisclosureAttribute;
    sharing: SharingMethod;
    frequency: UpdateFrequency;
    publicity: PublicityRule;
  }
> = {
  basic: {
    disclosure: 'public',
    sharing: 'platformReport',
    frequency: 'onChange',
    publicity: { whileValid: true, minMonths: 0, maxMonths: 0, defaultMonths: 0 },
  },
  enhancing: {
    disclosure: 'public',
    sharing: 'platformReport',
    frequency: 'onChange',
    publicity: { whileValid: false, minMonths: 12, maxMonths: 36, defaultMonths: 36 },
  },
  generalDishonest: {
    disclosure: 'public',
    sharing: 'platformReport',
    frequency: 'onChange',
    publicity: { whileValid: false, minMonths: 3, maxMonths: 12, defaultMonths: 12 },
  },
  seriousDishonest: {
    disclosure: 'public',
    sharing: 'platformReport',
    frequency: 'onChange',
    publicity: { whileValid: false, minMonths: 12, maxMonths: 36, defaultMonths: 36 },
  },
  riskWarning: {
    disclosure: 'shared',
    sharing: 'interfaceQuery',
    frequency: 'monthly',
    publicity: { whileValid: false, minMonths: 1, maxMonths: 12, defaultMonths: 6 },
  },
};

interface ItemSpec {
  code: `${keyof typeof sectors}-${string}`;
  category: Category;
  name: [zh: string, en: string];
  content: [zh: string, en: string];
  basis: string[];
  source: [zh: string, en: string];
  subjects?: SubjectKind[];
  severity?: CatalogItem['penaltySeverity'];
  disclosure?: DisclosureAttribute;
  frequency?: UpdateFrequency;
  publicity?: PublicityRule;
}

function item(spec: ItemSpec): CatalogItem {
  const defaults = categoryDefaults[spec.category];
  const sector = spec.code.slice(0, 2) as keyof typeof sectors;
  return {
    code: spec.code,
    name: { zh: spec.name[0], en: spec.name[1] },
    category: spec.category,
    content: { zh: spec.content[0], en: spec.content[1] },
    basis: spec.basis,
    disclosure: spec.disclosure ?? defaults.disclosure,
    collectionSource: { zh: spec.source[0], en: spec.source[1] },
    sharingMethod: defaults.sharing,
    updateFrequency: spec.frequency ?? defaults.frequency,
    subjectTypes: spec.subjects ?? ['enterprise'],
    industries: [...sectors[sector]],
    publicity: spec.publicity ?? defaults.publicity,
    penaltySeverity: spec.severity ?? '',
    catalogVersion: defaultCatalogVersion,
    validFrom,
    validUntil: '',
  };
}

const office: [string, string] = ['县住房和城乡建设主管部门', 'County housing and construction authority'];
const penaltyDecisions: [string, string] = [
  '县住房和城乡建设主管部门作出的行政处罚决定',
  'Penalty decisions of the county housing authority',
];

export const defaultCatalog: readonly CatalogItem[] = [
  // Construction market (建筑市场)
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
  // Real-estate development (房地产开发)
  item({
    code: 'FK-JC-01',
    category: 'basic',
    name: ['房地产开发企业资质信息', 'Developer qualifications'],
    content: [
      '开发企业资质等级、证书编号、有效期及项目手册备案情况',
      'Developer qualification level, certificate number, validity and project handbook filings',
    ],
    basis: [law.realEstate, law.development, law.developerQualification],
    source: ['资质审批部门', 'Qualification approval authority'],
  }),
  item({
    code: 'FK-JC-02',
    category: 'basic',
    name: ['商品房预售许可信息', 'Pre-sale permits'],
    content: [
      '预售许可证编号、项目名称、预售范围、预售资金监管账户',
      'Pre-sale permit number, project, scope and escrow account for pre-sale funds',
    ],
    basis: [law.realEstate, law.presale],
    source: office,
  }),
  item({
    code: 'FK-ZX-01',
    category: 'enhancing',
    name: ['开发企业表彰奖励', 'Developer awards'],
    content: [
      '开发项目获得的住宅品质、绿色建筑等奖项和表彰',
      'Awards and commendations for housing quality, green building and similar',
    ],
    basis: [law.catalog],
    source: ['评选或表彰单位', 'Awarding body'],
  }),
  item({
    code: 'FK-YB-01',
    category: 'generalDishonest',
    name: ['房地产开发一般行政处罚', 'Developer penalties (general)'],
    content: [
      '开发企业因违规销售、虚假宣传、未按规定办理交付等受到的行政处罚',
      'Penalties on developers for irregular sales, misleading advertising, improper handover and similar',
    ],
    basis: [law.penalty, law.development, law.repair],
    source: penaltyDecisions,
    severity: 'general',
  }),
  item({
    code: 'FK-YB-02',
    category: 'generalDishonest',
    name: ['开发企业违背信用承诺', 'Developer breached commitments'],
    content: [
      '开发企业在资质申请、预售许可中作出的承诺经核查未履行',
      'Commitments made by developers in qualification or pre-sale applications found unfulfilled',
    ],
    basis: [law.catalog],
    source: commitmentChecks,
  }),
  item({
    code: 'FK-YZ-01',
    category: 'seriousDishonest',
    name: ['房地产开发严重违法行政处罚', 'Developer penalties (serious)'],
    content: [
      '开发企业因挪用预售资金、未取得预售许可擅自预售等严重违法行为受到的行政处罚',
      'Penalties on developers for serious violations such as diverting pre-sale funds or selling without a permit',
    ],
    basis: [law.penalty, law.presale, law.repair],
    source: penaltyDecisions,
    severity: 'serious',
  }),
  item({
    code: 'FK-FX-01',
    category: 'riskWarning',
    name: ['项目交付风险提示', 'Project delivery risk'],
    content: [
      '项目停工、逾期交付或预售资金监管账户异常等风险线索',
      'Leads such as stalled works, late delivery or irregular escrow accounts',
    ],
    basis: [law.presale],
    source: office,
  }),
  // Property services (物业服务)
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
  // Real-estate brokerage (房地产经纪)
  item({
    code: 'JJ-JC-01',
    category: 'basic',
    name: ['房地产经纪机构备案信息', 'Brokerage registrations'],
    content: [
      '经纪机构及分支机构备案、经营场所和从业人员名单',
      'Filing of agencies and branches, premises and staff lists',
    ],
    basis: [law.brokerage],
    source: office,
  }),
  item({
    code: 'JJ-JC-02',
    category: 'basic',
    name: ['房地产经纪人员职业资格', 'Broker qualifications'],
    content: [
      '经纪人员职业资格证书、登记信息和执业机构',
      'Broker qualification certificates, registration and employing agency',
    ],
    basis: [law.brokerage],
    source: ['职业资格登记机构', 'Qualification registry'],
    subjects: ['practitioner'],
    disclosure: 'authorised',
  }),
  item({
    code: 'JJ-ZX-01',
    category: 'enhancing',
    name: ['诚信经营示范机构', 'Model brokerage agencies'],
    content: [
      '被行业主管部门或行业协会评为诚信经营示范的经纪机构',
      'Agencies named models of honest business by the authority or the trade association',
    ],
    basis: [law.brokerage, law.catalog],
    source: ['评选或表彰单位', 'Awarding body'],
  }),
  item({
    code: 'JJ-YB-01',
    category: 'generalDishonest',
    name: ['房地产经纪一般行政处罚', 'Brokerage penalties (general)'],
    content: [
      '经纪机构因未明码标价、未备案、发布虚假房源等受到的行政处罚',
      'Penalties on agencies for unposted prices, missing filings, fake listings and similar',
    ],
    basis: [law.penalty, law.brokerage, law.repair],
    source: penaltyDecisions,
    severity: 'general',
  }),
  item({
    code: 'JJ-YB-02',
    category: 'generalDishonest',
    name: ['经纪人员违规执业', 'Broker misconduct'],
    content: [
      '经纪人员因违规执业受到的行政处罚或记分处理',
      'Penalties or demerit points on brokers for misconduct',
    ],
    basis: [law.penalty, law.brokerage, law.repair],
    source: penaltyDecisions,
    subjects: ['practitioner'],
    severity: 'general',
  }),
  item({
    code: 'JJ-YB-03',
    category: 'generalDishonest',
    name: ['房地产经纪机构违背信用承诺', 'Brokerage agencies’ breached commitments'],
    content: [
      '房地产经纪机构在备案、年度行业自律等事项中作出的信用承诺经核查未履行',
      'Commitments made by agencies in filings, yearly self-discipline and similar found unfulfilled',
    ],
    basis: [law.brokerage, law.creditSystem, law.catalog],
    source: commitmentChecks,
  }),
  item({
    code: 'JJ-YZ-01',
    category: 'seriousDishonest',
    name: ['房地产经纪严重违法行政处罚', 'Brokerage penalties (serious)'],
    content: [
      '经纪机构因挪用交易资金、协助规避限购等严重违法行为受到的行政处罚',
      'Penalties on agencies for serious violations such as diverting transaction funds or helping evade purchase limits',
    ],
    basis: [law.penalty, law.brokerage, law.repair],
    source: penaltyDecisions,
    severity: 'serious',
  }),
  item({
    code: 'JJ-FX-01',
    category: 'riskWarning',
    name: ['交易资金监管风险', 'Transaction fund risk'],
    content: [
      '经纪机构未按规定通过监管账户划转交易资金的线索',
      'Leads that an agency moved transaction funds outside the supervised account',
    ],
    basis: [law.brokerage],
    source: office,
  }),
  // Cross-sector (通用)
  item({
    code: 'TY-ZX-01',
    category: 'enhancing',
    name: ['守信红名单', 'Red list'],
    content: [
      '依照认定标准列入住房城乡建设领域守信红名单的主体',
      'Subjects placed on the housing sector red list under its criteria',
    ],
    basis: [law.catalog],
    source: office,
  }),
  item({
    code: 'TY-JC-01',
    category: 'basic',
    name: ['信用承诺及履行情况', 'Credit commitments and their fulfilment'],
    content: [
      '主体作出的行业自律、主动公开、信用修复等信用承诺及其履行情况',
      'Self-discipline, voluntary and credit-repair commitments a subject made, and how they were kept',
    ],
    basis: [law.creditSystem, law.catalog],
    source: commitmentChecks,
    subjects: ['enterprise', 'practitioner'],
  }),
  item({
    code: 'TY-ZX-02',
    category: 'enhancing',
    name: ['信用承诺履约践诺', 'Commitments fulfilled'],
    content: [
      '告知承诺、容缺受理、证明事项等信用承诺经核查全部履行的情况',
      'Commitments under notification-and-commitment, accept-with-missing-materials or certification found fully kept',
    ],
    basis: [law.creditSystem, law.catalog],
    source: commitmentChecks,
    subjects: ['enterprise', 'practitioner'],
  }),
  item({
    code: 'TY-YB-01',
    category: 'generalDishonest',
    name: ['违背信用承诺（跨行业）', 'Breached credit commitments (cross-sector)'],
    content: [
      '信用承诺经核查部分履行或全部未履行，且不属于行业专项目录项的情况',
      'Commitments found partly or not kept that no sector item covers',
    ],
    basis: [law.creditSystem, law.catalog, law.sanctions],
    source: commitmentChecks,
    subjects: ['enterprise', 'practitioner'],
  }),
  item({
    code: 'TY-YZ-01',
    category: 'seriousDishonest',
    name: ['虚假承诺', 'False commitments'],
    content: [
      '以虚假承诺或虚假材料取得行政许可、资质、备案等，经核查认定的情况',
      'Licences, qualifications or filings obtained through a commitment or materials found to be false',
    ],
    basis: [law.creditSystem, law.market, law.sanctions],
    source: commitmentChecks,
    subjects: ['enterprise', 'practitioner'],
  }),
  item({
    code: 'TY-FX-01',
    category: 'riskWarning',
    name: ['经营异常名录', 'Abnormal operation list'],
    content: [
      '被市场监管部门列入经营异常名录、尚未移出的企业',
      'Enterprises on the market regulator’s abnormal operation list and not yet removed',
    ],
    basis: [law.enterprisePublicity],
    source: ['市场监督管理部门', 'Market regulation authority'],
    disclosure: 'public',
    publicity: { whileValid: true, minMonths: 0, maxMonths: 0, defaultMonths: 0 },
  }),
  // ── Inspection findings (issue 13): the items real-estate development, brokerage and property ──
  // services lacked for a failed on-site inspection item (shared/inspections/checklists.ts maps to them).
  item({
    code: 'FK-FX-02',
    category: 'riskWarning',
    name: ['开发项目检查问题逾期未整改', 'Overdue rectification of development inspection findings'],
    content: [
      '监督检查发现的开发建设、销售或交付问题超过整改期限仍未整改完毕',
      'Development, sales or delivery problems found in inspections and not rectified by the deadline',
    ],
    basis: [law.development, law.presale],
    source: office,
    frequency: 'onChange',
  }),
  item({
    code: 'FK-FX-03',
    category: 'riskWarning',
    name: ['预售资金监管违规风险', 'Pre-sale escrow irregularities'],
    content: [
      '检查发现预售资金未存入监管账户、违规支取或挪用的风险线索',
      'Inspection leads of pre-sale funds kept outside the escrow account, withdrawn irregularly or diverted',
    ],
    basis: [law.realEstate, law.presale],
    source: office,
    frequency: 'onChange',
  }),
  item({
    code: 'JJ-FX-02',
    category: 'riskWarning',
    name: ['经纪机构检查问题逾期未整改', 'Overdue rectification of brokerage inspection findings'],
    content: [
      '监督检查发现的经纪服务、房源信息或资金管理问题超过整改期限仍未整改完毕',
      'Brokerage service, listing or fund problems found in inspections and not rectified by the deadline',
    ],
    basis: [law.brokerage],
    source: office,
    frequency: 'onChange',
  }),
  item({
    code: 'WY-FX-02',
    category: 'riskWarning',
    name: ['物业服务检查问题整改风险', 'Property service inspection findings under rectification'],
    content: [
      '监督检查发现物业服务不符合合同约定或服务标准、正在整改期内的项目',
      'Estates where inspections found service below contract or standard, within the rectification period',
    ],
    basis: [law.property],
    source: office,
    frequency: 'onChange',
  }),
  // ── end of inspection findings block ──
];
