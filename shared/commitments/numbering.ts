/**
 * Commitment numbers: 6-digit division code + 8-digit signing date (YYYYMMDD) + 6-digit serial, e.g.
 * 150303 20260315 100004. The serial restarts every day and must be unique per county.
 *
 * Choice: each device numbers from its own serial blocks; no provisional numbers. The letter is printed and
 * signed at the counter, possibly while the device is offline, and the number on signed paper cannot
 * change afterwards — a provisional number renumbered at sync would leave the paper and the record
 * disagreeing. With blocks, a number is final the moment it is given: the daily serial space 000001–999999
 * is cut into 100 blocks of 10,000 serials. The platform hands each enrolled device of a county its own
 * blocks (blocks 1–99, one at enrolment, another when the device runs low; never reused), so two devices
 * can never produce the same number whatever they do offline. Block 0 (serials 1–9,999) is what a computer
 * not enrolled on any platform numbers from: a county that works on one computer alone. The price is that
 * serials are not consecutive across devices; the standard asks for uniqueness only.
 */
import { isRealDate } from '../base/identifiers.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';

export const serialDigits = 6;
export const defaultBlockSize = 10_000;
const maxSerial = 10 ** serialDigits - 1;
/** Blocks of the default size in a day's serial space: block 0 before enrolment, 1–99 from the platform. */
export const blocksPerCounty = (maxSerial + 1) / defaultBlockSize;
/** A device asks the platform for another block when fewer serials than this are left for today. */
export const lowSerialThreshold = defaultBlockSize / 5;

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

/** The serials of `blocks` still free on `date` after the numbers the device knows, block by block. */
function freeSerials(
  known: Iterable<string>,
  division: string,
  date: string,
  blocks: readonly SerialBlock[],
): { next: number; last: number }[] {
  const highest = blocks.map((block) => block.first - 1);
  const prefix = formatCommitmentNumber(division, date, 0).slice(0, 14);
  for (const number of known) {
    if (!number.startsWith(prefix)) continue;
    const serial = Number(number.slice(14));
    blocks.forEach((block, i) => {
      if (serial >= block.first && serial <= block.last && serial > highest[i]!) highest[i] = serial;
    });
  }
  return blocks.map((block, i) => ({ next: highest[i]! + 1, last: block.last }));
}

/** How many numbers the device can still give on `date` from its blocks. */
export function serialsLeft(
  known: Iterable<string>,
  division: string,
  date: string,
  blocks: readonly SerialBlock[],
): number {
  return freeSerials(known, division, date, blocks).reduce((sum, free) => sum + free.last - free.next + 1, 0);
}

/**
 * The next `count` numbers this device may give on `date`: in each of its blocks (in order), after the
 * highest serial of that block among the numbers it knows for that division and date (its own, and any
 * synced back). Deriving the position from the numbers themselves keeps it right after a restore or
 * reinstall, as long as the device has pulled its earlier commitments. Refuses rather than spill into
 * another device's block.
 */
export function nextCommitmentNumbers(
  known: Iterable<string>,
  division: string,
  date: string,
  blocks: SerialBlock | readonly SerialBlock[],
  count = 1,
): Numbering {
  if (!/^\d{6}$/.test(division)) return { ok: false, issues: [issue('division', 'divisionCode')] };
  if (!isRealDate(date)) return { ok: false, issues: [issue('signingDate', 'dateFormat')] };
  const free = freeSerials(known, division, date, Array.isArray(blocks) ? blocks : [blocks as SerialBlock]);
  const left = free.reduce((sum, range) => sum + range.last - range.next + 1, 0);
  if (count > left) {
    return {
      ok: false,
      issues: [issue('number', 'commitment.serialBlockExhausted', { date, left, count })],
    };
  }
  const numbers: string[] = [];
  for (const range of free) {
    for (let serial = range.next; serial <= range.last && numbers.length < count; serial++) {
      numbers.push(formatCommitmentNumber(division, date, serial));
    }
  }
  return { ok: true, numbers };
}
