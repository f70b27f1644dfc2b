import { describe, expect, it } from 'vitest';
import { listingPassesFilter } from './listing.ts';

describe('the lists page filters', () => {
  it('show entries by status, every entry under "all", never a provincial evaluation', () => {
    expect(listingPassesFilter({ kind: 'blackList', status: 'proposed' }, 'proposed')).toBe(true);
    expect(listingPassesFilter({ kind: 'blackList', status: 'proposed' }, 'listed')).toBe(false);
    expect(listingPassesFilter({ kind: 'grade', status: 'exited' }, 'all')).toBe(true);
    expect(listingPassesFilter({ kind: 'provincial', status: 'listed' }, 'listed')).toBe(false);
    expect(listingPassesFilter({ kind: 'provincial', status: 'listed' }, 'all')).toBe(false);
  });
});
