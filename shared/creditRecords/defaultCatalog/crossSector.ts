/** The cross-sector (通用, TY) items of the default catalog. */
import type { CatalogItem } from '../catalog.ts';
import { commitmentChecks, item, law, office } from './items.ts';

export const crossSectorItems: readonly CatalogItem[] = [
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
];
