import { describe, expect, it } from 'vitest';
import { fixtureCodes } from '../creditRecords/testFixtures.ts';
import { newVerificationCode, normalizeVerificationCode, reportNumber, verifyUrl } from './code.ts';
import { assembleReport, checkReportRequest, type ReportRequest } from './report.ts';
import { reportSectionKeys } from './sections.ts';
import { sampleDecision, sampleFile, samplePractitioner } from './testFixtures.ts';

const request: ReportRequest = {
  variant: 'full',
  period: { from: '2026-01-01', to: '2026-12-31' },
  issuedAt: '2026-10-01T02:00:00.000Z',
  today: '2026-10-01',
  officeName: '海勃湾区住房和城乡建设局',
  reportNumber: 'XYBG-150303-20261001-K7QF',
  verificationCode: 'K7QF-3MZP-W9RX',
};

const titlesOf = (report: ReturnType<typeof assembleReport>, key: string) =>
  report.sections.find((section) => section.key === key)?.entries?.map((entry) => entry.title) ?? null;

describe('credit report assembly', () => {
  it('has every section in order, with the report number, code, office and period', () => {
    const report = assembleReport(sampleFile(), request);
    expect(report.sections.map((section) => section.key)).toEqual([...reportSectionKeys]);
    expect(report).toMatchObject({
      title: '信用报告',
      reportNumber: request.reportNumber,
      verificationCode: request.verificationCode,
      officeName: request.officeName,
      period: request.period,
      finding: null,
    });
    expect(report.identity).toContainEqual({ label: '统一社会信用代码', value: fixtureCodes.enterprise });
  });

  it('shows confirmed records only: no drafts, records under review or revoked records', () => {
    const report = assembleReport(sampleFile(), request);
    expect(titlesOf(report, 'dishonest')).toEqual(['未按规定办理施工许可', '内部共享记录']);
    expect(titlesOf(report, 'honours')).toEqual(['获评省级优质工程']);
    expect(titlesOf(report, 'repairs')).toEqual(['已修复记录']);
    expect(titlesOf(report, 'licences')).toHaveLength(1);
    expect(titlesOf(report, 'penalties')).toEqual(['未取得施工许可证擅自施工']);
  });

  it('labels a section whose information this office does not hold as such, not as empty', () => {
    const notHeld = { key: 'grade' as const, title: '信用评价等级', entries: () => null };
    const report = assembleReport(sampleFile(), request, [notHeld]);
    expect(report.sections).toEqual([{ key: 'grade', title: '信用评价等级', entries: null }]);
    expect(report.notes.join('')).toContain('本系统暂未归集');
  });

  it('keeps to the period', () => {
    const report = assembleReport(sampleFile(), {
      ...request,
      period: { from: '2026-04-01', to: '2026-12-31' },
    });
    expect(titlesOf(report, 'dishonest')).toEqual([]);
    expect(titlesOf(report, 'penalties')).toEqual([]);
  });

  it('public variant omits what is not public and masks a person’s ID number', () => {
    const expiredPenalty = sampleDecision('penalty', 22, {
      violationType: '公示期满的处罚',
      publicityEnd: '2026-06-01',
    });
    const file = sampleFile({ disclosures: [...sampleFile().disclosures, expiredPenalty] });
    const report = assembleReport(file, { ...request, variant: 'public' });
    expect(report.title).toBe('信用报告（公开版）');
    expect(titlesOf(report, 'dishonest')).toEqual(['未按规定办理施工许可']);
    expect(titlesOf(report, 'penalties')).toEqual(['未取得施工许可证擅自施工']);

    const person = assembleReport(sampleFile({ subject: samplePractitioner() }), {
      ...request,
      variant: 'public',
    });
    const id = person.identity.find((fact) => fact.label === '身份证号码')!.value;
    expect(id).not.toBe(fixtureCodes.person);
    expect(id).toMatch(/\*/);
    expect(JSON.stringify(person)).not.toContain(fixtureCodes.person);
  });

  it('special variant states whether violation records exist in the period', () => {
    const found = assembleReport(sampleFile(), { ...request, variant: 'special', purpose: 'tender' });
    expect(found.finding).toMatchObject({ penalties: 1, dishonestRecords: 2 });
    expect(found.finding!.statement).toContain('有违法违规记录');
    expect(found.finding!.statement).toContain('招标投标');

    const clean = assembleReport(sampleFile(), {
      ...request,
      variant: 'special',
      purpose: 'approval',
      period: { from: '2026-04-01', to: '2026-09-30' },
    });
    expect(clean.finding).toMatchObject({ penalties: 0, dishonestRecords: 0 });
    expect(clean.finding!.statement).toContain('无违法违规记录');
  });

  it('refuses a reversed period and a special report without purpose', () => {
    expect(checkReportRequest({ variant: 'full', period: { from: '2026-12-31', to: '2026-01-01' } })).toEqual(
      ['reports.periodInvalid'],
    );
    expect(checkReportRequest({ variant: 'special', period: request.period })).toEqual([
      'reports.purposeRequired',
    ]);
    expect(checkReportRequest({ ...request, purpose: undefined })).toEqual([]);
  });
});

describe('verification codes', () => {
  it('are 12 unambiguous characters in three groups, read back however typed', () => {
    const code = newVerificationCode((length) => crypto.getRandomValues(new Uint8Array(length)));
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code).not.toMatch(/[01OIL]/);
    expect(normalizeVerificationCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code);
    expect(normalizeVerificationCode('ＫＶＱＦ３ＭＺＰＷ９ＲＸ')).toBe('KVQF-3MZP-W9RX');
    expect(normalizeVerificationCode('K7QF-3MZP-W9R0')).toBeNull();
    expect(normalizeVerificationCode('K7QF')).toBeNull();
  });

  it('name the report and the verify page', () => {
    expect(reportNumber('150303', '2026-10-01', 'K7QF-3MZP-W9RX')).toBe('XYBG-150303-20261001-K7QF');
    expect(verifyUrl('http://platform.example/', 'K7QF-3MZP-W9RX')).toBe(
      'http://platform.example/verify?code=K7QF-3MZP-W9RX',
    );
  });
});
