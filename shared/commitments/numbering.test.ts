import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCommitmentNumber,
  isCommitmentNumber,
  nextCommitmentNumbers,
  parseCommitmentNumber,
  serialBlock,
  serialsLeft,
} from './numbering.ts';

describe('commitment numbers', () => {
  it('are division + date + serial, 20 digits, with a real date and a serial from 1', () => {
    const number = formatCommitmentNumber('150303', '2026-03-15', 100004);
    expect(number).toBe('15030320260315100004');
    expect(parseCommitmentNumber(number)).toEqual({ division: '150303', date: '2026-03-15', serial: 100004 });
    expect(isCommitmentNumber('15030320260230100004')).toBe(false);
    expect(isCommitmentNumber('15030320260315000000')).toBe(false);
    expect(isCommitmentNumber('1503032026031510000')).toBe(false);
  });

  it('cut the daily serial space into blocks that never overlap and skip serial 0', () => {
    expect(serialBlock(0)).toEqual({ first: 1, last: 9_999 });
    expect(serialBlock(99)).toEqual({ first: 990_000, last: 999_999 });
    expect(serialBlock(3, 100_000)).toEqual({ first: 300_000, last: 399_999 });
    expect(() => serialBlock(100)).toThrow(RangeError);
  });

  it('continue after the highest serial the device knows in its block, so a restore does not reuse one', () => {
    const block = serialBlock(10);
    const known = [
      '15030320260315100007',
      '15030320260315100003',
      '15030320260315000009',
      '15030320260316100050',
    ];
    const next = nextCommitmentNumbers(known, '150303', '2026-03-15', block, 2);
    expect(next).toEqual({ ok: true, numbers: ['15030320260315100008', '15030320260315100009'] });
    expect(nextCommitmentNumbers([], '150303', '2026-03-17', block)).toEqual({
      ok: true,
      numbers: ['15030320260317100000'],
    });
  });

  it('go on into the next block a device holds when one is used up, and count what is left', () => {
    const blocks = [serialBlock(0, 10), serialBlock(5, 10)];
    const used = Array.from({ length: 8 }, (_, i) => formatCommitmentNumber('150303', '2026-03-15', i + 1));
    expect(serialsLeft(used, '150303', '2026-03-15', blocks)).toBe(11);
    expect(serialsLeft(used, '150303', '2026-03-16', blocks)).toBe(19);
    const next = nextCommitmentNumbers(used, '150303', '2026-03-15', blocks, 3);
    expect(next).toEqual({
      ok: true,
      numbers: ['15030320260315000009', '15030320260315000050', '15030320260315000051'],
    });
  });

  it('refuse to spill into another device block when a block runs out', () => {
    const block = serialBlock(0, 10);
    const used = Array.from({ length: 8 }, (_, i) => formatCommitmentNumber('150303', '2026-03-15', i + 1));
    const result = nextCommitmentNumbers(used, '150303', '2026-03-15', block, 2);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'number',
          code: 'commitment.serialBlockExhausted',
          params: { date: '2026-03-15', left: 1, count: 2 },
        },
      ],
    });
  });

  it('two devices numbering offline at once never collide, before or after they sync', () => {
    const dates = ['2026-03-13', '2026-03-14', '2026-03-15'];
    const step = fc.record({
      device: fc.integer({ min: 0, max: 1 }),
      date: fc.constantFrom(...dates),
      count: fc.integer({ min: 1, max: 40 }),
      sync: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (steps, firstBlock) => {
        const blocks = [serialBlock(firstBlock), serialBlock(firstBlock + 1)];
        const known = [new Set<string>(), new Set<string>()];
        const given: string[] = [];
        for (const { device, date, count, sync } of steps) {
          const result = nextCommitmentNumbers(known[device]!, '150303', date, blocks[device]!, count);
          if (!result.ok) return false;
          for (const number of result.numbers) {
            known[device]!.add(number);
            given.push(number);
          }
          if (sync) for (const number of given) for (const set of known) set.add(number);
        }
        return new Set(given).size === given.length;
      }),
      { numRuns: 300 },
    );
  });
});
