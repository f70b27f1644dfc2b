import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addDraftItem } from '../../shared/inspections/checklistDraft.ts';
import { defaultTemplateFor } from '../../shared/inspections/checklists.ts';
import { LocalStore } from '../kernel/db/localStore.ts';
import { useChecklistDraft } from './checklistDrafts.ts';

const opened: LocalStore[] = [];
afterEach(() => {
  cleanup();
  for (const local of opened.splice(0)) local.close();
});

describe('the checklist draft kept on this computer', () => {
  it('is kept per industry across a reopened store until discarded', async () => {
    const name = `test-checklist-drafts-${crypto.randomUUID()}`;
    const local = new LocalStore(name);
    opened.push(local);
    const first = renderHook(() => useChecklistDraft(local, 'construction'));
    await waitFor(() => expect(first.result.current.draft).toBeNull());
    const edited = addDraftItem(defaultTemplateFor('construction'));
    act(() => first.result.current.change(edited));
    expect(first.result.current.draft).toEqual(edited);
    first.unmount();

    const reopened = new LocalStore(name);
    opened.push(reopened);
    const again = renderHook(() => useChecklistDraft(reopened, 'construction'));
    await waitFor(() => expect(again.result.current.draft).toEqual(edited));
    const other = renderHook(() => useChecklistDraft(reopened, 'realEstateBrokerage'));
    await waitFor(() => expect(other.result.current.draft).toBeNull());

    await act(() => again.result.current.discard());
    expect(again.result.current.draft).toBeNull();
    expect(await reopened.getSetting('checklistDraft:construction')).toBeUndefined();
  });

  it('says so when an edit cannot be saved, and keeps it on screen', async () => {
    const local = new LocalStore(`test-checklist-drafts-${crypto.randomUUID()}`);
    opened.push(local);
    const { result } = renderHook(() => useChecklistDraft(local, 'construction'));
    await waitFor(() => expect(result.current.draft).toBeNull());
    local.close();
    const edited = addDraftItem(defaultTemplateFor('construction'));
    act(() => result.current.change(edited));
    await waitFor(() => expect(result.current.unsaved).toBe(true));
    expect(result.current.draft).toEqual(edited);
  });
});
