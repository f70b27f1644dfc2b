import { maskPhone, maskResidentId } from '../identifiers.ts';
import type { CollectionName } from '../collections.ts';
import { can, type Role } from './permissions.ts';

/**
 * Personal data of natural persons: which fields hold it, who sees it in clear, how it is masked.
 * The same list tells the repositories which fields to encrypt at rest (fieldCrypto).
 */

export const personalDataKinds = ['idNumber', 'phone', 'address'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

export interface PersonalField {
  field: string;
  kind: PersonalDataKind;
  /** The field holds personal data only in documents matching this (e.g. practitioners, not enterprises). */
  when?: Readonly<Record<string, string>>;
}

/**
 * Personal fields per collection. Collections not listed hold none yet; each adds its entries when its
 * schema lands. An enterprise's phone is its contact person's, so it counts as personal too; a 双公示
 * decision carries the ID number of its party when that is a natural person (empty otherwise) and of
 * its legal representative.
 */
export const personalFields: Partial<Record<CollectionName, readonly PersonalField[]>> = {
  subjects: [
    { field: 'code', kind: 'idNumber', when: { kind: 'practitioner' } },
    { field: 'phone', kind: 'phone' },
  ],
  disclosures: [
    { field: 'partyIdNumber', kind: 'idNumber' },
    { field: 'legalRepIdNumber', kind: 'idNumber' },
  ],
  commitments: [{ field: 'subjectCode', kind: 'idNumber', when: { subjectKind: 'practitioner' } }],
  inspections: [{ field: 'representativeIdNumber', kind: 'idNumber' }],
};

/** The personal fields of one document of a collection. */
export function personalFieldsOf(
  collection: CollectionName,
  document: Readonly<Record<string, unknown>>,
): PersonalField[] {
  return (personalFields[collection] ?? []).filter(
    (entry) => !entry.when || Object.entries(entry.when).every(([field, value]) => document[field] === value),
  );
}

/** Roles that see each kind of personal data in clear without revealing it. */
export type ClearTextPolicy = Readonly<Record<PersonalDataKind, readonly Role[]>>;

/** Nobody sees personal data in clear by default; `personalData.reveal` shows one value, audited. */
export const defaultClearTextPolicy: ClearTextPolicy = { idNumber: [], phone: [], address: [] };

export function seesInClear(
  roles: readonly Role[],
  kind: PersonalDataKind,
  policy: ClearTextPolicy = defaultClearTextPolicy,
): boolean {
  return roles.some((role) => policy[kind].includes(role));
}

/** Whether the user may reveal one masked value (the reveal is written to the audit trail with a reason). */
export function mayReveal(roles: readonly Role[]): boolean {
  return can(roles, 'personalData.reveal');
}

/** Keeps the first six characters (province, city, district in most addresses): 河南省郑州市**** */
export function maskAddress(address: string): string {
  const characters = [...address];
  if (characters.length <= 6) return address;
  return `${characters.slice(0, 6).join('')}****`;
}

export function maskPersonalValue(kind: PersonalDataKind, value: string): string {
  if (value === '') return '';
  switch (kind) {
    case 'idNumber':
      return maskResidentId(value);
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskAddress(value);
  }
}

/** The value as this user sees it: in clear when the policy lets her roles, masked otherwise. */
export function displayPersonalValue(
  kind: PersonalDataKind,
  value: string,
  roles: readonly Role[],
  policy: ClearTextPolicy = defaultClearTextPolicy,
): string {
  return seesInClear(roles, kind, policy) ? value : maskPersonalValue(kind, value);
}
