import type { CreditRecordInput } from './model.ts';

/**
 * Whether the public (信用门户, credit reports) may see a record on `today`: approved, disclosed to the
 * public, and inside its publicity period (both ends inclusive).
 */
export function isPubliclyVisible(
  record: Pick<CreditRecordInput, 'status' | 'disclosure' | 'publicityStart' | 'publicityEnd'>,
  today: string,
): boolean {
  return (
    record.status === 'approved' &&
    record.disclosure === 'public' &&
    record.publicityStart !== '' &&
    record.publicityStart <= today &&
    (record.publicityEnd === '' || today <= record.publicityEnd)
  );
}
