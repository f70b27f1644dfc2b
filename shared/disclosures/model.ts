/**
 * 双公示 records: administrative licence (行政许可, XK_) and penalty (行政处罚, CF_) decisions, kept in one
 * `disclosures` collection with `kind: 'licence' | 'penalty'`. Documents use readable property names;
 * `disclosureColumns` maps them to the national standard's field codes, which name the fields in
 * validation issues, in the reporting files and in the i18n keys `disclosure.field.<code>`.
 *
 * The official required-field table was not available: which fields are required is configuration
 * (`defaultDisclosureRules`) with defaults taken from agreeing public implementations.
 */
import { checkResidentId, checkUscc, isRealDate, normalizeCode } from '../base/identifiers.ts';
import { maxEncryptedLength } from '../base/security/fieldCrypto.ts';
import { personalFields } from '../base/security/masking.ts';
import { isUuid } from '../base/uuid.ts';
import {
  baseDocumentProperties,
  type BaseDocument,
  type StampFields,
  stampFields,
} from '../base/document.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';

export const disclosureKinds = ['licence', 'penalty'] as const;
export type DisclosureKind = (typeof disclosureKinds)[number];

/** A code table entry: the standard's code and its Chinese value text (accepted on import). */
export interface CodeEntry {
  code: string;
  zh: string;
}

/** 行政相对人类别. */
export const partyCategories: readonly CodeEntry[] = [
  { code: '01', zh: '法人及非法人组织' },
  { code: '02', zh: '自然人' },
  { code: '03', zh: '个体工商户' },
];

/** 证件类型 of natural persons and legal representatives. */
export const idTypes: readonly CodeEntry[] = [
  { code: '01', zh: '身份证' },
  { code: '02', zh: '护照' },
  { code: '03', zh: '港澳居民来往内地通行证' },
  { code: '04', zh: '台湾居民来往大陆通行证' },
  { code: '05', zh: '外国人永久居留身份证' },
];

/** 许可类别. */
export const licenceCategories: readonly CodeEntry[] = [
  { code: '01', zh: '普通' },
  { code: '02', zh: '特许' },
  { code: '03', zh: '认可' },
  { code: '04', zh: '核准' },
  { code: '05', zh: '登记' },
  { code: '06', zh: '其他' },
];

/** 当前状态 of a licence. */
export const licenceStatuses: readonly CodeEntry[] = [
  { code: '1', zh: '有效' },
  { code: '2', zh: '撤销' },
  { code: '3', zh: '吊销' },
  { code: '4', zh: '注销' },
  { code: '5', zh: '其他' },
];

/** 处罚类别: the kinds of administrative penalty of Administrative Penalty Law (2021) Art. 9. */
export const penaltyCategories: readonly CodeEntry[] = [
  { code: '01', zh: '警告' },
  { code: '02', zh: '通报批评' },
  { code: '03', zh: '罚款' },
  { code: '04', zh: '没收违法所得' },
  { code: '05', zh: '没收非法财物' },
  { code: '06', zh: '暂扣许可证件' },
  { code: '07', zh: '降低资质等级' },
  { code: '08', zh: '吊销许可证件' },
  { code: '09', zh: '限制开展生产经营活动' },
  { code: '10', zh: '责令停产停业' },
  { code: '11', zh: '责令关闭' },
  { code: '12', zh: '限制从业' },
  { code: '13', zh: '行政拘留' },
  { code: '99', zh: '其他' },
];

/**
 * Single-digit penalty codes of older systems, mapped on import: 0 warning, 1 fine, 2 confiscation
 * (read as confiscation of illegal gains), 3 order to suspend, 4 suspension or revocation of a licence
 * (read as revocation), 5 detention, 6 other.
 */
export const legacyPenaltyCategoryMap: Readonly<Record<string, string>> = {
  '0': '01',
  '1': '03',
  '2': '04',
  '3': '10',
  '4': '08',
  '5': '13',
  '6': '99',
};

/** How serious a penalty is; decides whether and under which category a credit record is derived. */
export const penaltySeverities = ['minor', 'general', 'serious'] as const;
export type PenaltySeverity = (typeof penaltySeverities)[number];

export interface DisclosureDocument extends BaseDocument {
  kind: DisclosureKind;
  /** The subject the decision concerns, '' until matched. */
  subjectId: string;
  partyName: string;
  partyCategory: string;
  partyUscc: string;
  partyBusinessRegNo: string;
  partyOrgCode: string;
  partyTaxRegNo: string;
  partyInstitutionCode: string;
  partySocialOrgCode: string;
  legalRepresentative: string;
  legalRepIdType: string;
  legalRepIdNumber: string;
  partyIdType: string;
  partyIdNumber: string;
  documentNumber: string;
  decisionDate: string;
  content: string;
  validUntil: string;
  authority: string;
  authorityCode: string;
  sourceUnit: string;
  sourceUnitCode: string;
  remarks: string;
  /** Licence only ('' on penalties). */
  documentName: string;
  licenceCategory: string;
  certificateName: string;
  licenceNumber: string;
  validFrom: string;
  licenceStatus: string;
  /** Penalty only ('' or empty on licences). */
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  penaltyCategories: string[];
  /** 万元, decimal text with at most 6 decimals, '' when none. */
  fineAmount: string;
  confiscatedAmount: string;
  suspendedLicence: string;
  publicityEnd: string;
  /** Date the record was reported to the credit platform, '' while not reported. */
  reportedAt: string;
  /** 简易程序: recorded, but neither reported for publicity nor turned into a credit record. */
  simpleProcedure: boolean;
  /** Penalties: minor, general or serious; '' on licences. */
  severity: PenaltySeverity | '';
  /** Id of the credit record derived from this penalty, '' when none. */
  derivedRecordId: string;
}

export type DisclosureInput = Omit<DisclosureDocument, StampFields>;

export type DisclosureField = Exclude<
  keyof DisclosureInput,
  'kind' | 'subjectId' | 'reportedAt' | 'simpleProcedure' | 'severity' | 'derivedRecordId'
>;

type ColumnFormat = 'text' | 'code' | 'date' | 'identifier' | 'amount' | 'categories';

export interface DisclosureColumnDef {
  field: DisclosureField;
  licence: string | null;
  penalty: string | null;
  maxLength: number;
  format: ColumnFormat;
}

const column = (
  field: DisclosureField,
  licence: string | null,
  penalty: string | null,
  maxLength: number,
  format: ColumnFormat = 'text',
): DisclosureColumnDef => ({ field, licence, penalty, maxLength, format });

/** Standard fields in the order of the reporting files. */
export const disclosureColumns: readonly DisclosureColumnDef[] = [
  column('partyName', 'XK_XDR_MC', 'CF_XDR_MC', 200),
  column('partyCategory', 'XK_XDR_LB', 'CF_XDR_LB', 2, 'code'),
  column('partyUscc', 'XK_XDR_SHXYM', 'CF_XDR_SHXYM', 18, 'identifier'),
  column('partyBusinessRegNo', 'XK_XDR_GSZC', 'CF_XDR_GSZC', 50),
  column('partyOrgCode', 'XK_XDR_ZZJG', 'CF_XDR_ZZJG', 50),
  column('partyTaxRegNo', 'XK_XDR_SWDJ', 'CF_XDR_SWDJ', 50),
  column('partyInstitutionCode', 'XK_XDR_SYDW', 'CF_XDR_SYDW', 50),
  column('partySocialOrgCode', 'XK_XDR_SHZZ', 'CF_XDR_SHZZ', 50),
  column('legalRepresentative', 'XK_FRDB', 'CF_FRDB', 50),
  column('legalRepIdType', 'XK_FR_ZJLX', 'CF_FR_ZJLX', 2, 'code'),
  column('legalRepIdNumber', 'XK_FR_ZJHM', 'CF_FR_ZJHM', 64, 'identifier'),
  column('partyIdType', 'XK_XDR_ZJLX', 'CF_XDR_ZJLX', 2, 'code'),
  column('partyIdNumber', 'XK_XDR_ZJHM', 'CF_XDR_ZJHM', 64, 'identifier'),
  column('documentName', 'XK_XKWS', null, 64),
  column('documentNumber', 'XK_WSH', 'CF_WSH', 64),
  column('licenceCategory', 'XK_XKLB', null, 2, 'code'),
  column('certificateName', 'XK_XKZS', null, 64),
  column('licenceNumber', 'XK_XKBH', null, 64),
  column('violationType', null, 'CF_WFXW', 2000),
  column('violationFacts', null, 'CF_SY', 2000),
  column('legalBasis', null, 'CF_YJ', 2000),
  column('penaltyCategories', null, 'CF_CFLB', 64, 'categories'),
  column('content', 'XK_NR', 'CF_NR', 4000),
  column('fineAmount', null, 'CF_NR_FK', 20, 'amount'),
  column('confiscatedAmount', null, 'CF_NR_WFFF', 20, 'amount'),
  column('suspendedLicence', null, 'CF_NR_ZKDX', 200),
  column('decisionDate', 'XK_JDRQ', 'CF_JDRQ', 10, 'date'),
  column('validFrom', 'XK_YXQZ', null, 10, 'date'),
  column('validUntil', 'XK_YXQZI', 'CF_YXQ', 10, 'date'),
  column('publicityEnd', null, 'CF_GSJZQ', 10, 'date'),
  column('authority', 'XK_XKJG', 'CF_CFJG', 200),
  column('authorityCode', 'XK_XKJGDM', 'CF_CFJGDM', 18, 'identifier'),
  column('licenceStatus', 'XK_ZT', null, 2, 'code'),
  column('sourceUnit', 'XK_LYDW', 'CF_SJLY', 200),
  column('sourceUnitCode', 'XK_LYDWDM', 'CF_SJLYDM', 18, 'identifier'),
  column('remarks', 'BZ', 'BZ', 512),
];

/** The columns of one kind, with their standard codes, in file order. */
export function columnsOf(kind: DisclosureKind): { code: string; def: DisclosureColumnDef }[] {
  return disclosureColumns.flatMap((def) => {
    const code = def[kind];
    return code === null ? [] : [{ code, def }];
  });
}

/** The standard code of a field for a kind (e.g. decisionDate → CF_JDRQ), or null when it does not apply. */
export function standardFieldCode(kind: DisclosureKind, field: DisclosureField): string | null {
  return disclosureColumns.find((def) => def.field === field)?.[kind] ?? null;
}

/** The document property behind a standard code, for forms placing issues next to their inputs. */
export function fieldOfStandardCode(kind: DisclosureKind, code: string): DisclosureField | null {
  return disclosureColumns.find((def) => def[kind] === code)?.field ?? null;
}

export interface DisclosureRules {
  /** Fields every record of the kind needs. */
  required: Readonly<Record<DisclosureKind, readonly DisclosureField[]>>;
  /** Further fields needed per party category code. */
  requiredByParty: Readonly<Record<string, readonly DisclosureField[]>>;
  /** Digits allowed after the decimal point in amounts (万元). */
  amountDecimals: number;
}

export const defaultDisclosureRules: DisclosureRules = {
  required: {
    licence: [
      'partyName',
      'partyCategory',
      'documentName',
      'documentNumber',
      'licenceCategory',
      'content',
      'decisionDate',
      'validFrom',
      'validUntil',
      'authority',
      'authorityCode',
      'licenceStatus',
      'sourceUnit',
      'sourceUnitCode',
    ],
    penalty: [
      'partyName',
      'partyCategory',
      'documentNumber',
      'violationType',
      'violationFacts',
      'legalBasis',
      'penaltyCategories',
      'content',
      'decisionDate',
      'validUntil',
      'publicityEnd',
      'authority',
      'authorityCode',
      'sourceUnit',
      'sourceUnitCode',
    ],
  },
  requiredByParty: {
    '01': ['partyUscc', 'legalRepresentative'],
    '02': ['partyIdType', 'partyIdNumber'],
    '03': ['partyUscc', 'legalRepresentative'],
  },
  amountDecimals: 6,
};

export function emptyDisclosureInput(kind: DisclosureKind): DisclosureInput {
  const text = Object.fromEntries(disclosureColumns.map((def) => [def.field, ''])) as Record<
    DisclosureField,
    string
  >;
  return {
    ...text,
    kind,
    subjectId: '',
    penaltyCategories: [],
    reportedAt: '',
    simpleProcedure: false,
    severity: kind === 'penalty' ? 'general' : '',
    derivedRecordId: '',
  };
}

/** Maps a penalty category as written in old or new files (code, legacy digit or Chinese name) to its code. */
export function normalizePenaltyCategory(raw: string): string {
  const value = raw.trim();
  return (
    legacyPenaltyCategoryMap[value] ?? penaltyCategories.find((entry) => entry.zh === value)?.code ?? value
  );
}

/** Trims text, normalizes identifier codes and maps legacy penalty categories. */
export function normalizeDisclosureInput(input: DisclosureInput): DisclosureInput {
  const normalized = { ...input };
  for (const def of disclosureColumns) {
    if (def.format === 'categories') continue;
    const value = (input[def.field] as string).trim();
    const code = def.format === 'identifier' || def.format === 'code';
    (normalized[def.field] as string) = code ? normalizeCode(value) : value;
  }
  normalized.penaltyCategories = [...new Set(input.penaltyCategories.map(normalizePenaltyCategory))];
  return normalized;
}

/** The identifier that ties a decision's party to a subject: the ID number of a person, else the USCC. */
export function partyCodeField(input: Pick<DisclosureInput, 'partyCategory'>): 'partyIdNumber' | 'partyUscc' {
  return input.partyCategory === '02' ? 'partyIdNumber' : 'partyUscc';
}

/** Common endings of organisation names, longest first: left out when two names are compared. */
const organisationSuffixes = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '公司'];

/**
 * A party name reduced for comparison: full-width characters folded (NFKC), spaces dropped, Latin
 * letters lower-cased, one common company ending taken off.
 */
export function comparablePartyName(name: string): string {
  const folded = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const suffix = organisationSuffixes.find(
    (ending) => folded.endsWith(ending) && folded.length > ending.length,
  );
  return suffix ? folded.slice(0, -suffix.length) : folded;
}

/** Whether a decision's party name and a subject's registered name name the same party. */
export function partyNamesAgree(partyName: string, subjectName: string): boolean {
  return comparablePartyName(partyName) === comparablePartyName(subjectName);
}

/** The code table each coded field takes its values from. */
export const disclosureCodeTables: Partial<Record<DisclosureField, readonly CodeEntry[]>> = {
  partyCategory: partyCategories,
  legalRepIdType: idTypes,
  partyIdType: idTypes,
  licenceCategory: licenceCategories,
  licenceStatus: licenceStatuses,
};

const otherIdPattern = /^[0-9A-Z()（）-]{5,64}$/;

/**
 * Validates a licence or penalty record field by field; `today` (YYYY-MM-DD) bounds decision dates.
 * Issues name standard fields by code (`CF_JDRQ`) and CreditDesk fields by property (`severity`).
 */
export function validateDisclosureInput(
  raw: DisclosureInput,
  today: string,
  rules: DisclosureRules = defaultDisclosureRules,
): Validated<DisclosureInput> {
  if (!disclosureKinds.includes(raw.kind)) return { ok: false, issues: [issue('kind', 'oneOf')] };
  const input = normalizeDisclosureInput(raw);
  const kind = input.kind;
  const issues: ValidationIssue[] = [];
  const code = (field: DisclosureField) => standardFieldCode(kind, field) ?? field;
  const add = (field: DisclosureField, rule: string, params?: Record<string, string | number>) =>
    issues.push(issue(code(field), rule, params));
  const isEmpty = (field: DisclosureField) =>
    field === 'penaltyCategories' ? input.penaltyCategories.length === 0 : input[field] === '';

  const required = new Set([...rules.required[kind], ...(rules.requiredByParty[input.partyCategory] ?? [])]);
  if (input.penaltyCategories.includes('03')) required.add('fineAmount');
  if (input.penaltyCategories.some((c) => c === '06' || c === '08')) required.add('suspendedLicence');
  if (input.legalRepIdType !== '' || input.legalRepIdNumber !== '') {
    required.add('legalRepIdType').add('legalRepIdNumber');
  }

  for (const def of disclosureColumns) {
    const field = def.field;
    if (def[kind] === null) {
      if (!isEmpty(field)) issues.push(issue(field, 'disclosure.notApplicable'));
      continue;
    }
    if (isEmpty(field)) {
      if (required.has(field)) add(field, 'required');
      continue;
    }
    const value = input[field];
    if (typeof value === 'string' && value.length > def.maxLength)
      add(field, 'tooLong', { max: def.maxLength });
    const table = disclosureCodeTables[field];
    if (table && !table.some((entry) => entry.code === value)) add(field, 'oneOf');
    if (def.format === 'date' && !isRealDate(value as string)) add(field, 'dateFormat');
    if (def.format === 'amount')
      checkAmount(value as string, rules.amountDecimals, (rule, params) => add(field, rule, params));
  }

  for (const field of ['partyUscc', 'authorityCode', 'sourceUnitCode'] as const) {
    if (input[field] === '') continue;
    const problem = checkUscc(input[field]);
    if (problem) add(field, problem.code, problem.params);
  }
  checkIdNumber(input.partyIdType, input.partyIdNumber, today, (rule, params) =>
    add('partyIdNumber', rule, params),
  );
  checkIdNumber(input.legalRepIdType, input.legalRepIdNumber, today, (rule, params) =>
    add('legalRepIdNumber', rule, params),
  );
  if (input.penaltyCategories.some((c) => !penaltyCategories.some((entry) => entry.code === c))) {
    add('penaltyCategories', 'oneOf');
  }

  checkDates(input, today, add);
  issues.push(...checkCreditDeskFields(input, today));
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

type Report = (rule: string, params?: Record<string, string | number>) => void;

function checkAmount(value: string, decimals: number, report: Report): void {
  if (/^-\d+(\.\d+)?$/.test(value)) report('amount.negative');
  else if (!/^\d+(\.\d+)?$/.test(value)) report('amount.format');
  else if ((value.split('.')[1] ?? '').length > decimals) report('amount.decimals', { max: decimals });
}

function checkIdNumber(type: string, number: string, today: string, report: Report): void {
  if (type === '' || number === '') return;
  if (type === '01') {
    const problem = checkResidentId(number, today);
    if (problem) report(problem.code, problem.params);
  } else if (!otherIdPattern.test(number)) {
    report('idNumber.format');
  }
}

function checkDates(
  input: DisclosureInput,
  today: string,
  add: (field: DisclosureField, rule: string, params?: Record<string, string | number>) => void,
): void {
  const date = (field: 'decisionDate' | 'validFrom' | 'validUntil' | 'publicityEnd') =>
    isRealDate(input[field]) ? input[field] : null;
  const decision = date('decisionDate');
  const validUntil = date('validUntil');
  if (decision && decision > today) add('decisionDate', 'dateInFuture');
  if (decision && validUntil && validUntil < decision)
    add('validUntil', 'disclosure.validUntilBeforeDecision');
  if (input.kind === 'licence') {
    const validFrom = date('validFrom');
    if (validFrom && validUntil && validUntil < validFrom)
      add('validUntil', 'disclosure.validUntilBeforeValidFrom');
  } else {
    const publicityEnd = date('publicityEnd');
    if (decision && publicityEnd && publicityEnd <= decision)
      add('publicityEnd', 'disclosure.publicityEndNotAfterDecision');
  }
}

function checkCreditDeskFields(input: DisclosureInput, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ['subjectId', 'derivedRecordId'] as const) {
    if (input[field] !== '' && !isUuid(input[field])) issues.push(issue(field, 'uuid'));
  }
  if (input.reportedAt !== '') {
    if (!isRealDate(input.reportedAt)) issues.push(issue('reportedAt', 'dateFormat'));
    else if (input.reportedAt > today) issues.push(issue('reportedAt', 'dateInFuture'));
    else if (isRealDate(input.decisionDate) && input.reportedAt < input.decisionDate) {
      issues.push(issue('reportedAt', 'disclosure.reportedBeforeDecision'));
    }
  }
  if (typeof input.simpleProcedure !== 'boolean') issues.push(issue('simpleProcedure', 'oneOf'));
  if (input.kind === 'penalty') {
    if (!penaltySeverities.includes(input.severity as PenaltySeverity))
      issues.push(issue('severity', 'oneOf'));
  } else {
    if (input.severity !== '') issues.push(issue('severity', 'disclosure.notApplicable'));
    if (input.simpleProcedure) issues.push(issue('simpleProcedure', 'disclosure.notApplicable'));
    if (input.derivedRecordId !== '') issues.push(issue('derivedRecordId', 'disclosure.notApplicable'));
  }
  return issues;
}

/** Records the credit record derived from a penalty on the penalty (the reverse link). */
export function linkDerivedRecord<T extends DisclosureInput>(penalty: T, recordId: string): T {
  return { ...penalty, derivedRecordId: recordId };
}

/** ID numbers of natural persons are stored encrypted on the device: the schema sizes them for ciphertext. */
const encryptedFields = new Set((personalFields.disclosures ?? []).map((entry) => entry.field));

const textProperties = Object.fromEntries(
  disclosureColumns
    .filter((def) => def.format !== 'categories')
    .map((def) => [
      def.field,
      {
        type: 'string',
        maxLength: encryptedFields.has(def.field) ? maxEncryptedLength(def.maxLength) : def.maxLength,
      },
    ]),
);

/**
 * The versioned JSON schema of the disclosures collection (RxDB format; plain data, no RxDB import).
 * Encrypted fields are not indexed.
 */
export const disclosureJsonSchema = {
  title: 'disclosure',
  // Version 2 adds the indexes the list pages through; documents stay as they are.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    kind: { type: 'string', enum: [...disclosureKinds], maxLength: 8 },
    subjectId: { type: 'string', maxLength: 36 },
    ...textProperties,
    penaltyCategories: { type: 'array', maxItems: 14, items: { type: 'string', maxLength: 2 } },
    reportedAt: { type: 'string', maxLength: 10 },
    simpleProcedure: { type: 'boolean' },
    severity: { type: 'string', enum: ['', ...penaltySeverities], maxLength: 8 },
    derivedRecordId: { type: 'string', maxLength: 36 },
  },
  required: [
    ...stampFields,
    'kind',
    'subjectId',
    ...disclosureColumns.map((def) => def.field),
    'reportedAt',
    'simpleProcedure',
    'severity',
    'derivedRecordId',
  ],
  indexes: [
    'updatedAt',
    ['kind', 'decisionDate'],
    ['subjectId', 'decisionDate'],
    ['kind', 'reportedAt'],
    'documentNumber',
    ['decisionDate', 'createdAt'],
    ['kind', 'decisionDate', 'createdAt'],
  ],
  additionalProperties: false,
};
