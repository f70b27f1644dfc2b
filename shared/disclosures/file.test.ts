import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureCodes, sampleLicence, samplePenalty } from '../creditRecords/testFixtures.ts';
import { columnsOf, type DisclosureInput, type DisclosureKind } from './model.ts';
import { encodeCsv, formatCsv } from '../base/io/csv.ts';
import {
  dateText,
  exportReportingFile,
  type ImportResult,
  importReportingFile,
  numberText,
  reportingRecords,
  reportingRows,
} from './file.ts';
import { encodeUtf8 } from '../base/io/web.ts';
import { writeXlsx } from '../base/io/xlsx.ts';

const options = { today: '2026-04-10' };

const penalties: DisclosureInput[] = [
  samplePenalty(),
  samplePenalty({
    partyName: '王五',
    partyCategory: '02',
    partyUscc: '',
    legalRepresentative: '',
    partyIdType: '01',
    partyIdNumber: fixtureCodes.person,
    documentNumber: '海建罚字〔2026〕第13号',
    penaltyCategories: ['01', '03', '08'],
    fineAmount: '0.123456',
    suspendedLicence: '二级建造师注册证书 蒙2150303201234567',
    violationFacts: '事实一，"引号"，\n第二行',
    decisionDate: '2026-03-20',
    validUntil: '2027-03-20',
    publicityEnd: '2027-03-20',
    remarks: '  ',
  }),
];
const licences: DisclosureInput[] = [
  sampleLicence(),
  sampleLicence({ documentNumber: 'X2', licenceStatus: '4' }),
];

/** What an import yields for a record: trimmed text, and the file's defaults for CreditDesk fields. */
function imported(record: DisclosureInput): DisclosureInput {
  return { ...record, remarks: record.remarks.trim() };
}

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`file refused: ${JSON.stringify(result.error)}`);
  return { ...result, records: result.rows.map((imported) => imported.record) };
}

async function spreadsheet(
  rows: unknown[][],
  sheetName = 'Sheet1',
  before?: unknown[][],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (before) workbook.addWorksheet('说明').addRows(before);
  workbook.addWorksheet(sheetName).addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('reporting file export', () => {
  it('selects the kind and period, leaves out simple-procedure penalties, and sorts by decision', () => {
    const all = [
      samplePenalty({ decisionDate: '2026-03-20', documentNumber: 'B' }),
      samplePenalty({ decisionDate: '2026-03-06', documentNumber: 'A' }),
      samplePenalty({ decisionDate: '2026-03-10', simpleProcedure: true, severity: 'minor' }),
      samplePenalty({ decisionDate: '2026-04-01' }),
      sampleLicence(),
    ];
    const chosen = reportingRecords('penalty', all, { from: '2026-03-01', to: '2026-03-31' });
    expect(chosen.map((r) => r.documentNumber)).toEqual(['A', 'B']);
  });

  it('writes the standard codes as the header and joins penalty categories', () => {
    const rows = reportingRows('penalty', [penalties[1]!]);
    expect(rows[0]).toEqual(columnsOf('penalty').map((c) => c.code));
    expect(rows[1]![rows[0]!.indexOf('CF_CFLB')]).toBe('01;03;08');
    expect(rows[1]![rows[0]!.indexOf('CF_JDRQ')]).toBe('2026-03-20');
  });

  it('writes CSV as UTF-8 with a BOM and CRLF line ends', async () => {
    const bytes = await exportReportingFile('licence', licences, 'csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith('XK_XDR_MC,XK_XDR_LB,XK_XDR_SHXYM,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });
});

describe('round trips', () => {
  it.each<[DisclosureKind, 'csv' | 'xlsx']>([
    ['penalty', 'csv'],
    ['penalty', 'xlsx'],
    ['licence', 'csv'],
    ['licence', 'xlsx'],
  ])('%s as %s: export then import gives the same records', async (kind, format) => {
    const records = kind === 'penalty' ? penalties : licences;
    const file = await exportReportingFile(kind, records, format);
    const result = ok(await importReportingFile(kind, file, options));
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result.records).toEqual(reportingRecords(kind, records).map(imported));
  });
});

describe('import of files from other programs', () => {
  it('reads an Excel-saved file: date serials, numbers, lost zeros, Chinese names, legacy codes', async () => {
    const header = [
      'CF_XDR_MC',
      'CF_XDR_LB',
      'CF_XDR_SHXYM',
      'CF_FRDB',
      'CF_WSH',
      'CF_WFXW',
      'CF_SY',
      'CF_YJ',
      'CF_CFLB',
    ];
    header.push(
      'CF_NR',
      'CF_NR_FK',
      'CF_JDRQ',
      'CF_YXQ',
      'CF_GSJZQ',
      'CF_CFJG',
      'CF_CFJGDM',
      'CF_SJLY',
      'CF_SJLYDM',
      '备注说明',
    );
    const p = samplePenalty();
    const common = [
      p.partyName,
      1,
      p.partyUscc,
      p.legalRepresentative,
      p.documentNumber,
      p.violationType,
      p.violationFacts,
      p.legalBasis,
    ];
    const tail = [p.authority, p.authorityCode, p.sourceUnit, p.sourceUnitCode, 'ignored'];
    const bytes = await spreadsheet([
      header,
      [
        ...common,
        '0;1',
        p.content,
        0.1 + 0.2,
        new Date(Date.UTC(2026, 2, 6)),
        '2027/3/6',
        '2027年3月6日',
        ...tail,
      ],
      [
        ...common.map((cell) => (cell === p.documentNumber ? `${p.documentNumber}之二` : cell)),
        '警告、罚款',
        p.content,
        2,
        '20260306',
        new Date(Date.UTC(2027, 2, 6)),
        '2027-03-06',
        ...tail,
      ],
    ]);
    const result = ok(await importReportingFile('penalty', bytes, options));
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual(['备注说明']);
    expect(
      result.records.map((r) => [
        r.partyCategory,
        r.penaltyCategories,
        r.fineAmount,
        r.decisionDate,
        r.validUntil,
      ]),
    ).toEqual([
      ['01', ['01', '03'], '0.3', '2026-03-06', '2027-03-06'],
      ['01', ['01', '03'], '2', '2026-03-06', '2027-03-06'],
    ]);
    expect(result.records[0]!.publicityEnd).toBe('2027-03-06');
    expect(result.records[0]!.severity).toBe('general');
  });

  it('reads a GB18030 CSV with lower-case codes and a title sheet before the data in XLSX', async () => {
    const rows = reportingRows('licence', licences);
    const lower = [rows[0]!.map((code) => code.toLowerCase()), ...rows.slice(1)];
    const gb18030 = gbEncode(formatCsv(lower));
    expect(ok(await importReportingFile('licence', gb18030, options)).rows).toHaveLength(2);

    const xlsx = await spreadsheet(rows, '行政许可', [['本表按国家标准填写'], ['第二行说明']]);
    expect(ok(await importReportingFile('licence', xlsx, options)).rows).toHaveLength(2);
  });

  it('finds the header below title rows and numbers rows as the sheet does', async () => {
    const rows = reportingRows('penalty', penalties);
    const broken = [...rows[2]!];
    broken[rows[0]!.indexOf('CF_WSH')] = '';
    const file = encodeCsv([
      ['行政处罚信息报送表'],
      ['报送单位：某县住房和城乡建设局'],
      rows[0]!,
      rows[1]!,
      broken,
    ]);
    const result = ok(await importReportingFile('penalty', file, options));
    expect(result.records).toEqual([imported(penalties[0]!)]);
    expect(result.errors).toEqual([
      { row: 5, field: 'CF_WSH', code: 'required', documentNumber: '', partyName: '王五' },
    ]);
  });

  it('uses the configured severity for imported penalties', async () => {
    const file = await exportReportingFile('penalty', penalties, 'csv');
    const result = ok(await importReportingFile('penalty', file, { ...options, severity: 'serious' }));
    expect(result.records.map((r) => r.severity)).toEqual(['serious', 'serious']);
  });
});

describe('row errors', () => {
  it('keeps valid rows and names row, field and rule for the others', async () => {
    const rows = reportingRows('penalty', penalties);
    const at = (code: string) => rows[0]!.indexOf(code);
    const bad = [...rows[1]!];
    bad[at('CF_JDRQ')] = '2026-02-30';
    bad[at('CF_XDR_SHXYM')] = '91350100M000100Y44';
    const future = [...rows[2]!];
    future[at('CF_JDRQ')] = '2026-05-01';
    future[at('CF_CFLB')] = '7';
    const file = encodeCsv([rows[0]!, bad, rows[1]!, future]);

    const result = ok(await importReportingFile('penalty', file, options));
    expect(result.records).toEqual([imported(penalties[0]!)]);
    const first = { documentNumber: penalties[0]!.documentNumber, partyName: penalties[0]!.partyName };
    const second = { documentNumber: penalties[1]!.documentNumber, partyName: '王五' };
    expect(result.errors).toEqual([
      { row: 2, field: 'CF_JDRQ', code: 'dateFormat', ...first },
      { row: 2, field: 'CF_XDR_SHXYM', code: 'uscc.checkChar', params: { expected: '3' }, ...first },
      { row: 4, field: 'CF_CFLB', code: 'oneOf', ...second },
      { row: 4, field: 'CF_JDRQ', code: 'dateInFuture', ...second },
    ]);
  });

  it('counts rows as the spreadsheet shows them, skipping blank ones', async () => {
    const rows = reportingRows('licence', licences);
    const broken = [...rows[2]!];
    broken[rows[0]!.indexOf('XK_XKLB')] = '';
    const file = encodeCsv([rows[0]!, rows[1]!, ['', '', ''], broken]);
    const result = ok(await importReportingFile('licence', file, options));
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([
      { row: 4, field: 'XK_XKLB', code: 'required', documentNumber: 'X2', partyName: licences[1]!.partyName },
    ]);
  });
});

describe('whole-file errors: nothing is imported', () => {
  const header = reportingRows('penalty', [])[0]!;

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string, Record<string, string | number>?]>([
    ['an empty file', () => new Uint8Array(), 'file.empty'],
    ['a file of blank lines', () => encodeCsv([[''], ['', '']]), 'file.empty'],
    ['a header without rows', () => encodeCsv([header]), 'file.noRows'],
    [
      'a licence file imported as penalties',
      () => exportReportingFile('licence', licences, 'xlsx'),
      'file.wrongKind',
      { kind: 'penalty' },
    ],
    [
      'a sheet without standard codes',
      () =>
        writeXlsx([
          {
            name: 'A',
            rows: [
              ['名称', '日期'],
              ['x', 'y'],
            ],
          },
        ]),
      'file.noHeader',
      { kind: 'penalty' },
    ],
    [
      'missing required columns',
      () => encodeCsv([header.filter((c) => c !== 'CF_JDRQ' && c !== 'CF_YJ'), ['x']]),
      'file.missingColumns',
      { columns: 'CF_YJ, CF_JDRQ' },
    ],
    [
      'a repeated column',
      () => encodeCsv([[...header, 'cf_jdrq'], ['x']]),
      'file.duplicateColumn',
      { column: 'CF_JDRQ' },
    ],
    [
      'an unclosed quote',
      () => encodeUtf8(`${header.join(',')}\r\n"abc,def\r\n`),
      'file.unclosedQuote',
      { line: 2 },
    ],
    [
      'an old .xls file',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'file.legacyXls',
    ],
    [
      'a damaged XLSX',
      async () => (await exportReportingFile('penalty', penalties, 'xlsx')).slice(0, 200),
      'file.corrupt',
    ],
    ['binary data', () => new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00]), 'file.unreadable'],
  ])('refuses %s', async (_, make, code, params) => {
    const result = await importReportingFile('penalty', await make(), options);
    expect(result).toEqual({ ok: false, error: params ? { code, params } : { code } });
  });
});

describe('value conversion', () => {
  it('reads dates as spreadsheets write them', () => {
    expect(dateText('2026/3/6')).toBe('2026-03-06');
    expect(dateText('2026.03.06')).toBe('2026-03-06');
    expect(dateText('2026年3月6日')).toBe('2026-03-06');
    expect(dateText('20260306')).toBe('2026-03-06');
    expect(dateText('2026-03-06T08:00:00')).toBe('2026-03-06');
    expect(dateText('2026/2/30')).toBe('2026/2/30');
    expect(dateText('长期')).toBe('长期');
  });

  it('writes numbers as plain decimals', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(150303198503152000)).toBe('150303198503152000');
    expect(numberText(12.5)).toBe('12.5');
  });
});

/** CSV as another program might write it (every field quoted, LF line ends): not the app's writer. */
function handCsvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\n');
}

function handCsv(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(handCsvText(rows));
}

/** GB18030 bytes of a text (ASCII and two-byte characters): TextEncoder writes UTF-8 only. */
function gbEncode(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (trail !== 0x7f && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const encoded = code < 0x80 ? [code] : table.get(ch);
    if (!encoded) throw new Error(`no GB18030 fixture encoding for ${ch}`);
    bytes.push(...encoded);
  }
  return new Uint8Array(bytes);
}

describe('files made elsewhere (fixtures written by exceljs and by hand, not by CreditDesk)', () => {
  const header = reportingRows('licence', [])[0]!;
  const at = (code: string) => header.indexOf(code);

  it('reads the sheet whose header carries the codes, after an instructions sheet, and names it', async () => {
    const instructions = [
      ['填写说明'],
      ['字段代码', '含义'],
      ['XK_XDR_MC', '行政相对人名称'],
      ['XK_WSH', '行政许可决定文书号'],
    ];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填写说明').addRows(instructions);
    workbook.addWorksheet('行政许可数据').addRows(reportingRows('licence', licences));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = ok(await importReportingFile('licence', bytes, options));
    expect(result.sheet).toBe('行政许可数据');
    expect(result.records).toEqual(licences.map(imported));
  });

  it('names row, document number and the first row of a number repeated in the file', async () => {
    const rows = reportingRows('licence', [licences[0]!, licences[1]!, licences[0]!]);
    const result = ok(await importReportingFile('licence', handCsv(rows), options));
    expect(result.rows.map((imported) => imported.row)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      {
        row: 4,
        field: 'XK_WSH',
        code: 'disclosure.duplicateInFile',
        params: { row: 2 },
        documentNumber: licences[0]!.documentNumber,
        partyName: licences[0]!.partyName,
      },
    ]);
  });

  it('folds full-width digits in code columns as in identifiers', async () => {
    const row = [...reportingRows('licence', [licences[0]!])[1]!];
    row[at('XK_XDR_LB')] = '０１';
    row[at('XK_XKLB')] = '１';
    row[at('XK_XDR_SHXYM')] = row[at('XK_XDR_SHXYM')]!.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    const result = ok(await importReportingFile('licence', handCsv([header, row]), options));
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.partyCategory, r.licenceCategory, r.partyUscc])).toEqual([
      ['01', licences[0]!.licenceCategory, licences[0]!.partyUscc],
    ]);
  });

  it('skips signature lines under the table and says which, in a GB18030 file', async () => {
    const rows = reportingRows('licence', licences);
    const footer = [[], ['填报人：张三', '', '审核人：李四'], ['填报日期：2026年4月1日']];
    const result = ok(
      await importReportingFile('licence', gbEncode(handCsvText([...rows, ...footer])), options),
    );
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(2);
    expect(result.footerRows).toEqual([5, 6]);
  });

  it('writes formula-like text defused in CSV, as text in XLSX, reads both back unchanged and flags it', async () => {
    const formulas = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.com","点击")', '+1+1', '@SUM(A1:A9)'];
    const records = formulas.map((content, i) => sampleLicence({ documentNumber: `F${i}`, content }));
    const csv = await exportReportingFile('licence', records, 'csv');
    const lines = new TextDecoder().decode(csv).split('\r\n').slice(1, -1);
    for (const line of lines) expect(line.split(',').every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);

    const xlsx = await exportReportingFile('licence', records, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]!.getColumn(at('XK_NR') + 1).values.slice(2);
    expect(cells).toEqual(formulas);

    // As another program writes it: formulas as they are, every field quoted.
    const foreign = handCsv(reportingRows('licence', records));
    for (const file of [csv, xlsx, foreign]) {
      const result = ok(await importReportingFile('licence', file, options));
      expect(result.records.map((r) => r.content)).toEqual(formulas);
      expect(result.warnings.map((w) => [w.row, w.field, w.code])).toEqual(
        formulas.map((_, i) => [i + 2, 'XK_NR', 'disclosure.formulaText']),
      );
    }
  });

  it('keeps an in-cell CRLF through XLSX export, for itself and for exceljs', async () => {
    const record = sampleLicence({ content: '第一行\r\n第二行' });
    const xlsx = await exportReportingFile('licence', [record], 'xlsx');
    expect(ok(await importReportingFile('licence', xlsx, options)).records[0]!.content).toBe(
      '第一行\r\n第二行',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell(2, at('XK_NR') + 1).value).toBe('第一行\r\n第二行');
  });
});
