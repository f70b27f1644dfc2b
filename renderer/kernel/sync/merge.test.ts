import { describe, expect, it } from 'vitest';
import { mergeDocumentStates, sameContent } from './merge.ts';

const fields = ['name', 'address', 'phone'];
const base = {
  id: 'a',
  name: '宏达建筑',
  address: '人民路 1 号',
  phone: '13800000000',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'u0',
  _deleted: false,
};

describe('three-way merge', () => {
  it('keeps fields changed on one side only from that side', () => {
    const local = { ...base, name: '宏达建设', updatedAt: '2026-11-02T00:00:00.000Z', updatedBy: 'u1' };
    const platform = {
      ...base,
      phone: '13900000000',
      updatedAt: '2026-11-03T00:00:00.000Z',
      updatedBy: 'u2',
    };
    const result = mergeDocumentStates({ base, local, platform, mergeFields: fields });
    expect(result.conflictFields).toEqual([]);
    expect(result.merged).toMatchObject({ name: '宏达建设', phone: '13900000000', address: base.address });
    // The merged version carries the local editor and never an older time than the platform's.
    expect(result.merged).toMatchObject({ updatedBy: 'u1', updatedAt: '2026-11-03T00:00:00.000Z' });
    expect(result.localFields).toEqual(['name']);
  });

  it('takes the platform value where both sides changed a field differently, and reports it', () => {
    const local = { ...base, name: '本地名称', address: '本地地址' };
    const platform = { ...base, name: '平台名称' };
    const result = mergeDocumentStates({ base, local, platform, mergeFields: fields });
    expect(result.conflictFields).toEqual(['name']);
    expect(result.merged).toMatchObject({ name: '平台名称', address: '本地地址' });
  });

  it('is no conflict when both sides made the same change', () => {
    const local = { ...base, name: '同名' };
    const platform = { ...base, name: '同名', updatedBy: 'u2' };
    const result = mergeDocumentStates({ base, local, platform, mergeFields: fields });
    expect(result.conflictFields).toEqual([]);
    expect(sameContent(result.merged, platform)).toBe(true);
  });

  it('treats every differing field as changed on both sides when the base is unknown', () => {
    const local = { ...base, name: '本地', phone: '13700000000' };
    const platform = { ...base, name: '平台' };
    const result = mergeDocumentStates({ base: null, local, platform, mergeFields: fields });
    expect(result.conflictFields.sort()).toEqual(['name', 'phone']);
    expect(sameContent(result.merged, platform)).toBe(true);
  });

  it('keeps the platform state when one side deleted what the other changed', () => {
    const deletedLocally = mergeDocumentStates({
      base,
      local: { ...base, _deleted: true },
      platform: { ...base, name: '平台' },
      mergeFields: fields,
    });
    expect(deletedLocally.merged._deleted).toBe(false);
    expect(deletedLocally.conflictFields).toEqual(['_deleted']);

    const deletedOnPlatform = mergeDocumentStates({
      base,
      local: { ...base, name: '本地' },
      platform: { ...base, _deleted: true },
      mergeFields: fields,
    });
    expect(deletedOnPlatform.merged._deleted).toBe(true);
    expect(deletedOnPlatform.conflictFields).toEqual(['_deleted']);
  });

  it('applies a local deletion the platform did not contest', () => {
    const result = mergeDocumentStates({
      base,
      local: { ...base, _deleted: true },
      platform: { ...base, updatedBy: 'u9' },
      mergeFields: fields,
    });
    expect(result.merged._deleted).toBe(true);
    expect(result.conflictFields).toEqual([]);
  });

  it('compares content without local metadata and key order', () => {
    const withMeta = { ...base, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(sameContent(withMeta, reordered)).toBe(true);
    expect(sameContent(base, { ...base, name: 'x' })).toBe(false);
  });
});
