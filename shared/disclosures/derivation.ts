/**
 * Turning an administrative penalty into a draft credit record (行政处罚信息 → 失信信息).
 *
 * Simple-procedure penalties are recorded but never published, and minor penalties are not published by
 * default (NDRC Order 36): neither yields a record. General and serious penalties yield a draft under the
 * catalog item receiving penalties of that severity for the party's subject type. Publicity starts on the
 * decision date and ends after the item's default period, but never before the publicity end the penalty
 * itself states (建市〔2017〕241号: never shorter than the penalty's period), capped at the maximum.
 */
import { type CatalogItem, catalogItemAppliesOn } from '../creditRecords/catalog.ts';
import { type CreditRecordInput, creditRecordTextLimits } from '../creditRecords/model.ts';
import type { DisclosureDocument } from './model.ts';
import type { Industry, SubjectKind } from '../subjects/model.ts';
import { isRealDate } from '../base/identifiers.ts';
import { addMonths } from '../base/calendar/dates.ts';
import {
  defaultPublicityConfig,
  defaultPublicityEnd,
  effectivePublicityRule,
  type PublicityConfig,
} from '../creditRecords/publicity.ts';

export type PenaltyDerivation =
  | { outcome: 'derived'; record: CreditRecordInput; catalogItem: CatalogItem }
  | { outcome: 'excluded'; reason: 'notPenalty' | 'simpleProcedure' | 'minorSeverity' }
  | { outcome: 'noCatalogItem'; severity: 'general' | 'serious'; subjectType: SubjectKind };

export interface DerivationOptions {
  /** File under this catalog item instead of the one chosen by severity. */
  catalogCode?: string;
  /** The subject's industry: items of that industry are preferred. */
  industry?: Industry;
  publicity?: PublicityConfig;
}

/** The subject type of a penalty's party: natural persons are practitioners, everyone else enterprises. */
export function subjectTypeOfParty(partyCategory: string): SubjectKind {
  return partyCategory === '02' ? 'practitioner' : 'enterprise';
}

/** The draft credit record a penalty calls for, or why there is none. The penalty must be valid. */
export function derivePenaltyRecord(
  penalty: DisclosureDocument,
  catalog: readonly CatalogItem[],
  options: DerivationOptions = {},
): PenaltyDerivation {
  if (penalty.kind !== 'penalty') return { outcome: 'excluded', reason: 'notPenalty' };
  if (penalty.simpleProcedure) return { outcome: 'excluded', reason: 'simpleProcedure' };
  const config = options.publicity ?? defaultPublicityConfig;
  const minor = penalty.severity === 'minor';
  if (minor && !config.minorPenalty.published) return { outcome: 'excluded', reason: 'minorSeverity' };

  const severity = penalty.severity === 'serious' ? 'serious' : 'general';
  const subjectType = subjectTypeOfParty(penalty.partyCategory);
  const item = chooseItem(catalog, penalty.decisionDate, severity, subjectType, options);
  if (!item) return { outcome: 'noCatalogItem', severity, subjectType };

  const { rule } = effectivePublicityRule(item, config);
  const start = penalty.decisionDate;
  let end = defaultPublicityEnd(start, rule);
  if (!rule.whileValid) {
    if (isRealDate(penalty.publicityEnd) && penalty.publicityEnd > end) end = penalty.publicityEnd;
    const maxMonths = minor ? Math.min(rule.maxMonths, config.minorPenalty.maxMonths) : rule.maxMonths;
    const maxEnd = addMonths(start, maxMonths);
    if (end > maxEnd) end = maxEnd;
  }

  const record: CreditRecordInput = {
    subjectId: penalty.subjectId,
    catalogCode: item.code,
    category: item.category,
    title: clip(penalty.violationType || penalty.content, creditRecordTextLimits.title),
    facts: clip(penalty.violationFacts, creditRecordTextLimits.facts),
    documentNumber: penalty.documentNumber,
    decisionDate: penalty.decisionDate,
    authority: penalty.authority,
    legalBasis: clip(penalty.legalBasis, creditRecordTextLimits.legalBasis),
    disclosure: item.disclosure,
    publicityStart: start,
    publicityEnd: end,
    source: 'penalty',
    sourceId: penalty.id,
    attachments: [],
    status: 'draft',
    workflow: [],
  };
  return { outcome: 'derived', record, catalogItem: item };
}

function chooseItem(
  catalog: readonly CatalogItem[],
  decisionDate: string,
  severity: 'general' | 'serious',
  subjectType: SubjectKind,
  options: DerivationOptions,
): CatalogItem | undefined {
  const inForce = catalog.filter((item) => catalogItemAppliesOn(item, decisionDate));
  if (options.catalogCode !== undefined) return inForce.find((item) => item.code === options.catalogCode);
  const candidates = inForce.filter(
    (item) => item.penaltySeverity === severity && item.subjectTypes.includes(subjectType),
  );
  const { industry } = options;
  return (industry && candidates.find((item) => item.industries.includes(industry))) || candidates[0];
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
