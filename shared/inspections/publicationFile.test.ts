import { describe, expect, it } from 'vitest';
import { readXlsx } from '../base/io/xlsx.ts';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import type { InspectionDocument } from './document.ts';
import {
  exportInspectionPublication,
  inspectionPublicationRows,
  type PublicationLookups,
} from './publicationFile.ts';

const step = (action: 'close' | 'publish', at: string, note = '', date = '') => ({
  action,
  by: 'r1',
  at,
  note,
  date,
});

function inspection(overrides: Partial<InspectionDocument>): InspectionDocument {
  return {
    id: 'i1',
    subjectId: 'enterprise',
    projectId: 'project',
    planId: 'plan',
    adHocReason: '',
    state: 'closed',
    startedAt: '2026-03-02T01:30:00.000Z',
    templateIndustry: 'construction',
    steps: [step('close', '2026-03-05T08:00:00.000Z')],
    items: [
      { code: 'SG-01', result: 'compliant', note: '现场良好', photos: [] },
      { code: 'SG-02', result: 'nonCompliant', note: '', photos: [] },
      { code: 'SG-03', result: 'notApplicable', note: '', photos: [] },
    ],
    findings: [
      {
        id: 'f1',
        itemCode: 'SG-02',
        severity: 'major',
        description: '临边防护缺失',
        rectifyBy: '2026-03-20',
        photos: [],
      },
    ],
    representative: '王五',
    representativeIdNumber: fixtureCodes.person,
    inspectors: ['inspector-a', 'inspector-b'],
    conclusion: '发现一项问题，责令限期整改。',
    ...overrides,
  } as InspectionDocument;
}

const lookups: PublicationLookups = {
  subject: (id) =>
    ({
      enterprise: {
        name: '乌海市宏远建筑有限公司',
        kind: 'enterprise' as const,
        code: fixtureCodes.enterprise,
      },
      person: { name: '李四', kind: 'practitioner' as const, code: fixtureCodes.person },
    })[id],
  projectName: (id) => (id === 'project' ? '海勃湾区滨河花园二期' : ''),
  planName: (id) => (id === 'plan' ? '2026年第一季度双随机抽查' : ''),
  industryName: (industry) => (industry === 'construction' ? '建筑施工' : industry),
  office: '海勃湾区住房和城乡建设局',
};

describe('the publication file of inspection results', () => {
  const published = inspection({
    steps: [
      step('close', '2026-03-05T08:00:00.000Z'),
      step('publish', '2026-03-10T02:00:00.000Z', '区住建局网站', '2026-03-10'),
    ],
  });
  const adHoc = inspection({
    id: 'i2',
    subjectId: 'person',
    projectId: '',
    planId: '',
    adHocReason: 'complaint',
    items: [{ code: 'SG-01', result: 'compliant', note: '', photos: [] }],
    findings: [],
    conclusion: '未发现问题。',
    steps: [step('close', '2026-03-04T08:00:00.000Z')],
  });
  const draft = inspection({ id: 'i3', state: 'draft', steps: [] });
  const later = inspection({ id: 'i4', steps: [step('close', '2026-04-02T08:00:00.000Z')] });

  it('holds the closed inspections of the period, by closing day, with their result fields', () => {
    const [header, ...rows] = inspectionPublicationRows([published, draft, later, adHoc], lookups, {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const row = (values: string[]) => Object.fromEntries(header!.map((h, i) => [h, values[i]]));
    expect(rows).toHaveLength(2);
    expect(row(rows[0]!)).toMatchObject({
      检查对象名称: '李四',
      检查方式: '专项检查（投诉举报）',
      抽查计划: '',
      检查结果: '未发现问题',
      办结日期: '2026-03-04',
      公示日期: '',
    });
    expect(row(rows[1]!)).toEqual({
      检查对象名称: '乌海市宏远建筑有限公司',
      统一社会信用代码或身份证号码: fixtureCodes.enterprise,
      检查项目: '海勃湾区滨河花园二期',
      检查方式: '双随机抽查',
      抽查计划: '2026年第一季度双随机抽查',
      检查机关: '海勃湾区住房和城乡建设局',
      检查日期: '2026-03-02',
      检查事项: '建筑施工',
      检查项数: '3',
      符合项数: '1',
      不符合项数: '1',
      发现问题数: '1',
      检查结果: '发现问题，责令整改',
      检查结论: '发现一项问题，责令限期整改。',
      办结日期: '2026-03-05',
      公示日期: '2026-03-10',
      公示渠道: '区住建局网站',
    });
  });

  it('carries no personal data: a practitioner’s ID masked, no representative, inspectors or notes', async () => {
    const rows = inspectionPublicationRows([published, adHoc], lookups);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(fixtureCodes.person);
    expect(text).not.toContain(fixtureCodes.person.slice(6, 14));
    for (const hidden of ['王五', 'inspector-a', '现场良好', '临边防护缺失'])
      expect(text).not.toContain(hidden);
    const workbook = await readXlsx(await exportInspectionPublication([published, adHoc], lookups, 'xlsx'));
    expect(workbook.sheets[0]!.name).toBe('检查结果公示');
    const read = workbook.sheets[0]!.rows.map((r) => rows[0]!.map((_, i) => String(r[i] ?? '')));
    expect(read).toEqual(rows);
  });
});
