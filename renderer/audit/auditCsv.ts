import type { TFunction } from 'i18next';
import { formatCsv } from '../../shared/base/io/csv.ts';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { auditActionLabel, userLabel } from './labels.ts';

/** RFC 4180 CSV, formulas defused, with a UTF-8 byte order mark so spreadsheets read the Chinese right. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${formatCsv(rows)}`;
}

/** The audit trail as a spreadsheet: one row per entry, chain fields included for later checks. */
export function auditCsv(
  t: TFunction,
  entries: readonly AuditEntry[],
  users: ReadonlyMap<string, string>,
): string {
  const header = [
    'seq',
    'at',
    'deviceId',
    'user',
    'action',
    'collection',
    'documentId',
    'reason',
    'before',
    'after',
    'prevHash',
    'hash',
  ].map((column) => t(`audit.csv.${column}`));
  const rows = entries.map((entry) => [
    String(entry.seq),
    entry.at,
    entry.deviceId,
    userLabel(t, entry, users),
    auditActionLabel(t, entry),
    entry.collectionName,
    entry.documentId,
    entry.reason,
    entry.before ? JSON.stringify(entry.before) : '',
    entry.after ? JSON.stringify(entry.after) : '',
    entry.prevHash,
    entry.hash,
  ]);
  return toCsv([header, ...rows]);
}
