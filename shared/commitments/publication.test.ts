import { describe, expect, it } from 'vitest';
import { parseCsv, decodeCsvBytes } from '../base/io/csv.ts';
import { readXlsx } from '../base/io/xlsx.ts';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import { defaultCommitmentMatters } from './matters.ts';
import { exportPublicationFile, publicationRecords, publicationRows } from './publication.ts';
import { finding, sampleCommitment } from './testFixtures.ts';

const accepted = sampleCommitment();
const breached = sampleCommitment({
  number: '15030320260930100002',
  status: 'notFulfilled',
  outcome: finding(),
});
const person = sampleCommitment({
  number: '15030320260930100003',
  subjectKind: 'practitioner',
  subjectName: '李四',
  subjectCode: fixtureCodes.person,
});
const hidden = sampleCommitment({ number: '15030320260930100004', publicity: 'notPublic' });
const proposed = sampleCommitment({
  number: '15030320260930100005',
  status: 'breachProposed',
  outcome: finding(),
});
const draft = sampleCommitment({ number: '15030320260930100006', status: 'draft' });
const later = sampleCommitment({ number: '15030320261101100001', signingDate: '2026-11-01' });

describe('the commitment publication file', () => {
  it('holds the public commitments of the period, confirmed findings only, in number order', () => {
    const records = publicationRecords([later, person, hidden, proposed, draft, breached, accepted], {
      from: '2026-09-01',
      to: '2026-10-31',
    });
    expect(records.map((c) => c.number.slice(-1))).toEqual(['1', '2', '3']);
  });

  it('has a column for each field of the platform’s record, in Chinese words, an ID number masked', () => {
    const [header, first, second, third] = publicationRows(
      [accepted, breached, person],
      defaultCommitmentMatters,
    );
    const row = (values: string[]) => Object.fromEntries(header!.map((h, i) => [h, values[i]]));
    expect(row(first!)).toMatchObject({
      承诺书编号: '15030320260930100001',
      主体类别: '法人及非法人组织',
      统一社会信用代码或身份证号码: fixtureCodes.enterprise,
      承诺类型: '容缺受理型',
      承诺事项: '建筑工程施工许可',
      履行状态: '履行中',
    });
    expect(row(second!)).toMatchObject({
      履行状态: '全部未履行',
      未履行内容: '未补交施工图设计文件审查合格书',
      违诺处理措施: '终止办理并将违诺情况纳入信用记录',
      认定日期: '2026-10-20',
    });
    expect(row(third!)).toMatchObject({ 主体类别: '自然人' });
    expect(row(third!).统一社会信用代码或身份证号码).not.toContain(fixtureCodes.person.slice(6, 14));
  });

  it('exports as CSV and XLSX with the same rows', async () => {
    const csv = parseCsv(
      decodeCsvBytes(await exportPublicationFile([accepted, breached], defaultCommitmentMatters, 'csv')),
    );
    const expected = publicationRows([accepted, breached], defaultCommitmentMatters);
    expect(csv).toEqual({ ok: true, rows: expected });
    const workbook = await readXlsx(
      await exportPublicationFile([accepted, breached], defaultCommitmentMatters, 'xlsx'),
    );
    expect(workbook.sheets[0]!.name).toBe('信用承诺');
    // The reader gives empty cells as null and drops them at a row's end.
    const read = workbook.sheets[0]!.rows.map((r) => expected[0]!.map((_, i) => String(r[i] ?? '')));
    expect(read).toEqual(expected);
  });
});
