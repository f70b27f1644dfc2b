/**
 * Red and black lists (红黑名单): entry and exit rules as data with their legal basis. The national
 * opinions 《关于健全社会信用体系的意见》 (2025) §12 require every punitive list to rest on a law,
 * administrative regulation, local regulation or central policy document, and add a serious-dishonesty
 * list for the real-estate market; §11 asks for incentives for the trustworthy (red lists). Entries are
 * only suggested here: a reviewer decides each with a decision document. Periods are configurable
 * defaults (the exact articles were not available offline).
 */
import { addMonths } from '../base/calendar/dates.ts';
import { isRealDate } from '../base/identifiers.ts';
import {
  type CreditFile,
  type GradedListEntry,
  type GradedRecord,
  recordCounts,
  recordStanding,
} from '../grading/grade.ts';
import type { CatalogItem, LocalizedText } from '../creditRecords/catalog.ts';
import type { Industry } from '../subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';

export const listKinds = ['seriousDishonesty', 'realEstateSeriousDishonesty', 'red'] as const;
export type ListKind = (typeof listKinds)[number];

/**
 * What puts a subject on a list:
 * - `records`: at least `minCount` counting records of the catalog items, decided within `withinMonths`;
 * - `grade`: a grade among `grades` (Shangqiu: AAA to the red list, C and below to the black list); a red
 *   list also takes no subject with a dishonest record counting or a black-list entry.
 */
export type EntryCriterion =
  | { kind: 'records'; catalogCodes: string[]; minCount: number; withinMonths: number }
  | { kind: 'grade'; grades: string[] };

export interface ListRule {
  code: string;
  list: ListKind;
  name: LocalizedText;
  /** The legal texts the list rests on; never empty. */
  basis: string[];
  /** Industries the rule covers; empty for all. */
  industries: Industry[];
  entry: EntryCriterion;
  /** How long an entry lasts, in calendar months from its start. */
  periodMonths: number;
  /** The measures (incentives or restrictions) that apply to an entry, as published. */
  measures: LocalizedText[];
}

/** An entry on a list: from `start` to `end` inclusive unless exited earlier. */
export interface ListEntry extends GradedListEntry {
  list: ListKind;
  rule: string;
  basis: string[];
  /** The records that triggered the entry (empty for a grade-based entry). */
  triggeredBy: string[];
}

export const blackLists: readonly ListKind[] = ['seriousDishonesty', 'realEstateSeriousDishonesty'];

const opinions2025 = '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》（2025）';

/** The default rules, with the catalog items of the default catalog. */
export const defaultListRules: readonly ListRule[] = [
  {
    code: 'constructionBlackList',
    list: 'seriousDishonesty',
    name: { zh: '建筑市场主体“黑名单”', en: 'Construction market black list' },
    basis: ['《建筑市场信用管理暂行办法》（建市〔2017〕241号）', `${opinions2025}（十二）`],
    industries: ['construction'],
    entry: {
      kind: 'records',
      catalogCodes: ['JZ-YZ-02', 'JZ-YZ-03'],
      minCount: 1,
      withinMonths: 12,
    },
    periodMonths: 12,
    measures: [
      { zh: '列为重点监管对象，提高检查频次', en: 'Key supervision with more frequent inspections' },
    ],
  },
  {
    code: 'realEstateBlackList',
    list: 'realEstateSeriousDishonesty',
    name: { zh: '房地产市场严重失信主体名单', en: 'Real-estate market serious-dishonesty list' },
    basis: [`${opinions2025}（十二）在房地产市场增设严重失信主体名单`],
    industries: ['realEstateDevelopment', 'realEstateBrokerage', 'propertyServices'],
    entry: { kind: 'records', catalogCodes: ['FK-YZ-01', 'WY-YZ-01'], minCount: 1, withinMonths: 12 },
    periodMonths: 36,
    measures: [
      {
        zh: '在申请政府资金、享受优惠政策、参与公共资源交易、评先评优等方面依法予以限制',
        en: 'Restricted by law in government funding, preferential policies, public resource trading and awards',
      },
    ],
  },
  {
    code: 'redList',
    list: 'red',
    name: { zh: '诚信红榜', en: 'Honesty red list' },
    basis: [`${opinions2025}（十一）强化对守信行为的激励`],
    industries: [],
    entry: { kind: 'grade', grades: ['A', 'AAA'] },
    periodMonths: 12,
    measures: [
      {
        zh: '绿色通道、容缺受理，减少检查频次',
        en: 'Green channel, acceptance with missing materials, fewer inspections',
      },
    ],
  },
];

export interface ListRuleContext {
  catalog: readonly Pick<CatalogItem, 'code'>[];
}

/**
 * Checks a published rule (`validation.lists.*`): `basisRequired`, `unknownCatalogItem` {code},
 * `minCount`, `months` {max}, `noGrades`; plus the shared `required` and `oneOf`.
 */
export function validateListRule(rule: ListRule, context: ListRuleContext): Validated<ListRule> {
  const issues: ValidationIssue[] = [];
  if (rule.code.trim() === '') issues.push(issue('code', 'required'));
  if (!listKinds.includes(rule.list)) issues.push(issue('list', 'oneOf'));
  if (rule.name.zh.trim() === '' || rule.name.en.trim() === '') issues.push(issue('name', 'required'));
  if (!rule.basis.some((text) => text.trim() !== '')) issues.push(issue('basis', 'lists.basisRequired'));
  const months = (field: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1 || value > 120)
      issues.push(issue(field, 'lists.months', { max: 120 }));
  };
  months('periodMonths', rule.periodMonths);
  const { entry } = rule;
  if (entry.kind === 'records') {
    for (const code of entry.catalogCodes) {
      if (!context.catalog.some((item) => item.code === code)) {
        issues.push(issue('entry.catalogCodes', 'lists.unknownCatalogItem', { code }));
      }
    }
    if (entry.catalogCodes.length === 0) issues.push(issue('entry.catalogCodes', 'required'));
    if (!Number.isInteger(entry.minCount) || entry.minCount < 1)
      issues.push(issue('entry.minCount', 'lists.minCount'));
    months('entry.withinMonths', entry.withinMonths);
  } else if (entry.grades.length === 0) {
    issues.push(issue('entry.grades', 'lists.noGrades'));
  }
  return issues.length === 0 ? { ok: true, value: rule } : { ok: false, issues };
}

export interface ListSuggestion {
  rule: string;
  list: ListKind;
  basis: string[];
  triggeredBy: string[];
  start: string;
  end: string;
}

function activeOn(entry: GradedListEntry, asOf: string): boolean {
  return (
    entry.start <= asOf &&
    (entry.end === '' || asOf <= entry.end) &&
    (entry.exitedOn === undefined || asOf < entry.exitedOn)
  );
}

/** Records of the rule's items counting on `asOf` and decided within its window. */
function triggeringRecords(
  entry: Extract<EntryCriterion, { kind: 'records' }>,
  records: readonly GradedRecord[],
  asOf: string,
): GradedRecord[] {
  const since = addMonths(asOf, -entry.withinMonths);
  return records.filter(
    (record) =>
      entry.catalogCodes.includes(record.catalogCode) &&
      record.decisionDate > since &&
      record.decisionDate <= asOf &&
      recordCounts(recordStanding(record, asOf).status),
  );
}

export interface ListSubject {
  industry: Industry;
  /** The subject's grade on `asOf` (see gradeSubject); null when not graded. */
  grade: string | null;
  /** Categories whose counting records bar a red-list entry. */
  dishonestCategories: readonly string[];
}

/** The entries to propose for a subject on `asOf`: rules it meets and lists it is not already on. */
export function suggestListEntries(
  rules: readonly ListRule[],
  subject: ListSubject,
  file: CreditFile,
  asOf: string,
): ListSuggestion[] {
  const active = (file.listEntries ?? []).filter((entry) => activeOn(entry, asOf));
  const suggestions: ListSuggestion[] = [];
  for (const rule of rules) {
    if (rule.industries.length > 0 && !rule.industries.includes(subject.industry)) continue;
    if (active.some((entry) => entry.list === rule.list)) continue;
    let triggeredBy: string[];
    if (rule.entry.kind === 'records') {
      const found = triggeringRecords(rule.entry, file.records, asOf);
      if (found.length < rule.entry.minCount) continue;
      triggeredBy = found.map((record) => record.id);
    } else {
      if (!qualifiesByGrade(rule, subject, file, active, asOf)) continue;
      triggeredBy = [];
    }
    const end = addMonths(asOf, rule.periodMonths);
    suggestions.push({ rule: rule.code, list: rule.list, basis: rule.basis, triggeredBy, start: asOf, end });
  }
  return suggestions;
}

function qualifiesByGrade(
  rule: ListRule,
  subject: ListSubject,
  file: CreditFile,
  active: readonly GradedListEntry[],
  asOf: string,
): boolean {
  if (rule.entry.kind !== 'grade' || subject.grade === null || !rule.entry.grades.includes(subject.grade))
    return false;
  if (rule.list !== 'red') return true;
  return (
    !active.some((entry) => blackLists.includes(entry.list as ListKind)) &&
    !hasDishonesty(file, subject.dishonestCategories, asOf)
  );
}

function hasDishonesty(file: CreditFile, categories: readonly string[], asOf: string): boolean {
  return file.records.some(
    (record) =>
      categories.includes(record.category) &&
      record.publicityStart <= asOf &&
      (record.publicityEnd === '' || asOf <= record.publicityEnd) &&
      recordCounts(recordStanding(record, asOf).status),
  );
}

export type ExitReason = 'revoked' | 'repaired' | 'periodEnded' | 'noLongerQualifies';

/**
 * Why an entry must leave its list on `asOf`, or null while it stays. A record-based entry leaves when its
 * triggering records no longer reach the rule's count (revoked before repaired when both apply); any entry
 * leaves when its period ended; a grade-based entry when the grade no longer qualifies (and a red-list
 * entry when the subject became dishonest).
 */
export function exitReason(
  entry: ListEntry,
  rule: ListRule,
  subject: ListSubject,
  file: CreditFile,
  asOf: string,
): ExitReason | null {
  if (rule.entry.kind === 'records') {
    const statuses = file.records
      .filter((record) => entry.triggeredBy.includes(record.id))
      .map((record) => recordStanding(record, asOf).status);
    if (statuses.filter(recordCounts).length < rule.entry.minCount) {
      return statuses.includes('revoked') ? 'revoked' : 'repaired';
    }
  }
  if (entry.end !== '' && asOf > entry.end) return 'periodEnded';
  if (rule.entry.kind === 'grade') {
    const others = (file.listEntries ?? []).filter((other) => other.id !== entry.id && activeOn(other, asOf));
    if (!qualifiesByGrade(rule, subject, file, others, asOf)) return 'noLongerQualifies';
  }
  return null;
}

/**
 * Checks a proposed entry before a reviewer sees it (`validation.lists.*`): `basisRequired`,
 * `unknownRule` {rule}, `noTrigger`, `endBeforeStart`; plus the shared `dateFormat`.
 */
export function checkListEntryProposal(entry: ListEntry, rules: readonly ListRule[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const rule = rules.find((candidate) => candidate.code === entry.rule);
  if (!rule || rule.list !== entry.list)
    issues.push(issue('rule', 'lists.unknownRule', { rule: entry.rule }));
  if (!entry.basis.some((text) => text.trim() !== '')) issues.push(issue('basis', 'lists.basisRequired'));
  if (rule?.entry.kind === 'records' && entry.triggeredBy.length === 0)
    issues.push(issue('triggeredBy', 'lists.noTrigger'));
  if (!isRealDate(entry.start)) issues.push(issue('start', 'dateFormat'));
  else if (entry.end !== '' && !isRealDate(entry.end)) issues.push(issue('end', 'dateFormat'));
  else if (entry.end !== '' && entry.end < entry.start) issues.push(issue('end', 'lists.endBeforeStart'));
  return issues;
}
