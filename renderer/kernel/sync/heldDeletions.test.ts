import { describe, expect, it } from 'vitest';
import type { DeletionHold } from './collectionSync.ts';
import { HeldDeletions } from './heldDeletions.ts';
import type { HeldDeletion } from './syncStatus.ts';

const push: DeletionHold = { collection: 'subjects', direction: 'push', deletions: 25, collectionSize: 30 };
const pull: DeletionHold = {
  collection: 'creditRecords',
  direction: 'pull',
  deletions: 40,
  collectionSize: 50,
};

describe('held deletions', () => {
  it('shows each held batch under its number until a person answers for it', async () => {
    const shown: HeldDeletion[][] = [];
    const cancelled: string[] = [];
    const held = new HeldDeletions((waiting) => shown.push(waiting));
    const first = held.hold(push, () => cancelled.push('push'));
    const second = held.hold(pull, () => cancelled.push('pull'));
    expect(shown.at(-1)).toEqual([
      { id: 1, ...push },
      { id: 2, ...pull },
    ]);

    held.decide(2, true);
    held.decide(2, false); // answered already: ignored
    held.decide(7, false); // no such batch
    expect(await second).toBe(true);
    expect(shown.at(-1)).toEqual([{ id: 1, ...push }]);
    expect(cancelled).toEqual([]);

    held.decide(1, false);
    expect(await first).toBe(false);
    expect(cancelled).toEqual(['push']);
    expect(shown.at(-1)).toEqual([]);
  });

  it('cancels every held batch when sync stops', async () => {
    const held = new HeldDeletions(() => {});
    const cancelled: string[] = [];
    const answers = [
      held.hold(push, () => cancelled.push('push')),
      held.hold(pull, () => cancelled.push('pull')),
    ];
    held.cancelAll();
    expect(await Promise.all(answers)).toEqual([false, false]);
    expect(cancelled).toEqual(['push', 'pull']);
  });
});
