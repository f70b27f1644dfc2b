import { notificationsStore } from '@mantine/notifications';
import { act, renderHook } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { stepColor, useStepDialog, useWatched } from './useStepDialog.ts';

const values = { text: '理由', date: '', documentNumber: '' };

describe('useStepDialog', () => {
  it('keeps the dialog open with the refusal, closes it and says what was done on success', async () => {
    const taken: string[] = [];
    const { result } = renderHook(() =>
      useStepDialog<'approve' | 'revoke'>(
        async (step, { text }) => {
          taken.push(`${step}:${text}`);
          return step === 'revoke'
            ? { ok: false, issues: [{ field: 'note', code: 'workflow.noteRequired' }] }
            : { ok: true, value: null };
        },
        (step) => `done ${step}`,
      ),
    );
    expect(await result.current.confirm(values)).toEqual([]);
    expect(taken).toEqual([]);

    act(() => result.current.open('revoke'));
    let issues: unknown;
    await act(async () => {
      issues = await result.current.confirm(values);
    });
    expect(issues).toEqual([{ field: 'note', code: 'workflow.noteRequired' }]);
    expect(result.current.pending).toBe('revoke');

    act(() => result.current.open('approve'));
    await act(async () => {
      issues = await result.current.confirm(values);
    });
    expect(issues).toEqual([]);
    expect(result.current.pending).toBeNull();
    expect(taken).toEqual(['revoke:理由', 'approve:理由']);
    expect(notificationsStore.getState().notifications.at(-1)?.message).toBe('done approve');
  });

  it('colours steps by what they do', () => {
    expect([stepColor('approve'), stepColor('revoke'), stepColor('submit')]).toEqual(['teal', 'red', 'blue']);
  });
});

describe('useWatched', () => {
  it('follows the document as it changes; null without an id', async () => {
    const subject = new BehaviorSubject<{ n: number } | null>({ n: 1 });
    const repository = { watch: (_id: string) => subject.asObservable() };
    const { result, rerender } = renderHook(({ id }) => useWatched(repository, id), {
      initialProps: { id: 'a' as string | undefined },
    });
    expect(result.current).toEqual({ n: 1 });
    act(() => subject.next({ n: 2 }));
    expect(result.current).toEqual({ n: 2 });
    rerender({ id: undefined });
    expect(result.current).toBeNull();
  });
});
