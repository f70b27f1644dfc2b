import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, encodeCsv, formatCsv, parseCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes only fields that need it and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '']])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it('writes UTF-8 with a byte order mark', () => {
    const bytes = encodeCsv([['名称']]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(bytes)).toBe('名称\r\n');
  });

  it.each(['\r\n', '\n', '\r'])('parses quoted fields, doubled quotes and line ends %j', (end) => {
    const text = `a,"b,c","x""y"${end}"multi\r\nline",2,${end}3,4,5${end}6,7,8`;
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['a', 'b,c', 'x"y'],
        ['multi\r\nline', '2', ''],
        ['3', '4', '5'],
        ['6', '7', '8'],
      ],
    });
  });

  it('keeps stray quotes in unquoted fields, refuses text after a closing quote', () => {
    expect(parseCsv('5" pipe,b\n')).toEqual({ ok: true, rows: [['5" pipe', 'b']] });
    expect(parseCsv('a\n5" pipe,"a"b\n')).toEqual({ ok: false, code: 'unclosedQuote', line: 2 });
  });

  it('defuses formulas on write and reads them back unchanged', () => {
    const cells = [
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\tx',
      "'=1",
      'a=b',
    ];
    const text = formatCsv([cells]);
    expect(text).toBe(
      `"'=cmd|' /C calc'!A0","'=HYPERLINK(""http://x"",""y"")","'+1+1","'-2","'@SUM(A1)","'\tx","''=1",a=b\r\n`,
    );
    expect(parseCsv(text)).toEqual({ ok: true, rows: [cells] });
  });

  it('adds no row for a final line end but keeps empty lines inside', () => {
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual({ ok: true, rows: [['a'], [''], ['b']] });
    expect(parseCsv('')).toEqual({ ok: true, rows: [] });
  });

  it('names the line of a quote left open', () => {
    expect(parseCsv('a,b\r\nc,"d\r\ne,f\r\n')).toEqual({ ok: false, code: 'unclosedQuote', line: 2 });
  });

  it('reads GB18030 files as Excel saves them on Chinese Windows', () => {
    // "处罚,罚款" in GB18030.
    const gbk = new Uint8Array([0xb4, 0xa6, 0xb7, 0xa3, 0x2c, 0xb7, 0xa3, 0xbf, 0xee]);
    expect(decodeCsvBytes(gbk)).toBe('处罚,罚款');
  });

  it('round-trips any table of strings', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '1') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(formatCsv(rows))).toEqual({ ok: true, rows });
      }),
      { numRuns: 300 },
    );
  });
});
