import { describe, expect, it } from 'vitest';
import { SyncStore } from './syncStore.ts';

describe('closing the sync store', () => {
  it('waits for a write under way, which lands and is announced, instead of failing it', async () => {
    const store = new SyncStore('test-sync-store-close');
    const announced: string[] = [];
    store.changes$.subscribe((change) => announced.push(change.kind));
    const other = new BroadcastChannel('test-sync-store-close-sync-changes');
    const heard = new Promise((resolve) => other.addEventListener('message', resolve, { once: true }));

    const writing = store.setSetting('lastSyncedAt', '2026-11-20T08:00:00.000Z');
    await store.close();
    await expect(writing).resolves.toBeUndefined();
    expect(announced).toEqual(['settings']);
    await heard;
    other.close();

    const reopened = new SyncStore('test-sync-store-close');
    expect(await reopened.getSetting('lastSyncedAt')).toBe('2026-11-20T08:00:00.000Z');
    await reopened.close();
  });
});
