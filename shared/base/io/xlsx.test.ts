import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './web.ts';
import { columnName, excelSerialToDate, readXlsx, writeXlsx, XlsxError } from './xlsx.ts';
import { writeZip } from './zip.ts';

async function xlsxError(bytes: Uint8Array): Promise<string> {
  try {
    await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) return error.code;
    throw error;
  }
  return 'none';
}

const tricky = ['01', '<&>"\'', ' padded ', 'two\nlines', 'ctrl\u0001char', '_x0041_ literal', '行政处罚 😀'];

describe('XLSX writer and reader', () => {
  it('names columns', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it.each([false, true])('round-trips text cells exactly (compress: %s)', async (compress) => {
    const rows = [['code', 'value', 'note'], tricky.slice(0, 3), ['', 'gap before', ''], tricky.slice(3)];
    const book = await readXlsx(await writeXlsx([{ name: '行政处罚', rows }], { compress }));
    expect(book.date1904).toBe(false);
    expect(book.sheets.map((s) => s.name)).toEqual(['行政处罚']);
    expect(book.sheets[0]!.rows).toEqual([
      ['code', 'value', 'note'],
      tricky.slice(0, 3),
      [null, 'gap before'],
      tricky.slice(3),
    ]);
  });

  it('writes files another XLSX library reads', async () => {
    // ExcelJS leaves OOXML `_xHHHH_` escapes undecoded, so the cells needing them are left out here.
    const portable = tricky.filter((value) => !value.includes('_x') && !value.includes('\u0001'));
    const bytes = await writeXlsx(
      [
        { name: 'One', rows: [['a', 'b'], portable] },
        { name: 'Two', rows: [['x']] },
      ],
      { compress: true },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['One', 'Two']);
    const row = workbook.getWorksheet('One')!.getRow(2);
    expect(portable.map((_, i) => row.getCell(i + 1).text)).toEqual(portable);
  });

  it('reads what a spreadsheet program saves: shared strings, numbers, dates, booleans, formulas, rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['text', 1, 0.1 + 0.2, new Date(Date.UTC(2026, 2, 6)), true]);
    sheet.addRow([
      { richText: [{ text: '处罚' }, { text: '决定', font: { bold: true } }] },
      { formula: 'B1*2', result: 2 },
    ]);
    sheet.getCell('D4').value = 'far away';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const book = await readXlsx(bytes);
    const rows = book.sheets[0]!.rows;
    expect(rows[0]!.slice(0, 3)).toEqual(['text', 1, 0.30000000000000004]);
    expect(excelSerialToDate(rows[0]![3] as number)).toBe('2026-03-06');
    expect(rows[0]![4]).toBe(true);
    expect(rows[1]).toEqual(['处罚决定', 2]);
    expect(rows[2]).toEqual([]);
    expect(rows[3]).toEqual([null, null, null, 'far away']);
  });

  it('reads hand-made parts: relocated workbook, prefixed elements, phonetic hints, 1904 dates', async () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const parts = {
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="/book/main.xml"/></Relationships>`,
      'book/main.xml': `<x:workbook xmlns:x="m" xmlns:r="${rel}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="S &amp; T" sheetId="1" r:id="s1"/></x:sheets></x:workbook>`,
      'book/_rels/main.xml.rels': `<Relationships><Relationship Id="s1" Type="${rel}/worksheet" Target="sheets/../data/s.xml"/><Relationship Id="ss" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`,
      'book/strings.xml':
        '<sst><si><t>plain</t></si><si><r><t>ri</t></r><r><t xml:space="preserve">ch </t></r><rPh><t>ふりがな</t></rPh></si><si><t>line_x000D_break</t></si></sst>',
      'book/data/s.xml': `<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>plain</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2026-03-06T00:00:00</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    };
    const bytes = await writeZip(
      Object.entries(parts).map(([name, xml]) => ({ name, data: encodeUtf8(xml) })),
      { compress: true },
    );
    const book = await readXlsx(bytes);
    expect(book.date1904).toBe(true);
    expect(book.sheets[0]!.name).toBe('S & T');
    expect(book.sheets[0]!.rows).toEqual([
      ['plain', 'rich ', 'line\rbreak', 1, 'plain', '#N/A', '2026-03-06T00:00:00', 'a<b'],
    ]);
  });

  it('converts date serials of both date systems', () => {
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    expect(excelSerialToDate(46087.75)).toBe('2026-03-06');
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(-3)).toBeNull();
    expect(excelSerialToDate(44196, true)).toBe('2025-01-01');
  });

  it('rejects what is not a workbook', async () => {
    expect(await xlsxError(encodeUtf8('CF_XDR_MC,CF_JDRQ\r\n'))).toBe('notXlsx');
    const noWorkbook = await writeZip([{ name: 'readme.txt', data: encodeUtf8('hi') }]);
    expect(await xlsxError(noWorkbook)).toBe('notXlsx');
    const good = await writeXlsx([{ name: 'A', rows: [['x']] }]);
    expect(await xlsxError(good.slice(0, good.length - 10))).toBe('corrupt');
    const broken = await writeZip([
      {
        name: 'xl/workbook.xml',
        data: encodeUtf8('<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'),
      },
    ]);
    expect(await xlsxError(broken)).toBe('corrupt');
    const badXml = await writeZip([
      { name: 'xl/workbook.xml', data: encodeUtf8('<!DOCTYPE x [<!ENTITY e "boom">]><workbook/>') },
    ]);
    expect(await xlsxError(badXml)).toBe('corrupt');
  });

  it('refuses invalid sheet names', async () => {
    await expect(writeXlsx([{ name: 'a/b', rows: [] }])).rejects.toThrow(RangeError);
    await expect(writeXlsx([])).rejects.toThrow(RangeError);
  });
});
