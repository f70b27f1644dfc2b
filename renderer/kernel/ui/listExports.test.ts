import { afterEach, describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from '../../../shared/base/io/csv.ts';
import { readXlsx } from '../../../shared/base/io/xlsx.ts';
import { openTestProfile, type TestProfile, testSession } from '../security/testSupport.ts';
import { exportList } from './listExports.ts';

let profile: TestProfile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

const rows = [
  ['名称', '代码'],
  ['王秀兰', '110105********002X'],
];

describe('list exports', () => {
  it('writes the filtered list as XLSX or CSV and audits who exported how many rows and why', async () => {
    profile = await openTestProfile('test-list-export-1');
    profile.actAs(testSession(['clerk'], 'clerk-1'));
    const request = { collection: 'subjects' as const, rows, sheetName: '信用主体', reason: '核对名单' };
    const xlsx = await exportList(profile.context, { ...request, format: 'xlsx' });
    if (!xlsx.ok) throw new Error(JSON.stringify(xlsx.issues));
    expect((await readXlsx(xlsx.value)).sheets[0]?.rows).toEqual(rows);
    const csv = await exportList(profile.context, { ...request, format: 'csv' });
    if (!csv.ok) throw new Error(JSON.stringify(csv.issues));
    expect(parseCsv(decodeCsvBytes(csv.value))).toEqual({ ok: true, rows });
    const audited = await profile.audit.search({ action: 'export' });
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({
      userId: 'clerk-1',
      collectionName: 'subjects',
      after: { format: 'csv', records: 1 },
      reason: '核对名单',
    });
  });

  it('refuses without a reason or without the right to export, and audits nothing', async () => {
    profile = await openTestProfile('test-list-export-2');
    profile.actAs(testSession(['clerk'], 'clerk-1'));
    const request = { collection: 'subjects' as const, rows, sheetName: '信用主体', format: 'csv' as const };
    expect(await exportList(profile.context, { ...request, reason: ' ' })).toMatchObject({
      ok: false,
      issues: [{ field: 'reason', code: 'required' }],
    });
    profile.actAs(testSession(['auditor'], 'auditor-1'));
    expect(await exportList(profile.context, { ...request, reason: '核对' })).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
    expect(await profile.audit.search({ action: 'export' })).toEqual([]);
  });
});
