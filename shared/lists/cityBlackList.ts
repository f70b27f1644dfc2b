/**
 * The city-wide serious-dishonesty list (reference kind `cityBlackList`): every county's approved
 * black-list entries, promoted by the platform and pulled read-only by every county. Subject ids differ
 * per county, so entries match subjects by `subjectKey`: the USCC of an enterprise, or a keyed hash
 * (HMAC-SHA-256) of a practitioner's ID number; the ID number itself never leaves its county in a list.
 */
import { isRealDate } from '../base/identifiers.ts';
import type { LocalizedText } from '../creditRecords/catalog.ts';
import { baseDocumentProperties, type BaseDocument } from '../base/document.ts';
import type { SubjectKind } from '../subjects/model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { type ListingDocument, listingActiveOn } from './listing.ts';
import { type ListKind, listKinds } from './rules.ts';

export interface CityBlackListEntry extends BaseDocument {
  kind: 'cityBlackList';
  subjectKey: string;
  /** An enterprise's name; '' for a practitioner (a person's name stays in the county). */
  subjectName: string;
  list: ListKind;
  /** The county that decided the entry, and its listing. */
  sourceCounty: string;
  sourceListing: string;
  basis: string[];
  measures: LocalizedText[];
  decisionNumber: string;
  start: string;
  end: string;
  /** The first day off the list; '' while on it. */
  exitedOn: string;
}

export const cityBlackListProperties = {
  ...baseDocumentProperties,
  kind: { type: 'string', enum: ['cityBlackList'], maxLength: 20 },
  subjectKey: { type: 'string', maxLength: 72 },
  subjectName: { type: 'string', maxLength: 200 },
  list: { type: 'string', enum: [...listKinds], maxLength: 32 },
  sourceCounty: { type: 'string', maxLength: 6 },
  sourceListing: { type: 'string', maxLength: 36 },
  basis: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 300 } },
  measures: {
    type: 'array',
    maxItems: 10,
    items: {
      type: 'object',
      properties: { zh: { type: 'string', maxLength: 300 }, en: { type: 'string', maxLength: 300 } },
      required: ['zh', 'en'],
      additionalProperties: false,
    },
  },
  decisionNumber: { type: 'string', maxLength: 64 },
  start: { type: 'string', maxLength: 10 },
  end: { type: 'string', maxLength: 10 },
  exitedOn: { type: 'string', maxLength: 10 },
} as const;

/** The JSON schema of one city-list entry (validated on the platform; stored in `reference`). */
export const cityBlackListJsonSchema = {
  title: 'cityBlackList',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: cityBlackListProperties,
  required: Object.keys(cityBlackListProperties),
  additionalProperties: false,
} as const;

export function validateCityBlackListEntry(entry: CityBlackListEntry): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!/^(uscc|idh):[0-9A-Za-z]{1,64}$/.test(entry.subjectKey)) issues.push(issue('subjectKey', 'required'));
  if (!entry.basis.some((text) => text.trim() !== '')) issues.push(issue('basis', 'lists.basisRequired'));
  if (!isRealDate(entry.start)) issues.push(issue('start', 'dateFormat'));
  if (entry.exitedOn !== '' && !isRealDate(entry.exitedOn)) issues.push(issue('exitedOn', 'dateFormat'));
  return issues;
}

/**
 * The city entry an approved black-list listing becomes (null for any other listing): the same id, so a
 * later exit of the listing updates it. `city` is the city's division code, `at` the promotion instant.
 */
export function promotionOf(
  listing: ListingDocument,
  subjectName: string,
  city: string,
  at: string,
): CityBlackListEntry | null {
  if (listing.kind !== 'blackList' || listing.list === '') return null;
  if (listing.status !== 'listed' && listing.status !== 'exited') return null;
  return {
    id: listing.id,
    county: city,
    createdAt: at,
    updatedAt: at,
    createdBy: 'platform',
    updatedBy: 'platform',
    kind: 'cityBlackList',
    subjectKey: listing.subjectKey,
    subjectName: listing.subjectKey.startsWith('uscc:') ? subjectName : '',
    list: listing.list,
    sourceCounty: listing.county,
    sourceListing: listing.id,
    basis: listing.basis,
    measures: listing.measures,
    decisionNumber: listing.decisionNumber,
    start: listing.start,
    end: listing.end,
    exitedOn: listing.exitedOn,
  };
}

/** The city entries standing for the subject on `asOf`; empty when it is on no county's black list. */
export function cityBlackListEntriesOf(
  entries: readonly CityBlackListEntry[],
  subjectKey: string,
  asOf: string,
): CityBlackListEntry[] {
  return entries.filter(
    (entry) => entry.subjectKey === subjectKey && listingActiveOn({ ...entry, status: 'listed' }, asOf),
  );
}

/** Whether a subject is on the city-wide serious-dishonesty list on `asOf` (for commitments, inspections, verification). */
export function isOnCityBlackList(
  entries: readonly CityBlackListEntry[],
  subjectKey: string,
  asOf: string,
): boolean {
  return cityBlackListEntriesOf(entries, subjectKey, asOf).length > 0;
}

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * How the city matches a subject: `uscc:<USCC>` for an enterprise, `idh:<HMAC-SHA-256 of the ID number
 * under the city's matching key>` for a practitioner. `code` is the normalized subject code.
 */
export async function subjectKeyOf(kind: SubjectKind, code: string, matchingKey: string): Promise<string> {
  if (kind === 'enterprise') return `uscc:${code}`;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(matchingKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `idh:${hex(await crypto.subtle.sign('HMAC', key, encoder.encode(code)))}`;
}
