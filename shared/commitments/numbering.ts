/**
 * Commitment numbers: 6-digit division code + 8-digit signing date (YYYYMMDD) + 6-digit serial, e.g.
 * 150303 20260315 100004. The serial restarts every day and must be unique per county.
 *
 * Choice: each device numbers from its own serial block; no provisional numbers. The letter is printed and
 * signed at the counter, possibly while the device is offline, and the number on signed paper cannot
 * change afterwards — a provisional number renumbered at sync would leave the paper and the record
 * disagreeing. With blocks, a number is final the moment it is given: the daily serial space 000001–999999
 * is cut into blocks of `blockSize` serials, each device of the county holds one block index (handed out
 * once, when the device is registered, and never reused), and two devices can never produce the same
 * number whatever they do offline. The price is that serials are not consecutive across devices; the
 * standard asks for uniqueness only. The default block size of 100,000 leaves room for ten devices per
 * county and 99,999 letters per device per day (a yearly campaign of 20,000 fits in one day).
 */
import { isRealDate } from '../domain/identifiers.ts';
import { issue, type ValidationIssue } from '../model/validation.ts';

export const serialDigits = 6;
export const defaultBlockSize = 100_000;
const maxSerial = 10 ** serialDigits - 1;

export interface SerialBlock {
  /** First serial of the block (at least 1). */
  first: number;
  /** Last serial of the block. */
  last: number;
}

/** The serials of block `index` (0-based); serial 0 is never used. */
export function serialBlock(index: number, blockSize: number = defaultBlockSize): SerialBlock {
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > maxSerial) {
    throw new RangeError(`Serial block size must be 1–${maxSerial}: ${blockSize}`);
  }
  const blocks = Math.floor((maxSerial + 1) / blockSize);
  if (!Number.isInteger(index) || index < 0 || index >= blocks) {
    throw new RangeError(`Serial block index must be 0–${blocks - 1}: ${index}`);
  }
  return { first: Math.max(1, index * blockSize), last: Math.min(maxSerial, (index + 1) * blockSize - 1) };
}

const numberPattern = /^(\d{6})(\d{4})(\d{2})(\d{2})(\d{6})$/;

/** Whether a string is a well-formed commitment number (real date, serial ≥ 1). */
export function isCommitmentNumber(value: string): boolean {
  return parseCommitmentNumber(value) !== null;
}

export function parseCommitmentNumber(
  value: string,
): { division: string; date: string; serial: number } | null {
  const match = numberPattern.exec(value);
  if (!match) return null;
  const [, division, year, month, day, serial] = match as unknown as string[];
  const date = `${year}-${month}-${day}`;
  if (!isRealDate(date) || Number(serial) === 0) return null;
  return { division: division!, date, serial: Number(serial) };
}

export function formatCommitmentNumber(division: string, date: string, serial: number): string {
  return `${division}${date.replaceAll('-', '')}${String(serial).padStart(serialDigits, '0')}`;
}

export type Numbering = { ok: true; numbers: string[] } | { ok: false; issues: ValidationIssue[] };

/**
 * The next `count` numbers this device may give on `date`: after the highest serial of its block among
 * the numbers it knows for that division and date (its own, and any synced back). Deriving the position
 * from the numbers themselves keeps it right after a restore or reinstall, as long as the device has
 * pulled its earlier commitments. Refuses rather than spill into another device's block.
 */
export function nextCommitmentNumbers(
  known: Iterable<string>,
  division: string,
  date: string,
  block: SerialBlock,
  count = 1,
): Numbering {
  if (!/^\d{6}$/.test(division)) return { ok: false, issues: [issue('division', 'divisionCode')] };
  if (!isRealDate(date)) return { ok: false, issues: [issue('signingDate', 'dateFormat')] };
  let last = block.first - 1;
  const prefix = formatCommitmentNumber(division, date, 0).slice(0, 14);
  for (const number of known) {
    if (!number.startsWith(prefix)) continue;
    const serial = Number(number.slice(14));
    if (serial >= block.first && serial <= block.last && serial > last) last = serial;
  }
  const left = block.last - last;
  if (count > left) {
    return {
      ok: false,
      issues: [issue('number', 'commitment.serialBlockExhausted', { date, left, count })],
    };
  }
  const numbers = Array.from({ length: count }, (_, i) =>
    formatCommitmentNumber(division, date, last + 1 + i),
  );
  return { ok: true, numbers };
}
