import type { TFunction } from 'i18next';
import type { CollectionName } from '../../shared/base/collections.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { DocumentState } from '../kernel/sync/merge.ts';
import { recordFieldLabel, recordValueText } from '../creditRecords/recordText.ts';

export function fieldLabel(t: TFunction, collection: CollectionName, field: string): string {
  return recordFieldLabel(t, collection, field);
}

/** What a person recognises a record by. */
export function recordName(state: DocumentState | null | undefined, fallback: string): string {
  const name = state?.name ?? state?.title;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

export function issueMessage(t: TFunction, collection: CollectionName, issue: ValidationIssue): string {
  const message = t(`validation.${issue.code}`, { ...issue.params, defaultValue: issue.code });
  return issue.field
    ? t('sync.refused.reason', { field: fieldLabel(t, collection, issue.field), message })
    : message;
}

export function displayValue(
  t: TFunction,
  collection: CollectionName,
  field: string,
  value: unknown,
): string {
  const text = recordValueText(t, collection, field, value);
  return text === '—' ? t('sync.conflicts.empty') : text;
}
