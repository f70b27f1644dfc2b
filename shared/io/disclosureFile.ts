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
import { isRealDate } from '../domain/identifiers.ts';
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
  validateDisclosureInput,
} from '../model/disclosure.ts';
import type { ValidationIssue } from '../model/validation.ts';
import { decodeCsvBytes, encodeCsv, parseCsv } from './csv.ts';
import { type CellValue, excelSerialToDate, readXlsx, type Sheet, writeXlsx, XlsxError } from './xlsx.ts';

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

/** A problem in one row; `row` is the spreadsheet row number (the header is row 1). */
export interface RowIssue extends ValidationIssue {
  row: number;
}

/** A problem with the whole file; the code doubles as i18n key `validation.<code>`. */
export interface FileIssue {
  code: string;
  params?: Record<string, string | number>;
}

export type ImportResult =
  | { ok: true; rows: DisclosureInput[]; errors: RowIssue[]; ignoredColumns: string[] }
  | { ok: false; error: FileIssue };

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

/** The row holding standard codes of a kind (by prefix), or -1. */
function headerRowIndex(sheet: Sheet, prefix: string): number {
  return sheet.rows
    .slice(0, headerSearchRows)
    .findIndex((row) => row.some((cell) => headerCode(cell).startsWith(prefix)));
}

function importGrids(
  kind: DisclosureKind,
  sheets: readonly Sheet[],
  date1904: boolean,
  options: ImportOptions,
): ImportResult {
  const prefix = kind === 'licence' ? 'XK_' : 'CF_';
  const otherPrefix = kind === 'licence' ? 'CF_' : 'XK_';
  if (sheets.every((sheet) => sheet.rows.every((row) => row.every(isBlank)))) {
    return { ok: false, error: { code: 'file.empty' } };
  }
  const chosen = sheets
    .map((sheet) => ({ sheet, headerIndex: headerRowIndex(sheet, prefix) }))
    .find((s) => s.headerIndex >= 0);
  if (!chosen) {
    const otherKind = sheets.some((sheet) => headerRowIndex(sheet, otherPrefix) >= 0);
    return { ok: false, error: { code: otherKind ? 'file.wrongKind' : 'file.noHeader', params: { kind } } };
  }

  const header = chosen.sheet.rows[chosen.headerIndex]!.map(headerCode);
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

  const dataRows = chosen.sheet.rows
    .map((cells, index) => ({ cells, row: index + 1 }))
    .slice(chosen.headerIndex + 1)
    .filter(({ cells }) => !cells.every(isBlank));
  if (dataRows.length === 0) return { ok: false, error: { code: 'file.noRows' } };
  if (dataRows.length > maxImportRows)
    return { ok: false, error: { code: 'file.tooManyRows', params: { max: maxImportRows } } };

  const rows: DisclosureInput[] = [];
  const errors: RowIssue[] = [];
  for (const { cells, row } of dataRows) {
    const record = recordFromCells(kind, cells, columnIndex, date1904, options);
    const result = validateDisclosureInput(record, options.today, rules);
    if (result.ok) rows.push(result.value);
    else errors.push(...result.issues.map((found) => ({ row, ...found })));
  }
  return { ok: true, rows, errors, ignoredColumns };
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

/** A code as written, a Chinese code name, or a code that lost its leading zero in a spreadsheet. */
function codeValue(text: string, table: readonly CodeEntry[]): string {
  const entry =
    table.find((e) => e.code === text) ??
    table.find((e) => e.zh === text) ??
    (/^\d+$/.test(text) ? table.find((e) => Number(e.code) === Number(text)) : undefined);
  return entry?.code ?? text;
}
