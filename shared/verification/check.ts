/**
 * Credit verification (信用核查) before a licence, a tender, an award, a subsidy, a staff appointment or
 * the acceptance of a commitment: what the file says now, the measures the rules attach to that state for
 * that matter, and the record kept as evidence. Pure functions; the renderer stores the record in the
 * audit trail (an entry is never changed, so the evidence stays as it was shown).
 */
import type { LocalizedText } from '../creditRecords/catalog.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import type { DisclosureDocument } from '../disclosures/model.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { toHex, utf8 } from '../base/security/encoding.ts';
import { maskPersonalValue } from '../base/security/masking.ts';
import { sha256 } from '../base/security/webCrypto.ts';
import { commitmentCheckItems } from '../reports/commitmentSection.ts';
import type { CheckItem, SubjectCreditFile } from '../reports/file.ts';
import { openRectificationItems } from '../reports/inspectionSection.ts';
import { gradeCheckItems, listCheckItems, onBlackList } from '../reports/listSections.ts';

export const verificationMatters = [
  'licence',
  'tender',
  'award',
  'subsidy',
  'appointment',
  'commitmentAcceptance',
] as const;
export type VerificationMatter = (typeof verificationMatters)[number];

/** The measure the office applied for the matter (联合奖惩): recorded against the check. */
export const appliedMeasures = [
  'none',
  'refused',
  'restricted',
  'enhancedReview',
  'greenChannel',
  'toleranceAcceptance',
] as const;
export type AppliedMeasure = (typeof appliedMeasures)[number];

/** Measures that reward the trustworthy rather than punish the dishonest. */
export const rewardMeasures: readonly AppliedMeasure[] = ['greenChannel', 'toleranceAcceptance'];

export const creditStandings = ['seriousDishonest', 'dishonest', 'clear', 'noFile'] as const;
export type CreditStanding = (typeof creditStandings)[number];

export type { CheckItem } from '../reports/file.ts';

export const checkFactKeys = [
  'grade',
  'dishonest',
  'penalties',
  'lists',
  'commitments',
  'rectifications',
] as const;
export type CheckFactKey = (typeof checkFactKeys)[number];

export interface CheckFact {
  key: CheckFactKey;
  /** null: this office's system holds no such information yet (shown as such, not as "none"). */
  items: CheckItem[] | null;
}

export interface FactProvider {
  key: CheckFactKey;
  items(file: SubjectCreditFile, today: string): CheckItem[] | null;
}

function isActive(record: CreditRecordDocument, today: string): boolean {
  return record.status === 'approved' && (record.publicityEnd === '' || today <= record.publicityEnd);
}

const dishonestCategories = ['generalDishonest', 'seriousDishonest'];

function recordItem(record: CreditRecordDocument): CheckItem {
  return { id: record.id, title: record.title, date: record.decisionDate, detail: record.documentNumber };
}

function penaltyItem(penalty: DisclosureDocument): CheckItem {
  return {
    id: penalty.id,
    title: penalty.violationType || penalty.documentNumber,
    date: penalty.decisionDate,
    detail: [penalty.documentNumber, penalty.content].filter(Boolean).join(' · '),
  };
}

/** One provider per capability. */
export const checkFactProviders: readonly FactProvider[] = [
  { key: 'grade', items: gradeCheckItems },
  {
    key: 'dishonest',
    items: (file, today) =>
      file.creditRecords
        .filter((record) => dishonestCategories.includes(record.category) && isActive(record, today))
        .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate))
        .map(recordItem),
  },
  {
    key: 'penalties',
    items: (file, today) =>
      file.disclosures
        .filter(
          (decision) =>
            decision.kind === 'penalty' && (decision.publicityEnd === '' || today <= decision.publicityEnd),
        )
        .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate))
        .map(penaltyItem),
  },
  { key: 'lists', items: listCheckItems },
  { key: 'commitments', items: commitmentCheckItems },
  { key: 'rectifications', items: (file) => openRectificationItems(file) },
];

/** The party checked: a subject of this county, or a party this county holds no file on. */
export interface CheckedParty {
  subjectId: string;
  name: string;
  /** USCC, or a person's ID number masked. */
  code: string;
  kind: 'enterprise' | 'practitioner' | 'unregistered';
}

export interface CheckResult {
  matter: VerificationMatter;
  party: CheckedParty;
  standing: CreditStanding;
  facts: CheckFact[];
  /** What the rules attach to this standing for this matter. */
  measures: LocalizedText[];
  /** The measure the rules suggest applying; the user decides. */
  suggested: AppliedMeasure;
  /** ISO instant of the last sync, or '' if this computer never synced. */
  dataAsOf: string;
}

type MeasureTable = Readonly<Record<VerificationMatter, LocalizedText>>;

const seriousMeasures: MeasureTable = {
  licence: {
    zh: '从严审查，不适用告知承诺制',
    en: 'Strict review; notification-and-commitment approval not available',
  },
  tender: {
    zh: '依法限制参与招标投标和政府采购',
    en: 'Restricted by law from tenders and public procurement',
  },
  award: { zh: '不得参加评先评优', en: 'Excluded from awards and honours' },
  subsidy: {
    zh: '依法限制申请政府资金和享受优惠政策',
    en: 'Restricted by law from government funds and preferential policies',
  },
  appointment: { zh: '不得作为提拔任命人选', en: 'Not to be appointed or promoted' },
  commitmentAcceptance: {
    zh: '不适用信用承诺和容缺受理',
    en: 'Credit commitments and acceptance with missing materials not available',
  },
};

const dishonestMeasures: MeasureTable = {
  licence: { zh: '加强审查，列为重点监管对象', en: 'Closer review; placed under key supervision' },
  tender: {
    zh: '在评标中依规予以扣分或从严审查',
    en: 'Points deducted or closer review in bid evaluation, as the rules provide',
  },
  award: { zh: '当年不得参加评先评优', en: 'Excluded from awards this year' },
  subsidy: { zh: '从严审核资金申请', en: 'Funding applications reviewed strictly' },
  appointment: {
    zh: '结合失信情况审慎考察',
    en: 'Appointment considered with care in the light of the dishonesty',
  },
  commitmentAcceptance: {
    zh: '审慎适用信用承诺，加强事后核查',
    en: 'Commitments accepted with care and checked afterwards',
  },
};

const clearMeasures: Partial<MeasureTable> = {
  licence: {
    zh: '可依规适用告知承诺制、绿色通道',
    en: 'Notification-and-commitment approval and green channel available as the rules provide',
  },
  commitmentAcceptance: {
    zh: '可依规容缺受理',
    en: 'Acceptance with missing materials available as the rules provide',
  },
};

function standingOf(file: SubjectCreditFile, today: string): CreditStanding {
  const active = file.creditRecords.filter((record) => isActive(record, today));
  if (active.some((record) => record.category === 'seriousDishonest') || onBlackList(file, today)) {
    return 'seriousDishonest';
  }
  const penalties = checkFactProviders.find((provider) => provider.key === 'penalties')!.items(file, today);
  if (active.some((record) => record.category === 'generalDishonest') || (penalties?.length ?? 0) > 0) {
    return 'dishonest';
  }
  return 'clear';
}

/** The measures the rules attach to a standing for a matter. */
export function measuresFor(standing: CreditStanding, matter: VerificationMatter): LocalizedText[] {
  const table =
    standing === 'seriousDishonest'
      ? seriousMeasures
      : standing === 'dishonest'
        ? dishonestMeasures
        : clearMeasures;
  const measure = standing === 'noFile' ? undefined : table[matter];
  return measure ? [measure] : [];
}

export function suggestedMeasure(standing: CreditStanding, matter: VerificationMatter): AppliedMeasure {
  if (standing === 'seriousDishonest') return 'restricted';
  if (standing === 'dishonest') return 'enhancedReview';
  if (standing === 'clear' && matter === 'commitmentAcceptance') return 'toleranceAcceptance';
  if (standing === 'clear' && matter === 'licence') return 'greenChannel';
  return 'none';
}

export interface CheckInput {
  matter: VerificationMatter;
  today: string;
  dataAsOf: string;
}

/** Checks a subject of this county. */
export function checkSubject(
  file: SubjectCreditFile,
  input: CheckInput,
  providers: readonly FactProvider[] = checkFactProviders,
): CheckResult {
  const { subject } = file;
  const standing = standingOf(file, input.today);
  return {
    matter: input.matter,
    party: {
      subjectId: subject.id,
      name: subject.name,
      code: subject.kind === 'practitioner' ? maskPersonalValue('idNumber', subject.code) : subject.code,
      kind: subject.kind,
    },
    standing,
    facts: providers.map((provider) => ({ key: provider.key, items: provider.items(file, input.today) })),
    measures: measuresFor(standing, input.matter),
    suggested: suggestedMeasure(standing, input.matter),
    dataAsOf: input.dataAsOf,
  };
}

/** Checks a party this county holds no file on (by USCC or ID number): nothing is known here. */
export function checkUnregistered(
  party: { name: string; code: string; isPerson: boolean },
  input: CheckInput,
): CheckResult {
  return {
    matter: input.matter,
    party: {
      subjectId: '',
      name: party.name,
      code: party.isPerson ? maskPersonalValue('idNumber', party.code) : party.code,
      kind: 'unregistered',
    },
    standing: 'noFile',
    facts: checkFactKeys.map((key) => ({ key, items: null })),
    measures: [],
    suggested: 'none',
    dataAsOf: input.dataAsOf,
  };
}

/**
 * The verification record (信用信息核查记录) as the audit entry keeps it: the result as shown, the
 * measure applied, a note, and the SHA-256 of the shown result (hex) so a printed form can be matched.
 */
export interface VerificationRecord {
  result: CheckResult;
  measureApplied: AppliedMeasure;
  note: string;
  digest: string;
}

export const verificationNoteLimit = 500;

export function checkVerificationRecord(
  record: Pick<VerificationRecord, 'measureApplied' | 'note'>,
): string[] {
  const problems: string[] = [];
  if (!appliedMeasures.includes(record.measureApplied)) problems.push('verification.measureRequired');
  if (record.note.length > verificationNoteLimit) problems.push('verification.noteTooLong');
  return problems;
}

/** Monthly joint reward-and-punishment cases: checks whose applied measure was not "none". */
export interface MeasureCase {
  month: string;
  at: string;
  matter: VerificationMatter;
  partyName: string;
  partyCode: string;
  standing: CreditStanding;
  measureApplied: AppliedMeasure;
  reward: boolean;
  checkedBy: string;
}

export function measureCases(
  records: readonly { at: string; userId: string; record: VerificationRecord }[],
): MeasureCase[] {
  return records
    .filter(({ record }) => record.measureApplied !== 'none')
    .map(({ at, userId, record }) => ({
      month: chinaMonth(at),
      at,
      matter: record.result.matter,
      partyName: record.result.party.name,
      partyCode: record.result.party.code,
      standing: record.result.standing,
      measureApplied: record.measureApplied,
      reward: rewardMeasures.includes(record.measureApplied),
      checkedBy: userId,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** YYYY-MM in China time of an ISO instant. */
export function chinaMonth(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Lower-case hex SHA-256 of the result's canonical JSON: the digest printed on the form. */
export async function resultDigest(result: CheckResult): Promise<string> {
  return toHex(await sha256(utf8(canonicalJson(result))));
}
