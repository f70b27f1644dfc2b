import { encodeCsv } from '../../../shared/base/io/csv.ts';
import { writeXlsx } from '../../../shared/base/io/xlsx.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { issue, type Validated } from '../../../shared/base/validation.ts';
import { actingUser, type RepositoryContext } from '../security/repositoryContext.ts';

export type ListFormat = 'xlsx' | 'csv';

export const listMimeTypes: Readonly<Record<ListFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

export interface ListExportRequest {
  collection: CollectionName;
  /** The header row, then one row per record, personal values already masked for the user's roles. */
  rows: readonly (readonly string[])[];
  format: ListFormat;
  /** The sheet's name in an XLSX file. */
  sheetName: string;
  reason: string;
}

/**
 * A list as the user filtered it, as a spreadsheet: refused without the right to export spreadsheets or
 * without a reason; audited (who, which list, how many rows, why) before the file is handed over.
 */
export async function exportList(
  context: RepositoryContext,
  request: ListExportRequest,
): Promise<Validated<Uint8Array>> {
  const acting = actingUser(context, 'export.spreadsheet');
  if (!acting.ok) return acting;
  if (request.reason.trim() === '') return { ok: false, issues: [issue('reason', 'required')] };
  const data =
    request.format === 'xlsx'
      ? await writeXlsx([{ name: request.sheetName, rows: request.rows }])
      : encodeCsv(request.rows);
  await context.audit.append(acting.session.userId, {
    action: 'export',
    collectionName: request.collection,
    after: { format: request.format, records: request.rows.length - 1 },
    reason: request.reason.trim(),
  });
  return { ok: true, value: data };
}
