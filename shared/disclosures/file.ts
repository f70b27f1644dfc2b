/**
 * The 双公示 reporting file: licences or penalties of a period, one record per row, the header row
 * holding the standard field codes (XK_… or CF_…), as CSV or XLSX.
 *
 * Import reads either format (told apart by content), maps columns by header code, converts what
 * spreadsheets do to values (date serials, numbers for codes, 2026/3/5-style dates, Chinese code names,
 * single-digit penalty codes of older systems) and validates every row. Rows with problems are left out
 * and listed; problems with the file as a whole (format, encoding, missing columns, no data) reject it
 * entirely so nothing is written.
 */
import { isRealDate, normalizeCode } from '../base/identifiers.ts';
import {
  type CodeEntry,
  columnsOf,
  type DisclosureField,
  type DisclosureInput,
  type DisclosureKind,
  type DisclosureRules,
  defaultDisclosureRules,
  disclosureCodeTables,
  emptyDisclosureInput,
  normalizePenaltyCategory,
  type PenaltySeverity,
  standardFieldCode,
  validateDisclosureInput,
} from './model.ts';
import type { ValidationIssue } from '../base/validation.ts';
import { decodeCsvBytes, encodeCsv, parseCsv } from '../base/io/csv.ts';
import {
  type CellValue,
  excelSerialToDate,
  readXlsx,
  type Sheet,
  writeXlsx,
  XlsxError,
} from '../base/io/xlsx.ts';

export type ReportingFormat = 'csv' | 'xlsx';

export interface ReportingPeriod {
  /** First and last decision date, inclusive. */
  from: string;
  to: string;
}

/** The records of a kind that go into the reporting file: simple-procedure penalties are never reported. */
export function reportingRecords<T extends DisclosureInput>(
  kind: DisclosureKind,
  records: readonly T[],
  period?: ReportingPeriod,
): T[] {
  return records
    .filter(
      (r) =>
        r.kind === kind &&
        !r.simpleProcedure &&
        (!period || (r.decisionDate >= period.from && r.decisionDate <= period.to)),
    )
    .sort(
      (a, b) =>
        a.decisionDate.localeCompare(b.decisionDate) || a.documentNumber.localeCompare(b.documentNumber),
    );
}

/** Header row of standard codes, then one row per record. */
export function reportingRows(kind: DisclosureKind, records: readonly DisclosureInput[]): string[][] {
  const columns = columnsOf(kind);
  return [
    columns.map((c) => c.code),
    ...records.map((record) =>
      columns.map(({ def }) =>
        def.field === 'penaltyCategories'
          ? record.penaltyCategories.join(';')
          : (record[def.field] as string),
      ),
    ),
  ];
}

export const sheetNames: Readonly<Record<DisclosureKind, string>> = {
  licence: '行政许可',
  penalty: '行政处罚',
};

/** The reporting file of a kind for a period (all the kind's reportable records when no period is given). */
export async function exportReportingFile(
  kind: DisclosureKind,
  records: readonly DisclosureInput[],
  format: ReportingFormat,
  period?: ReportingPeriod,
): Promise<Uint8Array> {
  const rows = reportingRows(kind, reportingRecords(kind, records, period));
  return format === 'csv'
    ? encodeCsv(rows)
    : writeXlsx([{ name: sheetNames[kind], rows }], { compress: true });
}

/**
 * A problem in one row: `row` is the spreadsheet row number (the header is row 1); the row's document
 * number and party name as the file gives them, so the clerk can find it.
 */
export interface RowIssue extends ValidationIssue {
  row: number;
  documentNumber: string;
  partyName: string;
}

/** A record read from the file, with the spreadsheet row it came from. */
export interface ImportedRow {
  row: number;
  record: DisclosureInput;
}

/** A problem with the whole file; the code doubles as i18n key `validation.<code>`. */
export interface FileIssue {
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportRead {
  ok: true;
  rows: ImportedRow[];
  /** Rows left out, with every reason. */
  errors: RowIssue[];
  /** Remarks on rows that are read all the same (cells that look like spreadsheet formulas). */
  warnings: RowIssue[];
  ignoredColumns: string[];
  /** The sheet read, of a workbook ('' for CSV). */
  sheet: string;
  /** Signature rows below the data (填报人…, 审核人…) that were skipped. */
  footerRows: number[];
}

export type ImportResult = ImportRead | { ok: false; error: FileIssue };

export interface ImportOptions {
  /** YYYY-MM-DD, for the "not in the future" rules. */
  today: string;
  /** Severity given to imported penalties (the file does not carry it). */
  severity?: PenaltySeverity;
  rules?: DisclosureRules;
}

export const maxImportRows = 100_000;

/** Reads a reporting file of the given kind, CSV or XLSX. */
export async function importReportingFile(
  kind: DisclosureKind,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const grids = await readGrids(bytes);
  if ('code' in grids) return { ok: false, error: grids };
  return importGrids(kind, grids.sheets, grids.date1904, options);
}

async function readGrids(bytes: Uint8Array): Promise<{ sheets: Sheet[]; date1904: boolean } | FileIssue> {
  if (bytes.length === 0) return { code: 'file.empty' };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { code: 'file.legacyXls' };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return await readXlsx(bytes);
    } catch (error) {
      if (error instanceof XlsxError) return { code: `file.${error.code}` };
      throw error;
    }
  }
  const text = decodeCsvBytes(bytes);
  if (text.includes('\u0000')) return { code: 'file.unreadable' };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { code: 'file.unclosedQuote', params: { line: parsed.line } };
  return { sheets: [{ name: '', rows: parsed.rows }], date1904: false };
}

const isBlank = (cell: CellValue | null) => cell === null || (typeof cell === 'string' && cell.trim() === '');

function headerCode(cell: CellValue | null): string {
  return String(cell ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase();
}

/** Title rows may sit above the header, as in many government templates. */
const headerSearchRows = 10;

/** Standard codes of the kind in a row, counted once each. */
function knownCodes(row: readonly (CellValue | null)[], known: ReadonlySet<string>): number {
  return new Set(row.map(headerCode).filter((code) => known.has(code))).size;
}

/**
 * The header row of a sheet: among its first rows, the one holding the most standard codes of the kind
 * (an instructions row naming a code or two loses to the real header).
 */
function headerRow(sheet: Sheet, known: ReadonlySet<string>): { index: number; codes: number } {
  let best = { index: -1, codes: 0 };
  sheet.rows.slice(0, headerSearchRows).forEach((row, index) => {
    const codes = knownCodes(row, known);
    if (codes > best.codes) best = { index, codes };
  });
  return best;
}

/** Labels that begin the signature lines under a reporting table. */
const footerLabels =
  /^(填报人|填表人|制表人|审核人|负责人|联系人|联系电话|填报日期|制表日期|报送日期|填报单位|单位负责人)/;

/** A signature line: starts with a footer label and holds no more than a few cells. */
function isFooter(cells: readonly (CellValue | null)[]): boolean {
  const filled = cells.filter((cell) => !isBlank(cell)).map((cell) => cellText(cell));
  return filled.length > 0 && filled.length <= 6 && footerLabels.test(filled[0]!);
}

/** Cells a spreadsheet would run as formulas: read as plain text, and flagged. */
const formulaLike = /^[=+\-@]/;

function importGrids(
  kind: DisclosureKind,
  sheets: readonly Sheet[],
  date1904: boolean,
  options: ImportOptions,
): ImportResult {
  // BZ (remarks) is common to both kinds: only the kind's own prefixed codes tell the header.
  const codesOf = (k: DisclosureKind) =>
    new Set(
      columnsOf(k)
        .map((c) => c.code)
        .filter((code) => code.startsWith(k === 'licence' ? 'XK_' : 'CF_')),
    );
  if (sheets.every((sheet) => sheet.rows.every((row) => row.every(isBlank)))) {
    return { ok: false, error: { code: 'file.empty' } };
  }
  const own = codesOf(kind);
  const [chosen] = sheets
    .map((sheet) => ({ sheet, header: headerRow(sheet, own) }))
    .filter((s) => s.header.index >= 0)
    .sort((a, b) => b.header.codes - a.header.codes);
  if (!chosen) {
    const other = codesOf(kind === 'licence' ? 'penalty' : 'licence');
    const otherKind = sheets.some((sheet) => headerRow(sheet, other).index >= 0);
    return { ok: false, error: { code: otherKind ? 'file.wrongKind' : 'file.noHeader', params: { kind } } };
  }
  const headerIndex = chosen.header.index;

  const header = chosen.sheet.rows[headerIndex]!.map(headerCode);
  const known = new Map(columnsOf(kind).map((c) => [c.code, c.def]));
  const columnIndex = new Map<DisclosureField, number>();
  const ignoredColumns: string[] = [];
  for (const [index, code] of header.entries()) {
    if (code === '') continue;
    const def = known.get(code);
    if (!def) {
      ignoredColumns.push(code);
    } else if (columnIndex.has(def.field)) {
      return { ok: false, error: { code: 'file.duplicateColumn', params: { column: code } } };
    } else {
      columnIndex.set(def.field, index);
    }
  }
  const rules = options.rules ?? defaultDisclosureRules;
  // Fields required only for some parties (USCC, ID numbers) may be absent: such rows fail on their own.
  const missing = columnsOf(kind)
    .filter((c) => rules.required[kind].includes(c.def.field) && !columnIndex.has(c.def.field))
    .map((c) => c.code);
  if (missing.length > 0)
    return { ok: false, error: { code: 'file.missingColumns', params: { columns: missing.join(', ') } } };

  const filled = chosen.sheet.rows
    .map((cells, index) => ({ cells, row: index + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => !cells.every(isBlank));
  const footerRows = filled.filter(({ cells }) => isFooter(cells)).map(({ row }) => row);
  const dataRows = filled.filter(({ row }) => !footerRows.includes(row));
  if (dataRows.length === 0) return { ok: false, error: { code: 'file.noRows' } };
  if (dataRows.length > maxImportRows)
    return { ok: false, error: { code: 'file.tooManyRows', params: { max: maxImportRows } } };

  const rows: ImportedRow[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const firstRowOf = new Map<string, number>();
  const numberCode = standardFieldCode(kind, 'documentNumber')!;
  for (const { cells, row } of dataRows) {
    const record = recordFromCells(kind, cells, columnIndex, date1904, options);
    const about = { row, documentNumber: record.documentNumber.trim(), partyName: record.partyName.trim() };
    const result = validateDisclosureInput(record, options.today, rules);
    if (!result.ok) {
      errors.push(...result.issues.map((found) => ({ ...about, ...found })));
      continue;
    }
    const firstRow = firstRowOf.get(result.value.documentNumber);
    if (firstRow !== undefined) {
      errors.push({
        ...about,
        field: numberCode,
        code: 'disclosure.duplicateInFile',
        params: { row: firstRow },
      });
      continue;
    }
    firstRowOf.set(result.value.documentNumber, row);
    for (const { code, def } of columnsOf(kind)) {
      const value = result.value[def.field];
      if (typeof value === 'string' && formulaLike.test(value) && def.format === 'text') {
        warnings.push({ ...about, field: code, code: 'disclosure.formulaText' });
      }
    }
    rows.push({ row, record: result.value });
  }
  return { ok: true, rows, errors, warnings, ignoredColumns, sheet: chosen.sheet.name, footerRows };
}

function recordFromCells(
  kind: DisclosureKind,
  cells: readonly (CellValue | null)[],
  columnIndex: ReadonlyMap<DisclosureField, number>,
  date1904: boolean,
  options: ImportOptions,
): DisclosureInput {
  const record = emptyDisclosureInput(kind);
  if (kind === 'penalty') record.severity = options.severity ?? 'general';
  const columns = new Map(columnsOf(kind).map((c) => [c.def.field, c.def]));
  for (const [field, index] of columnIndex) {
    const cell = cells[index] ?? null;
    const format = columns.get(field)!.format;
    if (field === 'penaltyCategories') {
      // A number cell is read as the old single-digit code it most likely is.
      record.penaltyCategories = cellText(cell)
        .split(/[;；,，、\s]+/)
        .filter((part) => part !== '')
        .map(normalizePenaltyCategory);
    } else if (format === 'date') {
      (record[field] as string) =
        typeof cell === 'number'
          ? (excelSerialToDate(cell, date1904) ?? String(cell))
          : dateText(cellText(cell));
    } else if (disclosureCodeTables[field]) {
      (record[field] as string) = codeValue(cellText(cell), disclosureCodeTables[field]!);
    } else {
      (record[field] as string) = cellText(cell);
    }
  }
  return record;
}

function cellText(cell: CellValue | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  return String(cell).trim();
}

/** Decimal text of a number without binary noise or exponent (0.1 + 0.2 → "0.3", 1e-7 → "0.0000001"). */
export function numberText(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  const text = String(Number(value.toPrecision(15)));
  if (!text.includes('e')) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** 2026-3-5, 2026/03/05, 2026.3.5, 2026年3月5日, 20260305 or an ISO timestamp → 2026-03-05; else unchanged. */
export function dateText(text: string): string {
  const separated = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = separated ?? compact;
  if (!parts) return text;
  const date = `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
  return isRealDate(date) ? date : text;
}

/**
 * A code as written (full-width digits folded), a Chinese code name, or a code that lost its leading
 * zero in a spreadsheet.
 */
function codeValue(raw: string, table: readonly CodeEntry[]): string {
  const folded = normalizeCode(raw);
  const entry =
    table.find((e) => e.code === folded) ??
    table.find((e) => e.zh === raw) ??
    (/^\d+$/.test(folded) ? table.find((e) => Number(e.code) === Number(folded)) : undefined);
  return entry?.code ?? raw;
}
