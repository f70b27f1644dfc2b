/**
 * The dashboard figures as files: their tables as an XLSX workbook (shared/base/io/xlsx.ts) and the whole
 * dashboard as an A4 PDF on the print pipeline. Both take the rows as the page shows them, translated.
 */
import type { SheetInput } from '../../shared/base/io/xlsx.ts';
import { writeXlsx } from '../../shared/base/io/xlsx.ts';
import { Flow } from '../kernel/pdf/flow.ts';
import { TextDocument } from '../kernel/pdf/textDocument.ts';

/** One table of the dashboard: a title, its header and rows of text. */
export interface FigureTable {
  title: string;
  rows: string[][];
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`. */
function sheetName(title: string, index: number): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean || `Sheet${index + 1}`).slice(0, 31);
}

export function figuresWorkbook(tables: readonly FigureTable[]): Promise<Uint8Array> {
  const sheets: SheetInput[] = tables.map((table, index) => ({
    name: sheetName(table.title, index),
    rows: table.rows,
  }));
  return writeXlsx(sheets);
}

export async function figuresPdf(
  heading: { title: string; subtitle: string; officeName: string; createdAt: Date },
  tables: readonly FigureTable[],
  fontBytes: Uint8Array,
): Promise<Uint8Array> {
  const doc = await TextDocument.create({
    fontBytes,
    officeName: heading.officeName,
    title: heading.title,
    createdAt: heading.createdAt,
  });
  const flow = new Flow(doc);
  const body = { size: 10.5, leading: 1.6 } as const;
  flow.newPage();
  flow.paragraph(heading.title, { size: 18, align: 'center', after: 8 });
  flow.paragraph(heading.subtitle, { ...body, align: 'center', after: 16 });
  for (const table of tables) {
    flow.keep(body.size * body.leading * 4);
    flow.paragraph(table.title, { size: 13, leading: 1.6, after: 2 });
    for (const row of table.rows) flow.paragraph(row.join('　｜　'), body);
    flow.space(8);
  }
  return (await doc.finish()).bytes;
}
