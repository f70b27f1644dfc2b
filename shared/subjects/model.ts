import { checkResidentId, checkUscc, normalizeCode } from '../base/identifiers.ts';
import { maxEncryptedLength } from '../base/security/fieldCrypto.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';

export const subjectKinds = ['enterprise', 'practitioner'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const industries = [
  'construction',
  'realEstateDevelopment',
  'propertyServices',
  'realEstateBrokerage',
  'costConsulting',
  'landscaping',
  'other',
] as const;
export type Industry = (typeof industries)[number];

export const subjectStatuses = ['active', 'suspended', 'deregistered'] as const;
export type SubjectStatus = (typeof subjectStatuses)[number];

/**
 * One subject of credit supervision (信用主体). Enterprises and practitioners share the collection;
 * fields that do not apply to a kind hold ''.
 */
export interface SubjectDocument extends BaseDocument {
  kind: SubjectKind;
  name: string;
  /** Unified social credit code for enterprises, resident ID number for practitioners; normalized. */
  code: string;
  industry: Industry;
  status: SubjectStatus;
  /** Enterprise: legal representative (法定代表人). */
  legalRepresentative: string;
  /** Enterprise qualification or practitioner's professional qualification. */
  qualification: string;
  /** Enterprise qualification level (资质等级). */
  qualificationLevel: string;
  /** Enterprise: registered address. */
  address: string;
  /** Enterprise: administrative division code of the county it is registered in. */
  division: string;
  /** Enterprise: contact person. */
  contactPerson: string;
  /** Enterprise contact phone or practitioner's phone. */
  phone: string;
  /** Practitioner: id of the employing enterprise, or ''. */
  employerId: string;
  /** Practitioner: professional certificate number. */
  certificateNumber: string;
}

export type SubjectInput = Omit<SubjectDocument, StampFields>;

export const subjectTextLimits = {
  name: 100,
  legalRepresentative: 50,
  qualification: 100,
  qualificationLevel: 50,
  address: 200,
  contactPerson: 50,
  phone: 30,
  certificateNumber: 50,
} as const;

export function emptySubjectInput(kind: SubjectKind): SubjectInput {
  return {
    kind,
    name: '',
    code: '',
    industry: 'construction',
    status: 'active',
    legalRepresentative: '',
    qualification: '',
    qualificationLevel: '',
    address: '',
    division: '',
    contactPerson: '',
    phone: '',
    employerId: '',
    certificateNumber: '',
  };
}

const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** Trims text fields and normalizes the code, as the form and the import both store it. */
export function normalizeSubjectInput(input: SubjectInput): SubjectInput {
  const trimmed = Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]),
  ) as SubjectInput;
  return { ...trimmed, code: normalizeCode(input.code), phone: trimmed.phone.replace(/\s/g, '') };
}

/**
 * Validates a subject as entered; `today` (YYYY-MM-DD) bounds birth dates in ID numbers.
 * Returns the normalized input or every broken rule.
 */
export function validateSubjectInput(raw: SubjectInput, today: string): Validated<SubjectInput> {
  const input = normalizeSubjectInput(raw);
  const issues: ValidationIssue[] = [];
  const enterprise = input.kind === 'enterprise';

  if (!subjectKinds.includes(input.kind)) issues.push(issue('kind', 'oneOf'));
  if (!industries.includes(input.industry)) issues.push(issue('industry', 'oneOf'));
  if (!subjectStatuses.includes(input.status)) issues.push(issue('status', 'oneOf'));

  if (input.name === '') issues.push(issue('name', 'required'));
  for (const [field, max] of Object.entries(subjectTextLimits)) {
    const value = input[field as keyof typeof subjectTextLimits];
    if (value.length > max) issues.push(issue(field, 'tooLong', { max }));
  }

  if (input.code === '') {
    issues.push(issue('code', 'required'));
  } else {
    const problem = enterprise ? checkUscc(input.code) : checkResidentId(input.code, today);
    if (problem) issues.push(issue('code', problem.code, problem.params));
  }

  if (enterprise) {
    if (input.legalRepresentative === '') issues.push(issue('legalRepresentative', 'required'));
    if (!/^\d{6}$/.test(input.division)) issues.push(issue('division', 'divisionCode'));
    if (input.employerId !== '') issues.push(issue('employerId', 'notApplicable'));
  } else {
    if (input.division !== '' && !/^\d{6}$/.test(input.division))
      issues.push(issue('division', 'divisionCode'));
  }
  if (input.phone !== '' && !phonePattern.test(input.phone)) issues.push(issue('phone', 'phone'));

  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

/**
 * The versioned JSON schema of the subjects collection (RxDB format; plain data, no RxDB import).
 * Version 1: a practitioner's ID number and every phone number are stored encrypted on the device
 * (shared/base/security/masking.ts lists them), so they are sized for ciphertext and not indexed.
 */
export const subjectJsonSchema = {
  title: 'subject',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: [...subjectKinds], maxLength: 12 },
    name: { type: 'string', maxLength: subjectTextLimits.name },
    code: { type: 'string', maxLength: maxEncryptedLength(18) },
    industry: { type: 'string', enum: [...industries], maxLength: 24 },
    status: { type: 'string', enum: [...subjectStatuses], maxLength: 12 },
    legalRepresentative: { type: 'string', maxLength: subjectTextLimits.legalRepresentative },
    qualification: { type: 'string', maxLength: subjectTextLimits.qualification },
    qualificationLevel: { type: 'string', maxLength: subjectTextLimits.qualificationLevel },
    address: { type: 'string', maxLength: subjectTextLimits.address },
    division: { type: 'string', maxLength: 6 },
    contactPerson: { type: 'string', maxLength: subjectTextLimits.contactPerson },
    phone: { type: 'string', maxLength: maxEncryptedLength(subjectTextLimits.phone) },
    employerId: { type: 'string', maxLength: 36 },
    certificateNumber: { type: 'string', maxLength: subjectTextLimits.certificateNumber },
  },
  required: [
    ...stampFields,
    'kind',
    'name',
    'code',
    'industry',
    'status',
    'legalRepresentative',
    'qualification',
    'qualificationLevel',
    'address',
    'division',
    'contactPerson',
    'phone',
    'employerId',
    'certificateNumber',
  ],
  // Lists filter, sort and find codes (duplicate checks included) through the renderer's in-memory
  // subject index, which holds the decrypted values. These indexes (version 2) serve lists while that
  // index loads: change order, by kind, and name and code prefixes (practitioners' codes are ciphertext).
  indexes: ['updatedAt', ['kind', 'updatedAt'], 'name', 'code'],
  additionalProperties: false,
} as const;
