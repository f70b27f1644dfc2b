import type { TFunction } from 'i18next';
import type { AuditAction, AuditEntry, AuditSnapshot } from '../../shared/base/auditEntry.ts';
import { bulkCreationOf } from '../../shared/base/security/auditChain.ts';
import { recordFieldLabel, recordValueText } from '../creditRecords/recordText.ts';
import { auditActionLabel } from './labels.ts';

/** What the trail knows about the record an entry concerns, from the database or the entry itself. */
export interface AuditRecord {
  /** The record's kind (enterprise, penalty …) where its collection has kinds. */
  kind?: string;
  /** What people call it: a subject's name, a record's title, a decision's number, a user's name. */
  name?: string;
}

/** One changed field, labelled and with both values in words. */
export interface AuditChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** Stands where the record's name goes, for the page to put a link there. */
export const recordMarker = '\u0000';

const sessionActions: readonly AuditAction[] = [
  'signIn',
  'signOut',
  'signInFailed',
  'accountLocked',
  'passwordChange',
];

const nameFields = ['name', 'title', 'documentNumber', 'displayName'] as const;

/** The record as the entry itself names it (a created record's name), when the database has nothing. */
export function recordFromEntry(entry: AuditEntry): AuditRecord {
  const snapshot = { ...entry.before, ...entry.after } as AuditSnapshot;
  const name = nameFields.map((field) => snapshot[field]).find((value) => typeof value === 'string');
  const kind = typeof snapshot.kind === 'string' ? snapshot.kind : undefined;
  return { kind, name: name as string | undefined };
}

/** "企业“宏达建筑”", "credit record “…”": the record's type in words and its name. */
export function recordPhrase(t: TFunction, collection: string, record: AuditRecord): string {
  const type = t(`auditText.type.${collection}.${record.kind ?? 'any'}`, {
    defaultValue: t(`auditText.type.${collection}.any`, { defaultValue: t('auditText.type.other') }),
  });
  return record.name ? t('auditText.record', { type, name: record.name }) : type;
}

/** The fields an entry changed, labelled and valued in the user's language. */
export function auditChanges(t: TFunction, entry: AuditEntry, kind?: string): AuditChange[] {
  if (!entry.before || !entry.after || bulkCreationOf(entry)) return [];
  const fields = [...new Set([...Object.keys(entry.before), ...Object.keys(entry.after)])];
  return fields.map((field) => ({
    field,
    label: recordFieldLabel(t, entry.collectionName, field, kind),
    from: recordValueText(t, entry.collectionName, field, entry.before?.[field]),
    to: recordValueText(t, entry.collectionName, field, entry.after?.[field]),
  }));
}

/**
 * The entry as one sentence in the user's language, e.g. "李明（liming） 将企业“宏达建筑”的行业由
 * “建筑施工”改为“物业服务”". With `marker` the record's phrase is replaced by `recordMarker`, for the
 * page to show it as a link.
 */
export function auditSentence(
  t: TFunction,
  entry: AuditEntry,
  user: string,
  record: AuditRecord,
  options: { marker?: boolean } = {},
): string {
  const collection = entry.collectionName;
  // A user's own sign-in, lock or password change concerns her, who is named already.
  const ownAccount =
    sessionActions.includes(entry.action) && collection === 'users' && entry.documentId === entry.userId;
  const hasRecord = collection !== '' && entry.documentId !== '' && !ownAccount;
  const phrase = options.marker ? recordMarker : recordPhrase(t, collection, record);
  const bulk = bulkCreationOf(entry);
  if (bulk)
    return t('auditText.bulkCreated', {
      user,
      count: bulk.documents.length,
      type: recordPhrase(t, collection, {}),
    });
  const action = auditActionLabel(t, entry);
  if (!hasRecord) return t('auditText.acted', { user, action });
  const changes = auditChanges(t, entry, record.kind);
  if (changes.length > 0) {
    const listed = changes.map((change) => t('auditText.change', { ...change, field: change.label }));
    return t('auditText.changed', {
      user,
      record: phrase,
      changes: listed.join(t('auditText.changeSeparator')),
    });
  }
  if (entry.action === 'create') return t('auditText.created', { user, record: phrase });
  return t('auditText.actedOn', { user, action, record: phrase });
}
