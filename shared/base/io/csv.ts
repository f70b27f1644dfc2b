/**
 * CSV per RFC 4180 through papaparse: comma-separated, CRLF line ends, quotes doubled inside quoted
 * fields. Files are written as UTF-8 with a byte order mark so Excel opens them in the right encoding;
 * on read, UTF-8 is tried first, then GB18030 (what Excel saves on Chinese Windows).
 *
 * Every CSV the app writes goes through `formatCsv`, which defuses formulas: a cell beginning with
 * = + - @, tab or CR (after any apostrophes) gets one more apostrophe in front, so spreadsheet programs
 * show it as text instead of running it. `parseCsv` takes that apostrophe off again, so a file written
 * here reads back unchanged.
 *
 * papaparse detects one line ending per file: a file mixing CRLF, LF and CR row ends is read by the
 * most frequent one (Excel, WPS and LibreOffice write one kind).
 */
import Papa from 'papaparse';
import { decodeText, encodeUtf8 } from './web.ts';

/** A cell a spreadsheet would run as a formula, possibly already defused by apostrophes. */
const formulaLike = /^'*[=+\-@\t\r]/;

export function formatCsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(rows as string[][], { newline: '\r\n', escapeFormulae: formulaLike });
  return `${text}\r\n`;
}

/** The CSV text as UTF-8 bytes with a byte order mark. */
export function encodeCsv(rows: readonly (readonly string[])[]): Uint8Array {
  return encodeUtf8(`\uFEFF${formatCsv(rows)}`);
}

/** A cell as `formatCsv` wrote it, back to its value (one defusing apostrophe taken off). */
export function undefuseCell(cell: string): string {
  return cell.startsWith("'") && formulaLike.test(cell) ? cell.slice(1) : cell;
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; code: 'unclosedQuote'; line: number };

/**
 * Parses CSV text. A final line end adds no row. Fails on a quoted field left open or followed by
 * other text, naming the line where that field starts.
 */
export function parseCsv(text: string): CsvParse {
  if (text === '') return { ok: true, rows: [] };
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  const quoteError = parsed.errors.find((found) => found.type === 'Quotes');
  if (quoteError) {
    const before = text.slice(0, quoteError.index ?? 0);
    return { ok: false, code: 'unclosedQuote', line: lineBreaks(before) + 1 };
  }
  const rows = parsed.data.map((row) => row.map(undefuseCell));
  const last = rows.at(-1);
  if (/[\r\n]$/.test(text) && last?.length === 1 && last[0] === '') rows.pop();
  return { ok: true, rows };
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Decodes CSV bytes: strips a UTF-8 BOM, falls back to GB18030 when the bytes are not UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return decodeText(body, 'utf-8', true);
  } catch {
    return decodeText(body, 'gb18030');
  }
}
