import { describe, expect, it } from 'vitest';
import { sampleObjectionCase, sampleRepairCase } from '../cases/testFixtures.ts';
import { finding } from '../commitments/testFixtures.ts';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import { gradeSubject } from '../grading/grade.ts';
import { defaultGradingModel } from '../grading/publishedModels.ts';
import type { CityBlackListEntry } from '../lists/cityBlackList.ts';
import { checkSubject } from '../verification/check.ts';
import type { SubjectCreditFile } from './file.ts';
import { assembleReport, type ReportRequest } from './report.ts';
import {
  sampleCommitmentDocument,
  sampleFile,
  sampleInspection,
  sampleListing,
  sampleRecord,
  sampleSubject,
} from './testFixtures.ts';

const request: ReportRequest = {
  variant: 'full',
  period: { from: '2026-01-01', to: '2026-12-31' },
  issuedAt: '2026-10-01T02:00:00.000Z',
  today: '2026-10-01',
  officeName: '海勃湾区住房和城乡建设局',
  reportNumber: 'XYBG-150303-20261001-K7QF',
  verificationCode: 'K7QF-3MZP-W9RX',
};

function section(file: SubjectCreditFile, key: string, variant: ReportRequest['variant'] = 'full') {
  return assembleReport(file, { ...request, variant }).sections.find((found) => found.key === key)!.entries;
}

const titles = (entries: ReturnType<typeof section>) => entries?.map((entry) => entry.title) ?? null;
const text = (entries: ReturnType<typeof section>) => JSON.stringify(entries);

function cityEntry(overrides: Partial<CityBlackListEntry> = {}): CityBlackListEntry {
  const listing = sampleListing(60);
  return {
    ...listing,
    id: 'c0000000-0000-7000-8000-000000000001',
    county: '150300',
    kind: 'cityBlackList',
    subjectName: sampleSubject().name,
    list: 'seriousDishonesty',
    sourceCounty: '150304',
    sourceListing: 'c0000000-0000-7000-8000-000000000001',
    decisionNumber: '乌达建黑〔2026〕3号',
    exitedOn: '',
    ...overrides,
  };
}

describe('commitments in reports and checks', () => {
  const accepted = sampleCommitmentDocument(40);
  const breached = sampleCommitmentDocument(41, {
    number: '15030320260301100002',
    signingDate: '2026-03-01',
    status: 'notFulfilled',
    outcome: finding({ decisionDate: '2026-03-20' }),
  });
  const privateLetter = sampleCommitmentDocument(42, { publicity: 'notPublic', signingDate: '2026-04-01' });
  const draft = sampleCommitmentDocument(43, { status: 'draft' });
  const file = sampleFile({ commitments: [breached, accepted, privateLetter, draft] });

  it('report letters made in the period with their fulfilment, never drafts', () => {
    const entries = section(file, 'commitments');
    expect(entries).toHaveLength(3);
    expect(entries![0]!.title).toBe('容缺受理型：建筑工程施工许可');
    expect(entries![0]!.facts).toContainEqual({ label: '履约状态', value: '已受理' });
    const breach = entries!.find((entry) =>
      entry.facts.some((fact) => fact.value === '15030320260301100002'),
    )!;
    expect(breach.facts).toContainEqual({ label: '履约状态', value: '全部未履行' });
    expect(breach.facts).toContainEqual({ label: '认定日期', value: '2026-03-20' });
    expect(section(file, 'commitments', 'public')).toHaveLength(2);
    expect(section(sampleFile({ commitments: [accepted] }), 'commitments', 'full')?.length).toBe(1);
  });

  it('a breach awaiting confirmation reads as accepted to the public', () => {
    const proposed = sampleFile({
      commitments: [sampleCommitmentDocument(44, { status: 'breachProposed' })],
    });
    expect(text(section(proposed, 'commitments'))).toContain('违诺待确认');
    expect(text(section(proposed, 'commitments', 'public'))).not.toContain('违诺待确认');
  });

  it('check lists open letters and recent breaches', () => {
    const facts = checkSubject(file, { matter: 'tender', today: '2026-10-01', dataAsOf: '' }).facts;
    const items = facts.find((fact) => fact.key === 'commitments')!.items!;
    expect(items.map((item) => item.id).sort()).toEqual([accepted.id, breached.id, privateLetter.id].sort());
    const later = checkSubject(file, { matter: 'tender', today: '2030-01-01', dataAsOf: '' }).facts;
    expect(later.find((fact) => fact.key === 'commitments')!.items!.map((item) => item.id)).not.toContain(
      breached.id,
    );
  });
});

describe('lists and grade in reports and checks', () => {
  const listed = sampleListing(50);
  const exited = sampleListing(51, {
    list: 'realEstateSeriousDishonesty',
    start: '2025-01-01',
    end: '2028-01-01',
    status: 'exited',
    exitReason: 'repaired',
    exitedOn: '2026-02-01',
  });
  const proposed = sampleListing(52, { status: 'proposed', decisionNumber: '海建黑〔2026〕待定' });

  it('report entries decided onto a list in the period; the public sees those standing today', () => {
    const file = sampleFile({ listings: [listed, exited, proposed] });
    expect(titles(section(file, 'lists'))).toEqual(['严重失信主体名单', '房地产市场严重失信主体名单']);
    expect(text(section(file, 'lists'))).toContain('触发的信用记录已修复');
    expect(titles(section(file, 'lists', 'public'))).toEqual(['严重失信主体名单']);
  });

  it('another county’s entry on the city-wide list shows in the report and makes the standing serious', () => {
    const file = sampleFile({ creditRecords: [], disclosures: [], cityListEntries: [cityEntry()] });
    expect(text(section(file, 'lists', 'public'))).toContain('全市严重失信主体名单');
    const result = checkSubject(file, { matter: 'tender', today: '2026-10-01', dataAsOf: '' });
    expect(result.standing).toBe('seriousDishonest');
    expect(result.facts.find((fact) => fact.key === 'lists')!.items).toEqual([
      expect.objectContaining({
        title: '严重失信主体名单',
        detail: '乌达建黑〔2026〕3号 · 全市严重失信主体名单',
      }),
    ]);
    expect(result.measures[0]!.zh).toContain('招标投标');
    const after = checkSubject(
      sampleFile({
        creditRecords: [],
        disclosures: [],
        cityListEntries: [cityEntry({ exitedOn: '2026-09-01' })],
      }),
      { matter: 'tender', today: '2026-10-01', dataAsOf: '' },
    );
    expect(after.standing).toBe('clear');
  });

  it('prints the grade with its model version and date; the public sees published grades only', () => {
    const records = [sampleRecord(10)];
    const result = gradeSubject(
      { subjectId: sampleSubject().id, enrolled: true, records },
      defaultGradingModel('construction'),
      '2026-10-01',
    );
    const model = defaultGradingModel('construction');
    const grade = {
      result,
      gradeName: model.grades.find((definition) => definition.code === result.grade)!.name,
      modelName: model.name,
    };
    const published = sampleListing(53, {
      kind: 'grade',
      list: '',
      grade: 'B',
      score: 80,
      modelVersion: 1,
      start: '2026-06-30',
      decisionNumber: '海建评〔2026〕1号',
    });
    const file = sampleFile({ creditRecords: records, grade, listings: [published] });
    const entries = section(file, 'grade')!;
    expect(entries[0]!.title).toBe(`当前信用等级：${grade.gradeName.zh}`);
    expect(entries[0]!.facts).toEqual(
      expect.arrayContaining([
        { label: '评价日期', value: '2026-10-01' },
        { label: '评价模型', value: '信用评价默认模型（第 1 版）' },
        { label: '评价得分', value: String(result.score) },
      ]),
    );
    expect(titles(section(file, 'grade', 'public'))).toEqual(['公布的信用等级：B']);
    const item = checkSubject(file, { matter: 'award', today: '2026-10-01', dataAsOf: '' }).facts.find(
      (fact) => fact.key === 'grade',
    )!.items![0]!;
    expect(item).toMatchObject({ title: grade.gradeName.zh, date: '2026-10-01' });
    expect(section(sampleFile(), 'grade')).toEqual([]);
  });
});

describe('inspections, rectifications, repairs and objections', () => {
  const submitted = sampleInspection(70);
  const closed = sampleInspection(71, {
    state: 'closed',
    startedAt: '2026-07-01T01:00:00.000Z',
    findings: [],
  });
  const draft = sampleInspection(72, { state: 'draft' });
  const file = sampleFile({ inspections: [submitted, closed, draft] });

  it('report inspections done in the period, the public only closed ones, never the representative', () => {
    expect(titles(section(file, 'inspections'))).toEqual([
      '专项检查（2026-07-01）',
      '专项检查（2026-05-06）',
    ]);
    expect(text(section(file, 'inspections'))).toContain(
      '施工现场未设置安全防护设施（较重，整改期限 2026-05-20）',
    );
    expect(text(section(file, 'inspections'))).toContain('共 2 项，不符合 1 项');
    expect(titles(section(file, 'inspections', 'public'))).toEqual(['专项检查（2026-07-01）']);
    const all = JSON.stringify(assembleReport(file, request));
    expect(all).not.toContain('李四');
    expect(all).not.toContain(fixtureCodes.person);
  });

  it('check lists findings whose rectification is open', () => {
    const items = checkSubject(file, { matter: 'licence', today: '2026-10-01', dataAsOf: '' }).facts.find(
      (fact) => fact.key === 'rectifications',
    )!.items!;
    expect(items).toEqual([
      expect.objectContaining({ title: '施工现场未设置安全防护设施', date: '2026-05-20' }),
    ]);
  });

  it('check leaves out findings whose order a re-inspection settled, rectified or escalated', () => {
    const [finding] = submitted.findings;
    const orderOf = (state: 'open' | 'rectified' | 'escalated') => ({
      findingId: finding!.id,
      itemCode: finding!.itemCode,
      catalogCode: '',
      issuedOn: '2026-05-06',
      deadline: finding!.rectifyBy,
      state,
      createdBy: 'reviewer-1',
      steps: [],
      proposedRecordId: '',
    });
    const openItems = (state: 'open' | 'rectified' | 'escalated') =>
      checkSubject(
        sampleFile({ inspections: [{ ...submitted, state: 'closed', rectifications: [orderOf(state)] }] }),
        { matter: 'licence', today: '2026-10-01', dataAsOf: '' },
      ).facts.find((fact) => fact.key === 'rectifications')!.items!;
    expect(openItems('open')).toHaveLength(1);
    expect(openItems('rectified')).toEqual([]);
    expect(openItems('escalated')).toEqual([]);
  });

  it('report repairs with their case, and decided objections to the office only', () => {
    const repaired = sampleRecord(15, {
      title: '已修复记录',
      status: 'repaired',
      workflow: [{ action: 'repair', by: 'reviewer-1', at: '2026-06-01T02:00:00.000Z', note: '' }],
    });
    const upheldAbout = sampleRecord(16, { title: '被提出异议的记录' });
    const cases = [
      sampleRepairCase({ recordId: repaired.id, status: 'approved', applicationDate: '2026-05-04' }),
      sampleObjectionCase({
        id: '019a0000-0000-7000-8000-000000000002',
        recordId: upheldAbout.id,
        status: 'upheld',
        workflow: [{ action: 'uphold', by: 'reviewer-1', at: '2026-05-10T02:00:00.000Z', note: '' }],
      }),
      sampleObjectionCase({ id: '019a0000-0000-7000-8000-000000000003', recordId: upheldAbout.id }),
    ];
    const withCases = sampleFile({ creditRecords: [repaired, upheldAbout], cases });
    const entries = section(withCases, 'repairs')!;
    expect(entries.map((entry) => entry.title)).toEqual(['已修复记录', '异议处理：被提出异议的记录']);
    expect(entries[0]!.facts).toContainEqual({ label: '修复申请日期', value: '2026-05-04' });
    expect(entries[1]!.facts).toContainEqual({ label: '处理结果', value: '信息无误，维持原记录' });
    expect(text(entries)).not.toContain('王伟');
    expect(titles(section(withCases, 'repairs', 'public'))).toEqual(['已修复记录']);
  });

  it('no section is printed as "not held" any more', () => {
    const report = assembleReport(file, request);
    expect(report.sections.every((found) => found.entries !== null)).toBe(true);
    expect(report.notes.join('')).not.toContain('本系统暂未归集');
  });
});
