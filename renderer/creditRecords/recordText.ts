import type { TFunction } from 'i18next';
import { type DisclosureKind, disclosureKinds } from '../../shared/disclosures/model.ts';
import { codeTableOf, disclosureFieldLabel } from '../disclosures/labels.ts';

/**
 * Fields and values of any record as people read them: labels in the user's language and code-table
 * values by their names (建筑施工, not `construction`). Used by every history view, the audit trail and
 * the conflict screen.
 */

/** Where each collection's field labels live in the app's messages. */
const fieldLabelPrefixes: Readonly<Record<string, string>> = {
  subjects: 'subject.field',
  creditRecords: 'credit.field',
  users: 'users',
};

/** Fields holding a code-table value, by the i18n prefix of the table's names. */
const codedFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  subjects: { kind: 'subject.kind', industry: 'subject.industry', status: 'subject.status' },
  creditRecords: {
    category: 'credit.category',
    status: 'credit.status',
    disclosure: 'credit.disclosure',
    source: 'credit.source',
  },
  disclosures: {
    kind: 'creditUi.kind',
    severity: 'disclosure.severity',
    ...Object.fromEntries(Object.entries(codeTableOf).map(([field, entry]) => [field, entry!.prefix])),
  },
  users: { roles: 'security.role', status: 'security.userStatus' },
};

/** A field's label; `kind` picks the wording of subjects (企业名称 / 姓名) and 双公示 decisions. */
export function recordFieldLabel(t: TFunction, collection: string, field: string, kind?: unknown): string {
  if (collection === 'disclosures' && disclosureKinds.includes(kind as DisclosureKind))
    return disclosureFieldLabel(t, kind as DisclosureKind, field);
  if (collection === 'disclosures') return t(`disclosure.field.${field}`, { defaultValue: field });
  if (collection === 'subjects' && (kind === 'enterprise' || kind === 'practitioner')) {
    const byKind: Record<string, string> = {
      name: kind === 'enterprise' ? 'nameEnterprise' : 'namePractitioner',
      code: kind === 'enterprise' ? 'codeEnterprise' : 'codePractitioner',
      qualification: kind === 'enterprise' ? 'qualification' : 'qualificationPractitioner',
    };
    return t(`subject.field.${byKind[field] ?? field}`, { defaultValue: field });
  }
  const prefix = fieldLabelPrefixes[collection];
  return prefix ? t(`${prefix}.${field}`, { defaultValue: field }) : field;
}

/** A stored value as text: code values by name, lists joined, booleans as yes/no, empty as "—". */
export function recordValueText(t: TFunction, collection: string, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const coded = codedFields[collection]?.[field];
  const one = (item: unknown): string => {
    if (coded && typeof item === 'string') return t(`${coded}.${item}`, { defaultValue: item });
    if (typeof item === 'boolean') return t(item ? 'common.yes' : 'common.no');
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    // A workflow step by its action, an attachment by its file name.
    const step = item as { action?: unknown; name?: unknown };
    if (typeof step.action === 'string') return t(`credit.workflow.action.${step.action}`);
    if (typeof step.name === 'string') return step.name;
    return t('auditText.complexValue');
  };
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(one).join('、');
  return one(value);
}
