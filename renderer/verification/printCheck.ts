/**
 * The verification form (信用信息核查记录表) of a saved check, printed as an A4 PDF in Chinese on the
 * print pipeline: the result as it was shown, the measure applied, the digest and lines for signatures.
 */
import type { VerificationRecord } from '../../shared/verification/check.ts';
import { Flow } from '../kernel/pdf/flow.ts';
import { type PrintedDocument, TextDocument } from '../kernel/pdf/textDocument.ts';
import { chinaDateTime } from '../reports/printReport.ts';
import { verificationMessages } from './messages.ts';

const zh = verificationMessages['zh-CN'];
const body = { size: 10.5, leading: 1.7 } as const;

export interface CheckFormOptions {
  fontBytes: Uint8Array;
  officeName: string;
  /** When the check was saved (ISO instant) and by whom (name as shown). */
  at: string;
  checkedBy: string;
}

export async function printCheckForm(
  record: VerificationRecord,
  options: CheckFormOptions,
): Promise<PrintedDocument> {
  const { result } = record;
  const doc = await TextDocument.create({
    fontBytes: options.fontBytes,
    officeName: options.officeName,
    title: '信用信息核查记录表',
    createdAt: new Date(options.at),
  });
  const flow = new Flow(doc);
  flow.newPage();
  flow.paragraph('信用信息核查记录表', { size: 18, align: 'center', after: 16 });
  const line = (label: string, value: string) => flow.paragraph(`${label}：${value}`, body);
  line('核查单位', options.officeName);
  line(zh['verification.column.party'], result.party.name);
  if (result.party.code) line(zh['verification.column.code'], result.party.code);
  line(zh['verification.matter.label'], zh[`verification.matter.${result.matter}`]);
  line(zh['verification.column.at'], chinaDateTime(options.at));
  line(zh['verification.column.checkedBy'], options.checkedBy);
  line(
    '数据来源',
    result.dataAsOf
      ? zh['verification.dataAsOf'].replace('{{at}}', chinaDateTime(result.dataAsOf))
      : zh['verification.neverSynced'],
  );
  flow.space(6);
  line(zh['verification.standing.label'], zh[`verification.standing.${result.standing}`]);
  for (const fact of result.facts) {
    flow.keep(body.size * body.leading * 2);
    flow.paragraph(`${zh[`verification.fact.${fact.key}`]}：`, { ...body, size: 11 });
    if (fact.items === null) flow.paragraph(zh['verification.notHeld'], { ...body, indent: 2 });
    else if (fact.items.length === 0) flow.paragraph(zh['verification.none'], { ...body, indent: 2 });
    for (const item of fact.items ?? []) {
      flow.paragraph(`${item.date}　${item.title}${item.detail ? `（${item.detail}）` : ''}`, {
        ...body,
        indent: 2,
      });
    }
  }
  flow.space(6);
  flow.paragraph(`${zh['verification.measures']}：`, { ...body, size: 11 });
  if (result.measures.length === 0) flow.paragraph(zh['verification.noMeasures'], { ...body, indent: 2 });
  for (const measure of result.measures) flow.paragraph(measure.zh, { ...body, indent: 2 });
  line(zh['verification.measureApplied'], zh[`verification.measure.${record.measureApplied}`]);
  if (record.note) line(zh['verification.note'], record.note);
  flow.paragraph(`${zh['verification.digest']}（SHA-256）：${record.digest}`, { ...body, size: 8 });
  flow.keep(80);
  flow.space(36);
  flow.paragraph('核查人（签字）：　　　　　　　　　负责人（签字）：　　　　　　　　　', body);
  flow.paragraph('日期：　　　　年　　月　　日', { ...body, align: 'right' });
  return doc.finish();
}
