/**
 * What a fulfilment finding puts into the credit file (「履约践诺情况全面纳入信用记录」):
 * - fulfilled: a record under the matter's fulfilment item (credit-enhancing or basic, per the catalog);
 * - partly / not fulfilled: a proposed general or serious dishonest record under the matter's breach item,
 *   with the item's legal basis, as a draft a reviewer approves;
 * - false commitment: the same under the matter's false-commitment item (serious by default);
 * - a breached credit-repair commitment also puts the repaired record back into publicity for the
 *   maximum period its catalog item allows (「违背信用修复承诺的，按最长公示期限公示」).
 * Records point at the commitment through `sourceId` and the commitment lists them in `creditRecordIds`.
 */
import { addMonths } from '../base/calendar/dates.ts';
import {
  defaultPublicityConfig,
  defaultPublicityEnd,
  effectivePublicityRule,
  type PublicityConfig,
} from '../creditRecords/publicity.ts';
import { type CatalogItem, catalogItemAppliesOn, findCatalogItem } from '../creditRecords/catalog.ts';
import {
  type CreditRecordDocument,
  type CreditRecordInput,
  creditRecordTextLimits,
} from '../creditRecords/model.ts';
import type { CommitmentDocument } from './model.ts';
import { type CommitmentMatter, findMatter } from './matters.ts';

export type CreditFileEffect =
  | {
      outcome: 'record';
      record: CreditRecordInput;
      catalogItem: CatalogItem;
      /** A dishonest record: a draft for a reviewer to approve (four-eyes), never filed directly. */
      proposal: boolean;
      /** A repaired record to publish again, until this date. */
      republish: { recordId: string; publicityEnd: string } | null;
    }
  | { outcome: 'none'; reason: 'noFinding' | 'unknownMatter' | 'repairedRecordMissing' }
  | { outcome: 'noCatalogItem'; code: string };

export interface CreditFileOptions {
  /** File under this catalog item instead of the matter's. */
  catalogCode?: string;
  publicity?: PublicityConfig;
  /** The record a credit-repair commitment repaired (needed to republish it on breach). */
  repairedRecord?: RepairedRecord;
}

export type RepairedRecord = Pick<
  CreditRecordDocument,
  'id' | 'catalogCode' | 'publicityStart' | 'publicityEnd'
>;

type Decided = Pick<
  CommitmentDocument,
  'id' | 'subjectId' | 'subjectKind' | 'type' | 'matterCode' | 'number' | 'publicity' | 'outcome'
>;

export function creditFileEffect(
  commitment: Decided,
  matters: readonly CommitmentMatter[],
  catalog: readonly CatalogItem[],
  options: CreditFileOptions = {},
): CreditFileEffect {
  const { outcome } = commitment;
  if (outcome.result === '') return { outcome: 'none', reason: 'noFinding' };
  const matter = findMatter(matters, commitment.matterCode);
  if (!matter) return { outcome: 'none', reason: 'unknownMatter' };

  const code =
    options.catalogCode ??
    (outcome.result === 'fulfilled'
      ? matter.fulfilmentItem
      : outcome.result === 'falseCommitment'
        ? matter.falseItem
        : matter.breachItem);
  const item = findCatalogItem(catalog, code, outcome.decisionDate);
  if (!item?.subjectTypes.includes(commitment.subjectKind)) return { outcome: 'noCatalogItem', code };

  const fulfilled = outcome.result === 'fulfilled';
  const republishes = commitment.type === 'creditRepair' && !fulfilled;
  if (republishes && !options.repairedRecord) return { outcome: 'none', reason: 'repairedRecordMissing' };
  const config = options.publicity ?? defaultPublicityConfig;
  const { rule } = effectivePublicityRule(item, config);
  const start = outcome.decisionDate;
  const title = fulfilled ? `履行信用承诺：${matter.name.zh}` : `违背信用承诺：${matter.name.zh}`;
  const facts = fulfilled
    ? `承诺书编号 ${commitment.number}，经核查已全部履行。${outcome.facts}`
    : [
        `承诺书编号 ${commitment.number}。${outcome.facts}`,
        outcome.unfulfilledContent && `未履行内容：${outcome.unfulfilledContent}`,
        outcome.actionTaken && `处理措施：${outcome.actionTaken}`,
      ]
        .filter(Boolean)
        .join('\n');
  const record: CreditRecordInput = {
    subjectId: commitment.subjectId,
    catalogCode: item.code,
    category: item.category,
    title: clip(title, creditRecordTextLimits.title),
    facts: clip(facts, creditRecordTextLimits.facts),
    documentNumber: commitment.number,
    decisionDate: start,
    authority: clip(outcome.decidingUnit, creditRecordTextLimits.authority),
    legalBasis: clip(item.basis.join('；'), creditRecordTextLimits.legalBasis),
    // A commitment the matter keeps from the public stays between authorities in the file too.
    disclosure: commitment.publicity === 'public' ? item.disclosure : 'shared',
    publicityStart: start,
    publicityEnd: defaultPublicityEnd(start, rule),
    // The record sources know breaches only; a fulfilment record is filed as entered, still pointing back.
    source: fulfilled ? 'entered' : 'commitmentBreach',
    sourceId: commitment.id,
    attachments: [...outcome.evidence],
    status: 'draft',
    workflow: [],
  };
  return {
    outcome: 'record',
    record,
    catalogItem: item,
    proposal: !fulfilled,
    republish: republishes ? republishRepaired(options.repairedRecord!, catalog, config) : null,
  };
}

/**
 * The repaired record published again until its publicity start plus the item's maximum period (an item
 * published while valid keeps its end); null when the catalog no longer knows its item.
 */
export function republishRepaired(
  repaired: RepairedRecord,
  catalog: readonly CatalogItem[],
  config: PublicityConfig = defaultPublicityConfig,
): { recordId: string; publicityEnd: string } | null {
  const item = catalog.find(
    (i) => i.code === repaired.catalogCode && catalogItemAppliesOn(i, repaired.publicityStart),
  );
  if (!item) return null;
  const { rule } = effectivePublicityRule(item, config);
  const publicityEnd = rule.whileValid
    ? repaired.publicityEnd
    : addMonths(repaired.publicityStart, rule.maxMonths);
  return { recordId: repaired.id, publicityEnd };
}

/** The reason recorded on the repaired record's republish step (data, in the letters' language). */
export function republishReason(commitmentNumber: string): string {
  return `违背信用修复承诺（承诺书编号 ${commitmentNumber}），按最长公示期限公示`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
