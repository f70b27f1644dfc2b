/** The real-estate brokerage (房地产经纪, JJ) items of the default catalog. */
import type { CatalogItem } from '../catalog.ts';
import { commitmentChecks, item, law, office, penaltyDecisions } from './items.ts';

export const brokerageItems: readonly CatalogItem[] = [
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
];
