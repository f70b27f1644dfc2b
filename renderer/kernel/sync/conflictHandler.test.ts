import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issue } from '../../../shared/base/validation.ts';
import { type ConflictHandlerOptions, createConflictHandler, resolveConflict } from './conflictHandler.ts';
import type { DocumentState } from './merge.ts';
import { SyncStore } from './syncStore.ts';

let store: SyncStore;
let serial = 0;
let options: ConflictHandlerOptions;
let brokenRules: ReturnType<typeof issue>[];

const base: DocumentState = { id: 'd1', name: 'A', address: 'X', phone: '1', _deleted: false };

beforeEach(() => {
  store = new SyncStore(`conflict-test-${++serial}`);
  brokenRules = [];
  options = {
    collection: 'subjects',
    mergeFields: ['name', 'address', 'phone'],
    store,
    check: async () => brokenRules,
    now: () => '2026-11-25T08:00:00.000Z',
  };
});

afterEach(() => store.close());

describe('conflict resolution', () => {
  it('merges and records the local values that lost', async () => {
    const local = { ...base, name: 'local name', address: 'local address', _meta: { lwt: 1 }, _rev: '2-x' };
    const platform = { ...base, name: 'platform name' };
    const merged = await resolveConflict(options, {
      newDocumentState: local as never,
      assumedMasterState: base as never,
      realMasterState: platform as never,
    });
    expect(merged).toMatchObject({ name: 'platform name', address: 'local address' });
    const [entry] = await store.openConflicts();
    expect(entry).toMatchObject({
      collection: 'subjects',
      docId: 'd1',
      fields: ['name'],
      reason: 'bothChanged',
      baseState: base,
      platformState: platform,
    });
    expect(entry!.localState).toEqual({ ...base, name: 'local name', address: 'local address' });
  });

  it('records nothing when the changes do not overlap', async () => {
    const merged = await resolveConflict(options, {
      newDocumentState: { ...base, name: 'B' } as never,
      assumedMasterState: base as never,
      realMasterState: { ...base, phone: '2' } as never,
    });
    expect(merged).toMatchObject({ name: 'B', phone: '2' });
    expect(await store.openConflicts()).toEqual([]);
  });

  it('keeps the platform state and records the whole local change when the merge breaks a rule', async () => {
    brokenRules = [issue('code', 'duplicateCode', { existingId: 'd9' })];
    const platform = { ...base, phone: '2' };
    const merged = await resolveConflict(options, {
      newDocumentState: { ...base, name: 'B' } as never,
      assumedMasterState: base as never,
      realMasterState: platform as never,
    });
    expect(merged).toEqual(platform);
    const [entry] = await store.openConflicts();
    expect(entry).toMatchObject({ reason: 'invalidMerge', fields: ['name'], issues: brokenRules });
  });

  it('merges a fixed refused document against the state before the refusal', async () => {
    const refused = { ...base, name: 'refused name', phone: 'bad' };
    await store.putRefusals([
      {
        collection: 'subjects',
        docId: 'd1',
        localState: refused,
        baseState: base,
        issues: [issue('phone', 'phone')],
        refusedAt: '2026-11-25T07:00:00.000Z',
      },
    ]);
    // RxDB believes the refused state is the platform's; the platform moved on from the real base.
    const merged = await resolveConflict(options, {
      newDocumentState: { ...refused, phone: '3' } as never,
      assumedMasterState: refused as never,
      realMasterState: { ...base, address: 'Y' } as never,
    });
    expect(merged).toMatchObject({ name: 'refused name', phone: '3', address: 'Y' });
    expect(await store.getRefusal('subjects', 'd1')).toBeUndefined();
    expect(await store.openConflicts()).toEqual([]);
  });

  it('keeps a pulled state that is older than one learned since from being written locally', () => {
    const older = { ...base, address: 'older' };
    const accepted = { ...base, address: 'accepted' };
    const handler = createConflictHandler({ ...options, superseded: (state) => state.address === 'older' });
    // RxDB writes a pulled state locally only when it differs from the local one.
    expect(handler.isEqual(older as never, accepted as never, 'downstream-check-if-equal-1')).toBe(true);
    expect(
      handler.isEqual(
        { ...base, address: 'newer' } as never,
        accepted as never,
        'downstream-check-if-equal-1',
      ),
    ).toBe(false);
    // Everywhere else, equality is content equality.
    expect(handler.isEqual(older as never, accepted as never, 'upstream-check-if-equal')).toBe(false);
    expect(
      handler.isEqual(accepted as never, { ...accepted, _rev: '9-x' } as never, 'upstream-check-if-equal'),
    ).toBe(true);
  });
});
