/**
 * The acceptance check (受理核查): before a 告知承诺, 容缺受理 or 证明事项 commitment is accepted in place of
 * an approval condition, the office looks at the subject's credit state. The national opinions (§15)
 * accept applications with materials missing only from subjects 「信用状况较好」; the rules below name
 * what excludes a subject and what only warns. The result is saved with the commitment.
 *
 * Excludes (not eligible):
 * - `activeSeriousDishonest`: an approved serious dishonest record still in its publicity period;
 * - `seriousDishonestList`: membership of a serious-dishonesty (black) list;
 * - `earlierFalseCommitment`: a commitment of the subject found false within the look-back period.
 * - `gradeNotEligible`: for 告知承诺 and 容缺受理, a grade whose supervision measures deny 容缺受理
 *   (grade D under the default model; shared/grading), the grade's code as its ref.
 * List membership reads the county's own red and black lists and the city-wide serious-dishonesty list.
 * Warns (eligible, the official decides):
 * - `activeGeneralDishonest`: an approved general dishonest record in publicity;
 * - `earlierBreach`: a commitment partly or not fulfilled within the look-back period.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';
import { addMonths } from '../base/calendar/dates.ts';
import type { CityBlackListEntry } from '../lists/cityBlackList.ts';
import { type ListingDocument, listingActiveOn } from '../lists/listing.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import { checkedTypes, type CommitmentStatus, type CommitmentType } from './types.ts';

export const acceptanceRules = [
  'activeSeriousDishonest',
  'seriousDishonestList',
  'earlierFalseCommitment',
  'gradeNotEligible',
  'activeGeneralDishonest',
  'earlierBreach',
] as const;
export type AcceptanceRule = (typeof acceptanceRules)[number];

export interface AcceptanceFinding {
  rule: AcceptanceRule;
  effect: 'excludes' | 'warns';
  /** Ids of the records, list entries or commitments behind the finding. */
  refs: string[];
}

export interface AcceptanceCheck {
  /** ISO 8601 instant of the check. */
  checkedAt: string;
  eligible: boolean;
  findings: AcceptanceFinding[];
}

/** A list entry naming the subject (red/black lists live in the `listings` collection). */
export interface ListMembership {
  id: string;
  list: 'blackList' | 'redList' | 'cityBlackList';
  /** First and last day on the list ('' while open-ended). */
  from: string;
  until: string;
}

export interface SubjectCreditState {
  records: readonly Pick<
    CreditRecordDocument,
    'id' | 'category' | 'status' | 'publicityStart' | 'publicityEnd'
  >[];
  listings: readonly ListMembership[];
  /** The subject's earlier commitments (their finding's date is `outcome.decisionDate`). */
  commitments: readonly { id: string; status: CommitmentStatus; outcome: { decisionDate: string } }[];
  /** The subject's grade today and whether its measures allow 容缺受理; absent when not graded. */
  grade?: { code: string; toleranceAcceptance: boolean };
  /** The type of the commitment being accepted: the grade rule applies to 告知承诺 and 容缺受理. */
  type?: CommitmentType;
}

/** Types the grade's 容缺受理 measure governs (告知承诺 and 容缺受理). */
const gradedTypes: readonly CommitmentType[] = ['approvalSubstitution', 'missingMaterials'];

/**
 * The subject's list entries standing on `asOf`: the county's own listings (black and red) and the
 * city-wide serious-dishonesty list's entries matching it.
 */
export function listMembershipsOf(
  listings: readonly Pick<ListingDocument, 'id' | 'kind' | 'status' | 'start' | 'end' | 'exitedOn'>[],
  city: readonly Pick<CityBlackListEntry, 'id' | 'start' | 'end' | 'exitedOn'>[],
  asOf: string,
): ListMembership[] {
  const own = listings
    .filter((l) => (l.kind === 'blackList' || l.kind === 'redList') && listingActiveOn(l, asOf))
    .map((l) => ({ id: l.id, list: l.kind as 'blackList' | 'redList', from: l.start, until: l.end }));
  const ownIds = new Set(own.map((entry) => entry.id));
  const citywide = city
    .filter((entry) => !ownIds.has(entry.id) && listingActiveOn({ ...entry, status: 'listed' }, asOf))
    .map((entry) => ({ id: entry.id, list: 'cityBlackList' as const, from: entry.start, until: entry.end }));
  return [...own, ...citywide];
}

/** How far back earlier false commitments and breaches count, in months (configurable). */
export const defaultLookBackMonths = 36;

/** Whether the type is accepted in place of an approval condition and so needs the check. */
export function needsAcceptanceCheck(type: CommitmentType): boolean {
  return checkedTypes.includes(type);
}

export function checkAcceptance(
  state: SubjectCreditState,
  today: string,
  checkedAt: string,
  lookBackMonths: number = defaultLookBackMonths,
): AcceptanceCheck {
  const inPublicity = (record: SubjectCreditState['records'][number]) =>
    record.status === 'approved' &&
    record.publicityStart <= today &&
    (record.publicityEnd === '' || today <= record.publicityEnd);
  const since = addMonths(today, -lookBackMonths);
  const decidedSince = (c: SubjectCreditState['commitments'][number], results: readonly string[]) =>
    results.includes(c.status) && c.outcome.decisionDate >= since;

  const candidates: [AcceptanceRule, AcceptanceFinding['effect'], string[]][] = [
    [
      'activeSeriousDishonest',
      'excludes',
      state.records.filter((r) => r.category === 'seriousDishonest' && inPublicity(r)).map((r) => r.id),
    ],
    [
      'seriousDishonestList',
      'excludes',
      state.listings
        .filter((l) => l.list !== 'redList' && l.from <= today && (l.until === '' || today <= l.until))
        .map((l) => l.id),
    ],
    [
      'earlierFalseCommitment',
      'excludes',
      state.commitments.filter((c) => decidedSince(c, ['falseCommitment'])).map((c) => c.id),
    ],
    [
      'gradeNotEligible',
      'excludes',
      state.grade && !state.grade.toleranceAcceptance && state.type && gradedTypes.includes(state.type)
        ? [state.grade.code]
        : [],
    ],
    [
      'activeGeneralDishonest',
      'warns',
      state.records.filter((r) => r.category === 'generalDishonest' && inPublicity(r)).map((r) => r.id),
    ],
    [
      'earlierBreach',
      'warns',
      state.commitments.filter((c) => decidedSince(c, ['partlyFulfilled', 'notFulfilled'])).map((c) => c.id),
    ],
  ];
  const findings = candidates
    .filter(([, , refs]) => refs.length > 0)
    .map(([rule, effect, refs]) => ({ rule, effect, refs }));
  return { checkedAt, eligible: findings.every((f) => f.effect !== 'excludes'), findings };
}

/** Why acceptance is refused: one issue per rule that excludes the subject, each naming that rule. */
export function exclusionIssues(check: AcceptanceCheck): ValidationIssue[] {
  return check.findings
    .filter((finding) => finding.effect === 'excludes')
    .map((finding) =>
      finding.rule === 'gradeNotEligible'
        ? issue('acceptanceCheck', `commitment.excluded.${finding.rule}`, { grade: finding.refs[0] ?? '' })
        : issue('acceptanceCheck', `commitment.excluded.${finding.rule}`),
    );
}
