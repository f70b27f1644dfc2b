// @vitest-environment node
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { assembleReport, type ReportRequest } from '../../shared/reports/report.ts';
import { sampleFile, sampleRecord } from '../../shared/reports/testFixtures.ts';
import { loadPrintFont } from '../kernel/pdf/font.ts';
import inlineFont from '../kernel/pdf/fonts/NotoSansSC-GB2312.ttf?inline';
import { chinaDateTime, printCreditReport } from './printReport.ts';

const fontBytes = await loadPrintFont(inlineFont);
const request: ReportRequest = {
  variant: 'special',
  purpose: 'tender',
  period: { from: '2026-01-01', to: '2026-12-31' },
  issuedAt: '2026-10-01T02:00:00.000Z',
  today: '2026-10-01',
  officeName: '海勃湾区住房和城乡建设局',
  reportNumber: 'XYBG-150303-20261001-K7QF',
  verificationCode: 'K7QF-3MZP-W9RX',
};
const options = { fontBytes, platformUrl: 'http://platform.example' };

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ''));
}

describe('printed credit report', () => {
  it('holds the sections, the code, the number and the finding, every page numbered', async () => {
    const printed = await printCreditReport(assembleReport(sampleFile(), request), options);
    expect(printed.missingCharacters).toEqual([]);
    const pages = await pagesText(printed.bytes);
    const text = pages.join('');
    for (const expected of [
      '专项信用报告',
      'XYBG-150303-20261001-K7QF',
      'K7QF-3MZP-W9RX',
      '2026年10月01日10:00',
      '一、主体身份信息',
      '二、行政许可信息',
      '三、行政处罚信息',
      '四、失信及风险提示信息',
      '六、信用承诺及履约信息',
      '报告期间内无此类记录',
      '十、信用修复及异议处理信息',
      '有违法违规记录',
      'http://platform.example/verify',
      '未取得施工许可证擅自施工',
    ]) {
      expect(text).toContain(expected);
    }
    for (const [index, page] of pages.entries())
      expect(page).toContain(`第${index + 1}页共${pages.length}页`);
  });

  it('runs to many pages for a long file and gives the same bytes for the same report', async () => {
    const records = Array.from({ length: 120 }, (_, index) => sampleRecord(100 + index));
    const report = assembleReport(sampleFile({ creditRecords: records }), request);
    const first = await printCreditReport(report, options);
    expect(first.pages).toBeGreaterThan(5);
    expect((await printCreditReport(report, options)).bytes).toEqual(first.bytes);
  });

  it('prints China time', () => {
    expect(chinaDateTime('2026-12-31T16:30:00.000Z')).toBe('2027年01月01日 00:30');
  });
});
