import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addDraftItem, removeDraftItem } from '../../shared/inspections/checklistDraft.ts';
import { defaultTemplateFor } from '../../shared/inspections/checklists.ts';
import { LocalStore } from '../kernel/db/localStore.ts';
import { useChecklistDraft } from './checklistDrafts.ts';

const opened: LocalStore[] = [];
afterEach(() => {
  cleanup();
  for (const local of opened.splice(0)) local.close();
});

const construction = defaultTemplateFor('construction');

function openStore(name = `test-checklist-drafts-${crypto.randomUUID()}`): LocalStore {
  const local = new LocalStore(name);
  opened.push(local);
  return local;
}

describe('the checklist draft kept on this computer', () => {
  it('is kept per industry across a reopened store until discarded', async () => {
    const name = `test-checklist-drafts-${crypto.randomUUID()}`;
    const local = openStore(name);
    const first = renderHook(() => useChecklistDraft(local, 'zhang', 'construction'));
    await waitFor(() => expect(first.result.current.draft).toBeNull());
    const edited = addDraftItem(construction);
    act(() => first.result.current.change(edited));
    expect(first.result.current.draft).toEqual(edited);
    first.unmount();

    const reopened = openStore(name);
    const again = renderHook(() => useChecklistDraft(reopened, 'zhang', 'construction'));
    await waitFor(() => expect(again.result.current.draft).toEqual(edited));
    const other = renderHook(() => useChecklistDraft(reopened, 'zhang', 'realEstateBrokerage'));
    await waitFor(() => expect(other.result.current.draft).toBeNull());

    await act(() => again.result.current.discard());
    expect(again.result.current.draft).toBeNull();
    expect(await reopened.getSetting('checklistDraft:zhang:construction')).toBeUndefined();
  });

  it('is kept per administrator: another one on the same computer neither sees nor overwrites it', async () => {
    const local = openStore();
    const zhang = renderHook(() => useChecklistDraft(local, 'zhang', 'construction'));
    await waitFor(() => expect(zhang.result.current.draft).toBeNull());
    const hers = addDraftItem(construction);
    act(() => zhang.result.current.change(hers));
    await waitFor(async () =>
      expect(await local.getSetting('checklistDraft:zhang:construction')).toEqual(hers),
    );
    zhang.unmount();

    const wang = renderHook(() => useChecklistDraft(local, 'wang', 'construction'));
    await waitFor(() => expect(wang.result.current.draft).toBeNull());
    const his = removeDraftItem(construction, 0);
    act(() => wang.result.current.change(his));
    await waitFor(async () =>
      expect(await local.getSetting('checklistDraft:wang:construction')).toEqual(his),
    );
    await act(() => wang.result.current.discard());
    wang.unmount();

    const zhangAgain = renderHook(() => useChecklistDraft(local, 'zhang', 'construction'));
    await waitFor(() => expect(zhangAgain.result.current.draft).toEqual(hers));
  });

  it('gives a draft this computer kept for everyone to the first administrator who opens it', async () => {
    const local = openStore();
    const earlier = addDraftItem(construction);
    await local.setSetting('checklistDraft:construction', earlier);
    const zhang = renderHook(() => useChecklistDraft(local, 'zhang', 'construction'));
    await waitFor(() => expect(zhang.result.current.draft).toEqual(earlier));
    expect(await local.getSetting('checklistDraft:construction')).toBeUndefined();
    const wang = renderHook(() => useChecklistDraft(local, 'wang', 'construction'));
    await waitFor(() => expect(wang.result.current.draft).toBeNull());
  });

  it('says so when an edit cannot be saved, and keeps it on screen', async () => {
    const local = openStore();
    const { result } = renderHook(() => useChecklistDraft(local, 'zhang', 'construction'));
    await waitFor(() => expect(result.current.draft).toBeNull());
    local.close();
    const edited = addDraftItem(construction);
    act(() => result.current.change(edited));
    await waitFor(() => expect(result.current.unsaved).toBe(true));
    expect(result.current.draft).toEqual(edited);
  });
});
