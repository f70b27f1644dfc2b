import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BaseDocument } from '../../../shared/base/document.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { createI18n } from '../../i18n/index.ts';
import { useDocument } from './documents.ts';
import { Fact } from './Fact.tsx';
import { FormActions } from './FormActions.tsx';
import { ListTable } from './ListTable.tsx';
import { afterSave, useFormSave } from './saving.ts';

let i18n: Awaited<ReturnType<typeof createI18n>>;

beforeAll(async () => {
  i18n = await createI18n('en');
});

afterEach(cleanup);

function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{children}</MantineProvider>
    </I18nextProvider>
  );
}

const show = (ui: ReactNode) => render(ui, { wrapper: Providers });

describe('FormActions', () => {
  it('submits the form it stands in and cancels without submitting', () => {
    const submitted = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const cancelled = vi.fn();
    show(
      <form onSubmit={submitted}>
        <FormActions onCancel={cancelled} />
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelled).toHaveBeenCalledOnce();
    expect(submitted).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submitted).toHaveBeenCalledOnce();
  });

  it('keeps focus in the form when pressed, so a field checked on blur cannot move the button away', () => {
    show(
      <form>
        <FormActions />
      </form>,
    );
    // fireEvent returns false when the handler prevented the default (the focus change).
    expect(fireEvent.mouseDown(screen.getByRole('button', { name: 'Save' }))).toBe(false);
  });

  it('confirms by click, never submitting, and shows no Cancel unless asked', () => {
    const submitted = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const confirmed = vi.fn();
    show(
      <form onSubmit={submitted}>
        <FormActions onConfirm={confirmed} label="Export" />
      </form>,
    );
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(confirmed).toHaveBeenCalledOnce();
    expect(submitted).not.toHaveBeenCalled();
  });

  it('keeps a disabled action from running', () => {
    const confirmed = vi.fn();
    show(<FormActions onConfirm={confirmed} label="Reveal" disabled />);
    const button = screen.getByRole('button', { name: 'Reveal' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(confirmed).not.toHaveBeenCalled();
  });
});

describe('ListTable', () => {
  it('heads the body rows with the columns, an empty header where asked', () => {
    show(
      <ListTable columns={['Name', 'Status', '']} data-testid="people">
        <tr>
          <td>Li</td>
          <td>active</td>
          <td />
        </tr>
      </ListTable>,
    );
    const table = screen.getByTestId('people');
    expect(Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent)).toEqual([
      'Name',
      'Status',
      '',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(screen.getByRole('cell', { name: 'Li' })).toBeTruthy();
  });
});

describe('Fact', () => {
  it('shows the label over the value, in a block element when the value holds blocks', () => {
    show(
      <>
        <Fact label="Created">today</Fact>
        <Fact label="Code" block>
          <span data-testid="code">X</span>
        </Fact>
      </>,
    );
    expect(screen.getByText('Created').nextElementSibling?.textContent).toBe('today');
    expect(screen.getByText('today').tagName).toBe('P');
    expect(screen.getByTestId('code').parentElement?.tagName).toBe('DIV');
  });
});

const issue: ValidationIssue = { field: 'name', code: 'required' };

describe('afterSave', () => {
  it('runs the follow-up with what was saved and reports no issues', () => {
    const onSaved = vi.fn();
    expect(afterSave({ ok: true, value: { id: 'a' } }, onSaved)).toEqual([]);
    expect(onSaved).toHaveBeenCalledWith({ id: 'a' });
  });

  it('returns a refusal’s issues without the follow-up', () => {
    const onSaved = vi.fn();
    expect(afterSave({ ok: false, issues: [issue] }, onSaved)).toEqual([issue]);
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe('useFormSave', () => {
  it('is saving while the save runs, then keeps the refusal and shows it under the inputs', async () => {
    let finish: (issues: ValidationIssue[]) => void = () => {};
    const save = vi.fn(
      (_values: { name: string }) => new Promise<ValidationIssue[]>((resolve) => (finish = resolve)),
    );
    const setErrors = vi.fn();
    const { result } = renderHook(() =>
      useFormSave({ setErrors }, save, (issues) => ({ [issues[0]!.field]: issues[0]!.code })),
    );
    let saving: Promise<void> = Promise.resolve();
    act(() => {
      saving = result.current.save({ name: '' });
    });
    expect(save).toHaveBeenCalledWith({ name: '' });
    expect(result.current.saving).toBe(true);
    await act(async () => {
      finish([issue]);
      await saving;
    });
    expect(result.current.saving).toBe(false);
    expect(result.current.refused).toEqual([issue]);
    expect(setErrors).toHaveBeenCalledWith({ name: 'required' });
  });

  it('leaves the inputs alone after a save goes through', async () => {
    const setErrors = vi.fn();
    const { result } = renderHook(() =>
      useFormSave(
        { setErrors },
        async () => [],
        () => ({}),
      ),
    );
    await act(() => result.current.save({}));
    expect(result.current.refused).toEqual([]);
    expect(setErrors).not.toHaveBeenCalled();
  });
});

describe('documents', () => {
  const doc: BaseDocument & { name: string } = {
    id: '0190a0b0-0000-7000-8000-000000000001',
    county: '410823',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    createdBy: 'u1',
    updatedBy: 'u2',
    name: 'Hongda',
  };

  it('loads a document by id: undefined while loading, null when there is none', async () => {
    const stored = new Map([[doc.id, doc]]);
    const repository = { get: async (id: string) => stored.get(id) ?? null };
    const { result, rerender } = renderHook(({ id }) => useDocument(repository, id), {
      initialProps: { id: doc.id },
    });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual(doc));
    rerender({ id: 'missing' });
    await waitFor(() => expect(result.current).toBeNull());
  });
});
