import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/model/auditEntry.ts';
import { auditActionLabel, userLabel } from './labels.ts';

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets never run it. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a UTF-8 byte order mark, so spreadsheet programs read the Chinese text right. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
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
