/**
 * An objection found a published penalty's record inaccurate (outcome "corrected"): the record is amended
 * and so is the 双公示 penalty decision it was derived from, field for field, so the office's publication
 * and the credit file say the same. The record's title and publicity start have no counterpart on the
 * decision; every other correctable field does.
 */
import type { CreditRecordCorrection } from '../creditRecords/model.ts';
import type { DisclosureDocument } from '../disclosures/model.ts';

/** The decision's field each correctable record field amends. */
export const penaltyFieldOfRecordField = {
  facts: 'violationFacts',
  documentNumber: 'documentNumber',
  decisionDate: 'decisionDate',
  authority: 'authority',
  legalBasis: 'legalBasis',
  publicityEnd: 'publicityEnd',
} as const satisfies Partial<Record<keyof CreditRecordCorrection, keyof DisclosureDocument>>;

export type PenaltyCorrectionField =
  (typeof penaltyFieldOfRecordField)[keyof typeof penaltyFieldOfRecordField];

/** The decision's fields a correction may amend (what the platform lets the deciding reviewer change). */
export const penaltyCorrectionFields: readonly PenaltyCorrectionField[] =
  Object.values(penaltyFieldOfRecordField);

/**
 * The penalty decision as the correction amends it, or null when the correction touches none of its
 * fields (a corrected title alone) or leaves them as they were.
 */
export function correctedPenalty<T extends Pick<DisclosureDocument, PenaltyCorrectionField>>(
  decision: T,
  correction: CreditRecordCorrection,
): T | null {
  const next = { ...decision };
  let changed = false;
  for (const [recordField, decisionField] of Object.entries(penaltyFieldOfRecordField) as [
    keyof typeof penaltyFieldOfRecordField,
    PenaltyCorrectionField,
  ][]) {
    const value = correction[recordField]?.trim();
    if (value === undefined || value === decision[decisionField].trim()) continue;
    next[decisionField] = value;
    changed = true;
  }
  return changed ? next : null;
}
