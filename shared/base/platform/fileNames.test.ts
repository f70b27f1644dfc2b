import { describe, expect, it } from 'vitest';
import { planFileSave, safeFileName, withoutBidiControls } from './fileNames.ts';

describe('safeFileName', () => {
  it('removes bidi controls, so the name shows its real extension', () => {
    expect(safeFileName('Invoice\u202Efdp.exe')).toBe('Invoicefdp.exe');
    expect(withoutBidiControls('a\u2066b\u2069\u200Fc')).toBe('abc');
  });

  it('drops trailing dots and spaces and prefixes reserved Windows device names', () => {
    expect(safeFileName('report.pdf. . ')).toBe('report.pdf');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.csv')).toBe('_nul.csv');
    expect(safeFileName('Com1.xlsx')).toBe('_Com1.xlsx');
    expect(safeFileName('console.csv')).toBe('console.csv');
  });
});

describe('planFileSave', () => {
  it('saves the types the app writes, and attachments by their recorded type with the Mark of the Web', () => {
    expect(planFileSave({ suggestedName: '名单.csv', mimeType: 'text/csv;charset=utf-8', size: 3 })).toEqual({
      ok: true,
      name: '名单.csv',
      extension: 'csv',
      markOfTheWeb: false,
    });
    const scan = {
      suggestedName: '决定书.PDF',
      mimeType: 'application/pdf',
      size: 3,
      source: 'attachment',
    } as const;
    expect(planFileSave(scan)).toEqual({
      ok: true,
      name: '决定书.PDF',
      extension: 'pdf',
      markOfTheWeb: true,
    });
    // A checklist draft the app writes for the city platform; never as an attachment.
    const draft = { suggestedName: '检查表_建筑施工_第2版草稿.json', mimeType: 'application/json', size: 9 };
    expect(planFileSave(draft)).toMatchObject({ ok: true, extension: 'json' });
    expect(planFileSave({ ...draft, source: 'attachment' })).toMatchObject({ ok: false, reason: 'fileType' });
    expect(planFileSave({ ...scan, suggestedName: '说明.docx' })).toEqual({
      ok: false,
      reason: 'fileType',
      extension: 'docx',
    });
  });

  it('refuses an executable whose name hides its extension behind a bidi override', () => {
    const request = { suggestedName: 'Invoice\u202Efdp.exe', mimeType: 'application/pdf', size: 2 };
    expect(planFileSave(request)).toEqual({ ok: false, reason: 'fileType', extension: 'exe' });
    expect(planFileSave({ ...request, source: 'attachment' })).toMatchObject({
      ok: false,
      reason: 'fileType',
    });
    expect(planFileSave({ suggestedName: 'tool.docx', mimeType: 'x', size: 1 })).toMatchObject({ ok: false });
    expect(planFileSave({ suggestedName: 'pdf', mimeType: 'application/pdf', size: 1 })).toMatchObject({
      ok: false,
    });
    for (const suggestedName of ['x.constructor', 'x.__proto__', 'x.toString']) {
      expect(planFileSave({ suggestedName, mimeType: 'text/plain', size: 1 })).toMatchObject({ ok: false });
    }
  });

  it('refuses files over the limit of their type', () => {
    const attachment = { suggestedName: 'a.jpg', mimeType: 'image/jpeg', source: 'attachment' } as const;
    expect(planFileSave({ ...attachment, size: 20 * 1024 * 1024 + 1 })).toEqual({
      ok: false,
      reason: 'tooLarge',
      limitBytes: 20 * 1024 * 1024,
    });
    expect(
      planFileSave({ suggestedName: 'a.csv', mimeType: 'text/csv', size: 201 * 1024 * 1024 }),
    ).toMatchObject({
      ok: false,
      reason: 'tooLarge',
    });
  });
});
