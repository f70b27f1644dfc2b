/**
 * A minimal XLSX (Office Open XML spreadsheet) writer and reader.
 *
 * Writing: one worksheet per sheet, every non-empty cell an inline string (codes keep their leading
 * zeros), a minimal style part; entries stored or deflated.
 * Reading: files saved by CreditDesk, Excel, WPS or LibreOffice: shared strings, inline strings, numbers,
 * booleans, formula results, ISO dates (`t="d"`); dates stored as serial numbers come back as numbers,
 * to be converted with `excelSerialToDate` where a date is expected.
 */
import { addDays } from '../calendar/dates.ts';
import { decodeText, encodeUtf8 } from './web.ts';
import { scanXml, XmlError, escapeXml } from './xml.ts';
import { openZip, type ZipArchive, ZipError, writeZip } from './zip.ts';

export type CellValue = string | number | boolean;

export interface SheetInput {
  /** At most 31 characters, none of `[]:*?/\`. */
  name: string;
  rows: readonly (readonly string[])[];
}

export interface Sheet {
  name: string;
  /** Rows from the first row of the sheet; missing cells are null, missing rows empty arrays. */
  rows: (CellValue | null)[][];
}

export interface Workbook {
  sheets: Sheet[];
  /** The workbook counts date serials from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
}

export type XlsxErrorCode = 'notXlsx' | 'corrupt' | 'unsupported' | 'tooLarge';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  constructor(code: XlsxErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const ns = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;
const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const maxRows = 1_048_576;
const maxColumns = 16_384;

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * OOXML escapes characters XML cannot carry as `_xHHHH_`, and a literal `_xHHHH_` as `_x005F_xHHHH_`.
 * CR is written as a character reference: XML parsers turn a literal CR (and CRLF) into LF.
 */
function escapeCellText(text: string): string {
  return escapeXml(
    text
      .replace(/_x[0-9A-Fa-f]{4}_/g, (match) => `_x005F${match}`)
      .replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry.
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
        (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  ).replaceAll('\r', '&#13;');
}

function unescapeCellText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function worksheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === '') return '';
          const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
          return `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t${space}>${escapeCellText(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}"><sheetData>${body}</sheetData></worksheet>`;
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${ns.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Writes a workbook of text cells. */
export async function writeXlsx(
  sheets: readonly SheetInput[],
  options: { compress?: boolean } = {},
): Promise<Uint8Array> {
  if (sheets.length === 0) throw new RangeError('A workbook needs a sheet');
  for (const sheet of sheets) {
    if (sheet.name === '' || sheet.name.length > 31 || /[[\]:*?/\\]/.test(sheet.name)) {
      throw new RangeError(`Invalid sheet name: ${sheet.name}`);
    }
  }
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const sheetOverrides = sheets
    .map(
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${mime}.worksheet+xml"/>`,
    )
    .join('');
  const contentTypes = `${xml}<Types xmlns="${ns.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${mime}.sheet.main+xml"/>${sheetOverrides}<Override PartName="/xl/styles.xml" ContentType="${mime}.styles+xml"/></Types>`;
  const rootRels = `${xml}<Relationships xmlns="${ns.pkg}"><Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheetList = sheets
    .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const workbook = `${xml}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheets>${sheetList}</sheets></workbook>`;
  const sheetRels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${ns.rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const workbookRels = `${xml}<Relationships xmlns="${ns.pkg}">${sheetRels}<Relationship Id="rId${sheets.length + 1}" Type="${ns.rel}/styles" Target="styles.xml"/></Relationships>`;

  return writeZip(
    [
      { name: '[Content_Types].xml', data: encodeUtf8(contentTypes) },
      { name: '_rels/.rels', data: encodeUtf8(rootRels) },
      { name: 'xl/workbook.xml', data: encodeUtf8(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', data: encodeUtf8(workbookRels) },
      { name: 'xl/styles.xml', data: encodeUtf8(stylesXml) },
      ...sheets.map((sheet, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: encodeUtf8(worksheetXml(sheet.rows)),
      })),
    ],
    options,
  );
}

/**
 * The calendar date of a spreadsheet date serial (the fraction, a time of day, is dropped), or null when
 * the serial is no date (negative, or the 1900-02-29 that Excel's 1900 system counts but never was).
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null;
  const days = Math.floor(serial);
  if (date1904) return addDays('1904-01-01', days);
  if (days === 60 || days === 0) return null;
  return days < 60 ? addDays('1899-12-31', days) : addDays('1899-12-30', days);
}

interface Relationship {
  type: string;
  target: string;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

async function readText(zip: ZipArchive, part: string): Promise<string | null> {
  const bytes = await zip.read(part);
  return bytes === null ? null : decodeText(bytes);
}

async function readRelationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const xml = await readText(zip, relsPath(part));
  if (xml === null) return rels;
  scanXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) {
        rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, a.Target) });
      }
    },
  });
  return rels;
}

/** Reads every sheet of a workbook. Throws XlsxError. */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  try {
    return await readWorkbook(openZip(bytes));
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    if (error instanceof ZipError)
      throw new XlsxError(error.code === 'notZip' ? 'notXlsx' : error.code, error.message);
    if (error instanceof XmlError) throw new XlsxError('corrupt', error.message);
    throw error;
  }
}

async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const rootRels = await readRelationships(zip, '');
  const workbookPart =
    [...rootRels.values()].find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = await readText(zip, workbookPart);
  if (workbookXml === null) throw new XlsxError('notXlsx', 'No workbook part');

  const rels = await readRelationships(zip, workbookPart);
  const sheetRefs: { name: string; relId: string }[] = [];
  let date1904 = false;
  scanXml(workbookXml, {
    open(name, a) {
      if (name === 'sheet') sheetRefs.push({ name: a.name ?? '', relId: a.id ?? '' });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });

  const sharedStringsRel = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  const sharedXml = sharedStringsRel ? await readText(zip, sharedStringsRel.target) : null;
  const sharedStrings = sharedXml === null ? [] : parseSharedStrings(sharedXml);

  const sheets: Sheet[] = [];
  for (const ref of sheetRefs) {
    const rel = rels.get(ref.relId);
    const xml = rel ? await readText(zip, rel.target) : null;
    if (xml === null) throw new XlsxError('corrupt', `Sheet ${ref.name} is missing`);
    sheets.push({ name: ref.name, rows: parseWorksheet(xml, sharedStrings) });
  }
  return { sheets, date1904 };
}

/** Text of each `<si>`: plain or rich runs, phonetic hints (`<rPh>`) left out. */
function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh' && !selfClosing) phonetic++;
      else if (name === 't' && !selfClosing) inText = phonetic === 0;
    },
    close(name) {
      if (name === 'si') {
        strings.push(unescapeCellText(current ?? ''));
        current = null;
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

function cellPosition(ref: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref.replaceAll('$', '').toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function parseWorksheet(xml: string, sharedStrings: readonly string[]): (CellValue | null)[][] {
  const rows: (CellValue | null)[][] = [];
  let row = -1;
  let column = -1;
  let type = 'n';
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;

  const place = (cell: CellValue | null) => {
    if (row >= maxRows || column >= maxColumns) throw new XlsxError('corrupt', 'Cell outside the sheet');
    while (rows.length <= row) rows.push([]);
    const cells = rows[row]!;
    while (cells.length < column) cells.push(null);
    cells[column] = cell;
  };

  scanXml(xml, {
    open(name, a, selfClosing) {
      if (name === 'row') {
        row = a.r ? Number(a.r) - 1 : row + 1;
        if (!Number.isInteger(row) || row < 0) throw new XlsxError('corrupt', 'Bad row number');
        column = -1;
      } else if (name === 'c') {
        const position = a.r ? cellPosition(a.r) : null;
        if (a.r && !position) throw new XlsxError('corrupt', `Bad cell reference ${a.r}`);
        if (row < 0) row = 0;
        column = position ? position.column : column + 1;
        if (position) row = position.row;
        type = a.t ?? 'n';
        value = '';
        inline = '';
      } else if (name === 'is') {
        inInline = true;
      } else if (name === 'rPh' && !selfClosing) {
        phonetic++;
      } else if (name === 'v' && !selfClosing) {
        capture = 'v';
      } else if (name === 't' && inInline && phonetic === 0 && !selfClosing) {
        capture = 't';
      }
    },
    close(name) {
      if (name === 'c') {
        place(cellValue(type, value, inline, sharedStrings));
      } else if (name === 'is') {
        inInline = false;
      } else if (name === 'rPh') {
        phonetic = Math.max(0, phonetic - 1);
      } else if (name === 'v' || name === 't') {
        capture = null;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 't') inline += text;
    },
  });
  return rows;
}

function cellValue(
  type: string,
  value: string,
  inline: string,
  sharedStrings: readonly string[],
): CellValue | null {
  switch (type) {
    case 's': {
      const text = sharedStrings[Number(value)];
      if (text === undefined) throw new XlsxError('corrupt', `No shared string ${value}`);
      return text === '' ? null : text;
    }
    case 'inlineStr':
      return inline === '' ? null : unescapeCellText(inline);
    case 'str':
      return value === '' ? null : unescapeCellText(value);
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
    case 'd':
      return value === '' ? null : value;
    default: {
      if (value.trim() === '') return null;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
  }
}
