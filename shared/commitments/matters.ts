/**
 * The list of commitment matters (承诺事项目录清单): the administrative matters for which a county accepts
 * a credit commitment, city-published reference data. Each matter says which commitment types it takes,
 * whether its commitments are published, the default deadline for missing materials, and under which
 * catalog items fulfilment and breach are filed. The default set below is what a county starts with.
 */
import type { LocalizedText } from '../creditRecords/catalog.ts';
import type { Industry } from '../subjects/model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import {
  type CommitmentPublicity,
  commitmentPublicity,
  type CommitmentType,
  commitmentTypes,
} from './types.ts';

export interface CommitmentMatter {
  /** Unique code, e.g. `SG-XK` (construction permit). */
  code: string;
  name: LocalizedText;
  types: CommitmentType[];
  /** Industries whose subjects the matter concerns (chooses the breach catalog item). */
  industries: Industry[];
  publicity: CommitmentPublicity;
  /** Working days granted to supply missing materials (容缺受理), 0 when the matter takes none. */
  missingMaterialsDays: number;
  /** Catalog item receiving the record a fulfilled commitment creates (enhancing or basic). */
  fulfilmentItem: string;
  /** Catalog item receiving the dishonest record a breach proposes. */
  breachItem: string;
  /** Catalog item receiving the dishonest record a false commitment proposes. */
  falseItem: string;
}

export const matterLimits = { code: 32, name: 100, maxDays: 60 } as const;

const approval: CommitmentType[] = ['approvalSubstitution', 'missingMaterials', 'certification', 'other'];

function matter(
  code: string,
  name: [zh: string, en: string],
  industries: Industry[],
  breachItem: string,
  rest: Partial<Omit<CommitmentMatter, 'code' | 'name' | 'industries' | 'breachItem'>> = {},
): CommitmentMatter {
  return {
    code,
    name: { zh: name[0], en: name[1] },
    types: approval,
    industries,
    publicity: 'public',
    missingMaterialsDays: 5,
    fulfilmentItem: 'TY-ZX-02',
    breachItem,
    falseItem: 'TY-YZ-01',
    ...rest,
  };
}

const housing: Industry[] = [
  'construction',
  'realEstateDevelopment',
  'propertyServices',
  'realEstateBrokerage',
];

export const defaultCommitmentMatters: readonly CommitmentMatter[] = [
  matter('SG-XK', ['建筑工程施工许可', 'Construction permit'], ['construction'], 'JZ-YB-03'),
  matter(
    'JZ-ZZ',
    ['建筑业企业资质审批', 'Construction qualification approval'],
    ['construction'],
    'JZ-YB-03',
  ),
  matter('JG-BA', ['房屋建筑工程竣工验收备案', 'Completion acceptance filing'], ['construction'], 'JZ-YB-03'),
  matter('XF-BA', ['建设工程消防验收备案', 'Fire-safety acceptance filing'], ['construction'], 'JZ-YB-03', {
    types: ['approvalSubstitution', 'certification'],
    missingMaterialsDays: 0,
  }),
  matter(
    'FK-ZZ',
    ['房地产开发企业资质核定', 'Developer qualification approval'],
    ['realEstateDevelopment'],
    'FK-YB-02',
  ),
  matter('YS-XK', ['商品房预售许可', 'Pre-sale permit'], ['realEstateDevelopment'], 'FK-YB-02'),
  matter('WY-BA', ['物业服务合同备案', 'Property service contract filing'], ['propertyServices'], 'WY-YB-03'),
  matter('JJ-BA', ['房地产经纪机构备案', 'Brokerage agency filing'], ['realEstateBrokerage'], 'JJ-YB-03'),
  matter('XY-XF', ['信用修复', 'Credit repair'], housing, 'TY-YB-01', {
    types: ['creditRepair'],
    missingMaterialsDays: 0,
    fulfilmentItem: 'TY-JC-01',
  }),
  matter('HY-ZL', ['年度行业自律承诺', 'Annual industry self-discipline'], housing, 'TY-YB-01', {
    types: ['industrySelfDiscipline'],
    missingMaterialsDays: 0,
    fulfilmentItem: 'TY-JC-01',
  }),
  matter('ZD-CN', ['主动公开信用承诺', 'Voluntary public commitment'], housing, 'TY-YB-01', {
    types: ['voluntary', 'other'],
    missingMaterialsDays: 0,
    fulfilmentItem: 'TY-JC-01',
  }),
];

export function findMatter(matters: readonly CommitmentMatter[], code: string): CommitmentMatter | undefined {
  return matters.find((m) => m.code === code);
}

const codePattern = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** Checks one matter; `catalogCodes` are the codes of the catalog items in force. */
export function validateCommitmentMatter(
  m: CommitmentMatter,
  catalogCodes: ReadonlySet<string>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!codePattern.test(m.code) || m.code.length > matterLimits.code) {
    issues.push(issue('code', 'catalog.codeFormat'));
  }
  for (const lang of ['zh', 'en'] as const) {
    const text = m.name[lang].trim();
    if (text === '') issues.push(issue(`name.${lang}`, 'required'));
    else if (text.length > matterLimits.name) issues.push(issue(`name.${lang}`, 'tooLong', { max: 100 }));
  }
  if (m.types.length === 0) issues.push(issue('types', 'required'));
  m.types.forEach((type, index) => {
    if (!commitmentTypes.includes(type)) issues.push(issue(`types.${index}`, 'oneOf'));
  });
  if (m.industries.length === 0) issues.push(issue('industries', 'required'));
  if (!commitmentPublicity.includes(m.publicity)) issues.push(issue('publicity', 'oneOf'));
  const days = m.missingMaterialsDays;
  if (!Number.isInteger(days) || days < 0 || days > matterLimits.maxDays) {
    issues.push(issue('missingMaterialsDays', 'commitment.workingDays', { max: matterLimits.maxDays }));
  }
  for (const field of ['fulfilmentItem', 'breachItem', 'falseItem'] as const) {
    if (!catalogCodes.has(m[field])) {
      issues.push(issue(field, 'creditRecord.unknownCatalogItem', { code: m[field] }));
    }
  }
  return issues;
}
