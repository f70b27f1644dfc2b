/** The real-estate development (房地产开发, FK) items of the default catalog. */
import type { CatalogItem } from '../catalog.ts';
import { commitmentChecks, item, law, office, penaltyDecisions } from './items.ts';

export const developmentItems: readonly CatalogItem[] = [
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
];
