import { describe, expect, it } from 'vitest';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import { chineseDate, commitmentLetter, commitmentTemplates, templateDefaults } from './templates.ts';
import { sampleCommitment } from './testFixtures.ts';
import { commitmentTypes } from './types.ts';

const values = {
  subjectName: '乌海市某某建筑工程有限公司',
  subjectCode: fixtureCodes.enterprise,
  subjectKind: 'enterprise',
  matter: '建筑工程施工许可',
  materialsDeadline: '2026-10-13',
  missingMaterials: ['施工图设计文件审查合格书', '监理合同'],
  year: 2026,
} as const;

describe('letter templates', () => {
  it('exist for all seven types and fill every placeholder with the subject’s data', () => {
    expect(Object.keys(commitmentTemplates).sort()).toEqual([...commitmentTypes].sort());
    for (const type of commitmentTypes) {
      const { content, liability } = templateDefaults(type, values);
      expect(content).toContain('乌海市某某建筑工程有限公司');
      expect(content).toContain(`统一社会信用代码：${fixtureCodes.enterprise}`);
      expect(`${content}${liability}`).not.toMatch(/\{\{|\}\}/);
    }
    expect(templateDefaults('missingMaterials', values).content).toContain(
      '于2026年10月13日前补齐以下材料：施工图设计文件审查合格书、监理合同',
    );
    expect(templateDefaults('industrySelfDiscipline', values).content).toContain('在2026年度内');
    expect(
      templateDefaults('approvalSubstitution', { ...values, subjectKind: 'practitioner' }).content,
    ).toContain('公民身份号码');
  });

  it('lay out a recorded commitment as a letter with its number, sections and signature', () => {
    const letter = commitmentLetter(sampleCommitment(), '建筑工程施工许可', 2026);
    expect(letter.title).toBe('容缺受理承诺书');
    expect(letter.number).toBe('编号：15030320260930100001');
    expect(letter.addressee).toBe('海勃湾区住房和城乡建设局：');
    expect(letter.sections.map((s) => s.heading)).toEqual([
      '承诺事由',
      '承诺内容',
      '容缺材料及补交期限',
      '违诺责任',
    ]);
    expect(letter.sections[2]!.paragraphs).toEqual([
      '1. 施工图设计文件审查合格书',
      '补交期限：2026年10月13日',
    ]);
    expect(letter.signature).toContain('日期：2026年9月30日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
