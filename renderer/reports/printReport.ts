/**
 * Lays out a credit report (shared/reports/report.ts assembles it) as an A4 PDF on the print pipeline:
 * the shipped CJK font, page numbers and the office in the footer, and on the first page the verification
 * code with a QR code pointing at the platform's /verify page. The same report gives the same bytes in
 * Electron and in the browser: nothing here reads the clock or the platform.
 */
import QRCode from 'qrcode';
import { verifyUrl } from '../../shared/reports/code.ts';
import type { CreditReport } from '../../shared/reports/report.ts';
import { Flow } from '../kernel/pdf/flow.ts';
import { a4, margins, type PrintedDocument, TextDocument } from '../kernel/pdf/textDocument.ts';

export interface ReportPrintOptions {
  fontBytes: Uint8Array;
  /** The platform's address, for the QR code; null when this computer is not enrolled. */
  platformUrl: string | null;
}

const body = { size: 10.5, leading: 1.6 } as const;
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
const qrSize = 64;

/** `2026年10月01日 10:00` in China time. */
export function chinaDateTime(instant: string): string {
  const local = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 4)}年${local.slice(5, 7)}月${local.slice(8, 10)}日 ${local.slice(11, 16)}`;
}

/** The QR code's dark modules as rectangles, its top-left corner at (x, top). */
function qrRectangles(
  text: string,
  x: number,
  top: number,
  size: number,
): [number, number, number, number][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  const rectangles: [number, number, number, number][] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) {
        rectangles.push([x + column * cell, top - (row + 1) * cell, cell, cell]);
      }
    }
  }
  return rectangles;
}

function heading(flow: Flow, text: string): void {
  flow.keep(body.size * body.leading * 3);
  flow.space(6);
  flow.paragraph(text, { size: 13, leading: 1.6, after: 2 });
}

export async function printCreditReport(
  report: CreditReport,
  options: ReportPrintOptions,
): Promise<PrintedDocument> {
  const doc = await TextDocument.create({
    fontBytes: options.fontBytes,
    officeName: `${report.officeName}　核验码 ${report.verificationCode}`,
    title: `${report.title} ${report.reportNumber}`,
    createdAt: new Date(report.issuedAt),
  });
  const flow = new Flow(doc);
  flow.newPage();
  if (options.platformUrl) {
    const url = verifyUrl(options.platformUrl, report.verificationCode);
    doc.fillRectangles(qrRectangles(url, a4.width - margins.right - qrSize, a4.height - margins.top, qrSize));
  }
  flow.paragraph(report.title, { size: 20, align: 'center', after: 40 });
  const header: [string, string][] = [
    ['报告编号', report.reportNumber],
    ['出具单位', report.officeName],
    ['出具时间', chinaDateTime(report.issuedAt)],
    ['信息期间', `${report.period.from} 至 ${report.period.to}`],
    ['核验码', report.verificationCode],
  ];
  for (const [label, value] of header) flow.paragraph(`${label}：${value}`, body);
  flow.paragraph(
    options.platformUrl
      ? `核验方式：扫描右上角二维码，或访问 ${options.platformUrl.replace(/\/+$/, '')}/verify 输入核验码或上传本报告文件。`
      : '核验方式：访问市信用信息共享平台核验页面，输入核验码或上传本报告文件。',
    { ...body, size: 9, after: 6 },
  );
  if (report.finding) {
    heading(flow, '核查结论');
    flow.paragraph(report.finding.statement, { ...body, indent: 2 });
  }
  heading(flow, `${numerals[0]}、主体身份信息`);
  for (const fact of report.identity) flow.paragraph(`${fact.label}：${fact.value}`, body);
  report.sections.forEach((section, index) => {
    heading(flow, `${numerals[index + 1]}、${section.title}`);
    if (section.entries === null) {
      flow.paragraph('本系统暂未归集此类信息。', { ...body, indent: 2 });
      return;
    }
    if (section.entries.length === 0) {
      flow.paragraph('报告期间内无此类记录。', { ...body, indent: 2 });
      return;
    }
    section.entries.forEach((entry, number) => {
      flow.keep(body.size * body.leading * 2);
      flow.paragraph(`${number + 1}. ${entry.title}`, { ...body, size: 11 });
      for (const fact of entry.facts) flow.paragraph(`${fact.label}：${fact.value}`, { ...body, indent: 2 });
      flow.space(3);
    });
  });
  heading(flow, '说明');
  for (const [index, note] of report.notes.entries()) {
    flow.paragraph(`${index + 1}. ${note}`, { ...body, size: 9 });
  }
  return doc.finish();
}
