import type { TFunction } from 'i18next';
import {
  type CodeEntry,
  type DisclosureField,
  type DisclosureKind,
  idTypes,
  licenceCategories,
  licenceStatuses,
  partyCategories,
  penaltyCategories,
  standardFieldCode,
} from '../../shared/disclosures/model.ts';

/** The label of a field as the standard names it for the kind (处罚决定日期, 许可决定日期 …). */
export function disclosureFieldLabel(t: TFunction, kind: DisclosureKind, field: string): string {
  const code = standardFieldCode(kind, field as DisclosureField) ?? field;
  return t(`disclosure.field.${code}`, { defaultValue: field });
}

/** The label of the field an issue names: a standard code (CF_JDRQ) or a CreditDesk property. */
export function issueFieldLabel(t: TFunction, field: string): string | null {
  return t(`disclosure.field.${field}`, { defaultValue: '' }) || null;
}

/** Code tables of the fields chosen from one (the i18n prefix names their values). */
export const codeTableOf: Partial<Record<DisclosureField, { table: readonly CodeEntry[]; prefix: string }>> =
  {
    partyCategory: { table: partyCategories, prefix: 'disclosure.partyCategory' },
    legalRepIdType: { table: idTypes, prefix: 'disclosure.idType' },
    partyIdType: { table: idTypes, prefix: 'disclosure.idType' },
    licenceCategory: { table: licenceCategories, prefix: 'disclosure.licenceCategory' },
    licenceStatus: { table: licenceStatuses, prefix: 'disclosure.licenceStatus' },
    penaltyCategories: { table: penaltyCategories, prefix: 'disclosure.penaltyCategory' },
  };

export function codeOptions(t: TFunction, field: DisclosureField): { value: string; label: string }[] {
  const entry = codeTableOf[field];
  if (!entry) return [];
  return entry.table.map(({ code }) => ({ value: code, label: `${code} ${t(`${entry.prefix}.${code}`)}` }));
}

/** A stored value as the reader should see it: code values by their names. */
export function displayValue(t: TFunction, field: DisclosureField, value: string | string[]): string {
  const entry = codeTableOf[field];
  const one = (code: string) => (entry ? t(`${entry.prefix}.${code}`, { defaultValue: code }) : code);
  if (Array.isArray(value)) return value.map(one).join('、') || '—';
  return value === '' ? '—' : one(value);
}

/** First and last day of the month holding `date` (YYYY-MM-DD). */
export function monthOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = date.slice(0, 7);
  return { from: `${prefix}-01`, to: `${prefix}-${String(last).padStart(2, '0')}` };
}

/** The month before the one holding `date`. */
export function previousMonthOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const previous = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  return monthOf(previous);
}
