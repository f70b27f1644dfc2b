/**
 * The items real-estate development, brokerage and property services lacked for a failed on-site
 * inspection item (issue 13; shared/inspections/checklists.ts maps to them), after the sectors' items.
 */
import type { CatalogItem } from '../catalog.ts';
import { item, law, office } from './items.ts';

export const inspectionFindingItems: readonly CatalogItem[] = [
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
];
