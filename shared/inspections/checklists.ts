/**
 * Checklist templates for on-site inspections: one per industry, versioned, each item with its legal
 * basis and the catalog item (shared/creditRecords/defaultCatalog.ts) a failure of it maps to when a
 * rectification is escalated. The depth of a checklist follows the subject's credit state: every item has
 * a level (1 core, 2 standard, 3 full) and a lower grade gets the deeper checklist.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import type { CatalogItem } from '../creditRecords/catalog.ts';
import type { Industry } from '../subjects/model.ts';

export const checklistIndustries = [
  'construction',
  'propertyServices',
  'realEstateDevelopment',
  'realEstateBrokerage',
] as const satisfies readonly Industry[];
export type ChecklistIndustry = (typeof checklistIndustries)[number];

export const checklistDepths = ['basic', 'standard', 'full'] as const;
export type ChecklistDepth = (typeof checklistDepths)[number];
export type ItemLevel = 1 | 2 | 3;

export interface ChecklistItem {
  code: string;
  text: { zh: string; en: string };
  /** The laws, regulations or standards the item checks. */
  basis: string[];
  /** The catalog item a failure maps to. */
  catalogCode: string;
  level: ItemLevel;
}

export interface ChecklistTemplate {
  industry: ChecklistIndustry;
  /** Increases with every published change; an inspection records the version it used. */
  version: number;
  items: ChecklistItem[];
}

/** Which depth each credit state gets; `raised` (open risk warning, overdue rectification) wins. */
export interface DepthPolicy {
  grades: Readonly<Record<string, ChecklistDepth>>;
  ungraded: ChecklistDepth;
  raised: ChecklistDepth;
}

export const defaultDepthPolicy: DepthPolicy = {
  grades: { AAA: 'basic', AA: 'basic', A: 'standard', B: 'full', C: 'full' },
  ungraded: 'standard',
  raised: 'full',
};

export function depthFor(
  policy: DepthPolicy,
  state: { grade: string | null; raised: boolean },
): ChecklistDepth {
  if (state.raised) return policy.raised;
  if (state.grade !== null && Object.hasOwn(policy.grades, state.grade)) {
    return policy.grades[state.grade] as ChecklistDepth;
  }
  return policy.ungraded;
}

/** The items an inspection at this depth goes through, in template order. */
export function itemsAtDepth(template: ChecklistTemplate, depth: ChecklistDepth): ChecklistItem[] {
  const deepest = checklistDepths.indexOf(depth) + 1;
  return template.items.filter((item) => item.level <= deepest);
}

/**
 * Checks a template against the catalog. Issue codes: `inspection.template.itemCodeTwice`,
 * `inspection.template.unknownCatalogItem`, `inspection.template.catalogIndustry`,
 * `inspection.template.basisMissing`, `inspection.template.noCoreItem`.
 */
export function validateTemplate(
  template: ChecklistTemplate,
  catalog: readonly CatalogItem[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  template.items.forEach((item, index) => {
    const at = `items.${index}`;
    if (seen.has(item.code))
      issues.push(issue(`${at}.code`, 'inspection.template.itemCodeTwice', { code: item.code }));
    seen.add(item.code);
    const target = catalog.find((entry) => entry.code === item.catalogCode);
    if (!target) {
      issues.push(
        issue(`${at}.catalogCode`, 'inspection.template.unknownCatalogItem', { code: item.catalogCode }),
      );
    } else if (!target.industries.includes(template.industry)) {
      issues.push(
        issue(`${at}.catalogCode`, 'inspection.template.catalogIndustry', { code: item.catalogCode }),
      );
    }
    if (item.basis.length === 0 || item.basis.some((law) => law.trim() === '')) {
      issues.push(issue(`${at}.basis`, 'inspection.template.basisMissing'));
    }
  });
  if (!template.items.some((item) => item.level === 1)) {
    issues.push(issue('items', 'inspection.template.noCoreItem'));
  }
  return issues;
}

const law = {
  construction: '《中华人民共和国建筑法》',
  quality: '《建设工程质量管理条例》',
  safety: '《建设工程安全生产管理条例》',
  dangerous: '《危险性较大的分部分项工程安全管理规定》（住房城乡建设部令第37号）',
  safetyStandard: '《建筑施工安全检查标准》（JGJ 59-2011）',
  testing: '《建设工程质量检测管理办法》（住房城乡建设部令第57号）',
  permit: '《建筑工程施工许可管理办法》（住房城乡建设部令第18号）',
  constructor: '《注册建造师管理规定》（建设部令第153号）',
  wages: '《保障农民工工资支付条例》（国务院令第724号）',
  specialEquipment: '《中华人民共和国特种设备安全法》',
  fire: '《中华人民共和国消防法》',
  property: '《物业管理条例》',
  propertyFees: '《物业服务收费管理办法》（发改价格〔2003〕1864号）',
  propertyFeesPublic: '《物业服务收费明码标价规定》（发改价检〔2004〕1428号）',
  maintenanceFund: '《住宅专项维修资金管理办法》（建设部、财政部令第165号）',
  realEstate: '《中华人民共和国城市房地产管理法》',
  development: '《城市房地产开发经营管理条例》',
  developerQualification: '《房地产开发企业资质管理规定》（住房城乡建设部令第54号）',
  presale: '《城市商品房预售管理办法》',
  sales: '《商品房销售管理办法》（建设部令第88号）',
  pricing: '《商品房销售明码标价规定》（发改价检〔2011〕548号）',
  advertising: '《房地产广告发布规定》（国家工商总局令第80号）',
  brokerage: '《房地产经纪管理办法》',
  brokerageOpinion: '《关于规范房地产经纪服务的意见》（建房规〔2023〕2号）',
  contracts: '《中华人民共和国民法典》合同编',
} as const;

type ItemRow = [code: string, zh: string, en: string, basis: string[], catalogCode: string, level: ItemLevel];

function template(industry: ChecklistIndustry, rows: readonly ItemRow[]): ChecklistTemplate {
  return {
    industry,
    version: 1,
    items: rows.map(([code, zh, en, basis, catalogCode, level]) => ({
      code,
      text: { zh, en },
      basis,
      catalogCode,
      level,
    })),
  };
}

/** Construction site quality and safety (施工现场质量安全). */
const constructionSite = template('construction', [
  [
    'SG-01',
    '施工许可证已取得并在现场公示',
    'Construction permit obtained and posted on site',
    [law.construction, law.permit],
    'JZ-YB-01',
    1,
  ],
  [
    'SG-02',
    '项目负责人（注册建造师）到岗履职',
    'Project manager (registered constructor) present and on duty',
    [law.constructor, law.quality],
    'JZ-YB-02',
    1,
  ],
  [
    'SG-03',
    '危大工程专项施工方案已编制、论证并按方案施工',
    'Plans for high-risk works drawn up, reviewed and followed',
    [law.dangerous],
    'JZ-FX-02',
    1,
  ],
  [
    'SG-04',
    '起重机械已办理使用登记并经检验合格',
    'Lifting machinery registered and passed inspection',
    [law.specialEquipment, law.safety],
    'JZ-FX-02',
    1,
  ],
  [
    'SG-05',
    '农民工实名制管理和工资专用账户落实',
    'Real-name register of workers and wage account in place',
    [law.wages],
    'JZ-FX-01',
    1,
  ],
  [
    'SG-06',
    '安全生产管理人员（安全员）按规定配备',
    'Safety officers staffed as required',
    [law.safety],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-07',
    '深基坑、高支模等部位监测记录完整',
    'Monitoring records kept for deep pits and high formwork',
    [law.dangerous, law.safetyStandard],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-08',
    '脚手架搭设、验收符合规范',
    'Scaffolding erected and accepted to standard',
    [law.safetyStandard],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-09',
    '临边洞口防护和安全网设置到位',
    'Edge and opening protection and safety nets in place',
    [law.safetyStandard],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-10',
    '施工用电符合三级配电、两级保护要求',
    'Site power follows three-level distribution with two-level protection',
    [law.safetyStandard],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-11',
    '进场材料见证取样送检且检测合格',
    'Materials sampled under witness and passed testing',
    [law.testing, law.quality],
    'JZ-FX-02',
    2,
  ],
  [
    'SG-12',
    '隐蔽工程验收记录完整、签字齐全',
    'Concealed-works acceptance records complete and signed',
    [law.quality],
    'JZ-YB-01',
    3,
  ],
  [
    'SG-13',
    '混凝土试块留置和养护符合规定',
    'Concrete test cubes taken and cured as required',
    [law.quality, law.testing],
    'JZ-FX-02',
    3,
  ],
  [
    'SG-14',
    '工人三级安全教育和班前交底有记录',
    'Three-level safety training and pre-shift briefings recorded',
    [law.safety],
    'JZ-FX-02',
    3,
  ],
  [
    'SG-15',
    '消防器材配置和动火审批落实',
    'Fire equipment provided and hot-work permits issued',
    [law.fire, law.safetyStandard],
    'JZ-FX-02',
    3,
  ],
  [
    'SG-16',
    '工资按月足额支付、无拖欠投诉',
    'Wages paid monthly in full, no arrears complaints',
    [law.wages],
    'JZ-FX-01',
    3,
  ],
]);

/** Property service quality (物业服务质量). */
const propertyService = template('propertyServices', [
  [
    'WY-01',
    '物业服务合同已签订并备案',
    'Property service contract signed and filed',
    [law.property],
    'WY-FX-02',
    1,
  ],
  [
    'WY-02',
    '服务内容、标准和收费项目在显著位置公示',
    'Services, standards and fees posted prominently',
    [law.propertyFeesPublic],
    'WY-FX-02',
    1,
  ],
  [
    'WY-03',
    '消防设施完好、消防通道畅通',
    'Fire equipment working and fire lanes clear',
    [law.fire, law.property],
    'WY-YB-02',
    1,
  ],
  [
    'WY-04',
    '电梯定期检验合格、维保记录完整',
    'Lifts inspected on time with complete maintenance records',
    [law.specialEquipment],
    'WY-YB-02',
    1,
  ],
  [
    'WY-05',
    '未擅自提高收费标准或收取合同外费用',
    'No unilateral fee increases or charges outside the contract',
    [law.propertyFees],
    'WY-YB-02',
    1,
  ],
  [
    'WY-06',
    '二次供水设施清洗消毒并有水质检测报告',
    'Secondary water supply cleaned, disinfected and tested',
    [law.property],
    'WY-FX-02',
    2,
  ],
  [
    'WY-07',
    '共用部位、共用设施设备日常巡检有记录',
    'Common parts and equipment patrolled with records',
    [law.property],
    'WY-FX-02',
    2,
  ],
  [
    'WY-08',
    '公共收益单独列账并定期公布',
    'Income from common parts kept separately and published',
    [law.property],
    'WY-YB-02',
    2,
  ],
  [
    'WY-09',
    '专项维修资金使用符合程序',
    'Maintenance fund used under the required procedure',
    [law.maintenanceFund],
    'WY-YB-02',
    2,
  ],
  [
    'WY-10',
    '秩序维护人员在岗、出入管理落实',
    'Security staff on duty and access control in place',
    [law.property],
    'WY-FX-02',
    2,
  ],
  [
    'WY-11',
    '环境卫生清扫保洁和垃圾分类落实',
    'Cleaning and waste sorting carried out',
    [law.property],
    'WY-FX-02',
    2,
  ],
  [
    'WY-12',
    '业主报修按时响应、处理有记录',
    'Repair requests answered on time and recorded',
    [law.property],
    'WY-FX-02',
    3,
  ],
  [
    'WY-13',
    '业主投诉有受理、回访记录',
    'Complaints received and followed up with records',
    [law.property],
    'WY-FX-02',
    3,
  ],
  [
    'WY-14',
    '绿化养护和公共区域照明正常',
    'Landscaping maintained and common lighting working',
    [law.property],
    'WY-FX-02',
    3,
  ],
  [
    'WY-15',
    '突发事件应急预案和演练记录齐全',
    'Emergency plans and drill records in place',
    [law.property, law.fire],
    'WY-FX-02',
    3,
  ],
  [
    'WY-16',
    '物业服务人员持证上岗（电工、消防控制室）',
    'Staff certified for their posts (electricians, fire control room)',
    [law.fire, law.property],
    'WY-YB-02',
    3,
  ],
]);

/** Real-estate development and pre-sale (房地产开发与预售). */
const developmentPresale = template('realEstateDevelopment', [
  [
    'FK-01',
    '开发企业资质有效且与项目规模相符',
    'Developer qualification valid and matching the project scale',
    [law.development, law.developerQualification],
    'FK-YB-01',
    1,
  ],
  [
    'FK-02',
    '取得预售许可后方销售，无违规预售',
    'No sales before the pre-sale permit',
    [law.realEstate, law.presale],
    'FK-YB-01',
    1,
  ],
  [
    'FK-03',
    '预售资金全部存入监管账户',
    'All pre-sale receipts paid into the escrow account',
    [law.presale],
    'FK-FX-03',
    1,
  ],
  [
    'FK-04',
    '预售资金按工程节点申请拨付，无挪用',
    'Escrow released by construction milestone, nothing diverted',
    [law.presale],
    'FK-FX-03',
    1,
  ],
  [
    'FK-05',
    '销售现场公示预售许可证和“五证”',
    'Pre-sale permit and the five licences posted at the sales office',
    [law.sales, law.presale],
    'FK-FX-02',
    1,
  ],
  ['FK-06', '商品房一房一价、明码标价', 'One price per unit, clearly marked', [law.pricing], 'FK-YB-01', 2],
  [
    'FK-07',
    '未收取定金以外的认购、排号等费用',
    'No booking or queue fees beyond a deposit',
    [law.sales],
    'FK-YB-01',
    2,
  ],
  [
    'FK-08',
    '销售广告和宣传资料内容真实、无违规承诺',
    'Advertising truthful, no prohibited promises',
    [law.advertising],
    'FK-FX-02',
    2,
  ],
  [
    'FK-09',
    '使用示范文本签订商品房买卖合同并网签备案',
    'Sales contracts on the model text and filed online',
    [law.sales, law.contracts],
    'FK-FX-02',
    2,
  ],
  [
    'FK-10',
    '工程进度与预售节点一致、无停工迹象',
    'Works progressing with the pre-sale schedule, no sign of stoppage',
    [law.development],
    'FK-FX-01',
    2,
  ],
  [
    'FK-11',
    '样板房标明交付标准与实际一致',
    'Show flats state the delivery standard and match it',
    [law.sales],
    'FK-FX-02',
    2,
  ],
  [
    'FK-12',
    '按合同约定时间和条件交付',
    'Delivery on the contract date and terms',
    [law.development, law.contracts],
    'FK-FX-01',
    3,
  ],
  [
    'FK-13',
    '交付时提供住宅质量保证书和使用说明书',
    'Quality guarantee and user manual provided on delivery',
    [law.development],
    'FK-FX-02',
    3,
  ],
  [
    'FK-14',
    '首期专项维修资金按规定归集',
    'First maintenance fund contributions collected as required',
    [law.maintenanceFund],
    'FK-FX-02',
    3,
  ],
  [
    'FK-15',
    '不动产首次登记资料按时报送',
    'First registration documents filed on time',
    [law.development],
    'FK-FX-02',
    3,
  ],
  ['FK-16', '购房人投诉处理有台账', 'Buyer complaints handled and logged', [law.sales], 'FK-FX-02', 3],
]);

/** Real-estate brokerage (房地产经纪). */
const brokerage = template('realEstateBrokerage', [
  ['JJ-01', '经纪机构及分支机构已备案', 'Agency and branches registered', [law.brokerage], 'JJ-YB-01', 1],
  [
    'JJ-02',
    '经纪服务合同由持证经纪人员签名',
    'Service contracts signed by a qualified broker',
    [law.brokerage],
    'JJ-YB-02',
    1,
  ],
  [
    'JJ-03',
    '未代收代付交易资金或按规定使用监管账户',
    'No handling of transaction funds outside the escrow account',
    [law.brokerage, law.brokerageOpinion],
    'JJ-FX-01',
    1,
  ],
  [
    'JJ-04',
    '对外发布房源信息经委托人书面同意且真实',
    'Listings authorised in writing by the owner and truthful',
    [law.brokerage, law.brokerageOpinion],
    'JJ-YB-02',
    1,
  ],
  [
    'JJ-05',
    '经营场所公示服务项目、收费标准和备案证明',
    'Services, fees and registration posted at the premises',
    [law.brokerage, law.brokerageOpinion],
    'JJ-FX-02',
    1,
  ],
  [
    'JJ-06',
    '未对交易当事人隐瞒真实的交易价格',
    'Real prices not hidden from the parties',
    [law.brokerage],
    'JJ-YB-02',
    2,
  ],
  [
    'JJ-07',
    '未赚取差价或签订阴阳合同',
    'No profit on the price gap or dual contracts',
    [law.brokerage],
    'JJ-YB-02',
    2,
  ],
  [
    'JJ-08',
    '按标价收费，未收取未予标明的费用',
    'Fees charged as posted, nothing unposted',
    [law.brokerage, law.brokerageOpinion],
    'JJ-FX-02',
    2,
  ],
  [
    'JJ-09',
    '经纪人员实名从业并持证上岗',
    'Brokers working under real names and certified',
    [law.brokerage],
    'JJ-YB-02',
    2,
  ],
  [
    'JJ-10',
    '承购承租委托房屋前查验权属证明',
    'Title checked before taking on a property',
    [law.brokerage],
    'JJ-FX-02',
    2,
  ],
  [
    'JJ-11',
    '经纪服务合同使用示范文本',
    'Service contracts on the model text',
    [law.brokerageOpinion, law.contracts],
    'JJ-FX-02',
    3,
  ],
  [
    'JJ-12',
    '业务记录、合同等资料保存不少于5年',
    'Business records and contracts kept at least five years',
    [law.brokerage],
    'JJ-FX-02',
    3,
  ],
  [
    'JJ-13',
    '客户个人信息妥善保管、未泄露',
    'Client personal data kept safe, not disclosed',
    [law.brokerage, law.contracts],
    'JJ-YB-02',
    3,
  ],
  [
    'JJ-14',
    '网络平台房源信息与门店一致、及时下架',
    'Online listings match the shop and are withdrawn promptly',
    [law.brokerageOpinion],
    'JJ-FX-02',
    3,
  ],
  [
    'JJ-15',
    '投诉处理机制和记录健全',
    'Complaint handling procedure and records in place',
    [law.brokerageOpinion],
    'JJ-FX-02',
    3,
  ],
  [
    'JJ-16',
    '未为不符合交易条件的房屋提供经纪服务',
    'No brokerage of property that may not be traded',
    [law.brokerage, law.realEstate],
    'JJ-YB-01',
    3,
  ],
]);

/** The templates a county starts with. */
export const defaultChecklistTemplates: readonly ChecklistTemplate[] = [
  constructionSite,
  propertyService,
  developmentPresale,
  brokerage,
];

export function defaultTemplateFor(industry: ChecklistIndustry): ChecklistTemplate {
  return defaultChecklistTemplates.find((found) => found.industry === industry) as ChecklistTemplate;
}
