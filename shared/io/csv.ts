/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote, CR or
 * LF, quotes doubled inside quoted fields. Files are written as UTF-8 with a byte order mark so Excel
 * opens them in the right encoding; on read, UTF-8 is tried first, then GB18030 (what Excel saves on
 * Chinese Windows).
 */
import { decodeText, encodeUtf8 } from './web.ts';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quote).join(',')}\r\n`).join('');
}

/** The CSV text as UTF-8 bytes with a byte order mark. */
export function encodeCsv(rows: readonly (readonly string[])[]): Uint8Array {
  return encodeUtf8(`\uFEFF${formatCsv(rows)}`);
}

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; code: 'unclosedQuote'; line: number };

/**
 * Parses CSV text. Accepts CRLF, LF or CR line ends; a final line end adds no row. A quote inside an
 * unquoted field is kept as text. Fails only on a quoted field left open at the end, naming its line.
 */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      const startLine = line;
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text[j]!;
        if (c === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[j + 1] !== '\n')) line++;
        field += c;
        j++;
      }
      if (!closed) return { ok: false, code: 'unclosedQuote', line: startLine };
      // Text between the closing quote and the next separator is kept, as spreadsheets do.
      while (j < text.length && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') field += text[j++];
      i = j;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      line++;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return { ok: true, rows };
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
