/** What the default catalog's sector files share: the laws they cite, sector industries, category defaults. */
import type {
  CatalogItem,
  DisclosureAttribute,
  PublicityRule,
  SharingMethod,
  UpdateFrequency,
} from '../catalog.ts';
import type { Industry, SubjectKind } from '../../subjects/model.ts';

export const defaultCatalogVersion = '2026.2';
const validFrom = '2021-01-01';

export const law = {
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

export const commitmentChecks: [string, string] = [
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

export function item(spec: ItemSpec): CatalogItem {
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

export const office: [string, string] = [
  '县住房和城乡建设主管部门',
  'County housing and construction authority',
];
export const penaltyDecisions: [string, string] = [
  '县住房和城乡建设主管部门作出的行政处罚决定',
  'Penalty decisions of the county housing authority',
];
