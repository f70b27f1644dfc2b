import type { TFunction } from 'i18next';
import type { CollectionName } from '../../../shared/model/collections.ts';
import type { ValidationIssue } from '../../../shared/model/validation.ts';
import type { DocumentState } from '../../sync/merge.ts';

/** Where each collection's field labels live in the app's messages. */
const fieldLabelPrefixes: Partial<Record<CollectionName, string>> = { subjects: 'subject.field' };

export function fieldLabel(t: TFunction, collection: CollectionName, field: string): string {
  const prefix = fieldLabelPrefixes[collection];
  return prefix ? t(`${prefix}.${field}`, { defaultValue: field }) : field;
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

/** Fields holding a code-table value, shown by their label (e.g. `subject.industry.construction`). */
const codedFields: Partial<Record<CollectionName, Readonly<Record<string, string>>>> = {
  subjects: { kind: 'subject.kind', industry: 'subject.industry', status: 'subject.status' },
};

export function displayValue(
  t: TFunction,
  collection: CollectionName,
  field: string,
  value: unknown,
): string {
  if (value === undefined || value === null || value === '') return t('sync.conflicts.empty');
  const coded = codedFields[collection]?.[field];
  if (coded && typeof value === 'string') return t(`${coded}.${value}`, { defaultValue: value });
  return typeof value === 'string' ? value : JSON.stringify(value);
}
