import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import { StepDialog } from './StepDialog.tsx';

afterEach(cleanup);

// happy-dom has no font loading API, which Mantine's autosizing textarea listens to.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

describe('the confirmation of an irreversible step', () => {
  it('says what the step does, takes the opinion, confirms with the step’s own name and shows a refusal', async () => {
    const i18n = await createI18n('zh-CN');
    const confirmed = vi.fn(async () => [
      { field: 'note', code: 'workflow.noteRequired', params: { action: 'return' } },
    ]);
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <StepDialog
            step={{
              label: '退回',
              consequence: i18n.t('stepDialog.record.return'),
              text: { kind: 'opinion', required: true },
            }}
            onCancel={() => undefined}
            onConfirm={confirmed}
          />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(/退回理由会显示在记录顶部/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /审核意见/ }), { target: { value: '文号有误' } });
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    await waitFor(() =>
      expect(confirmed).toHaveBeenCalledWith({ text: '文号有误', date: '', documentNumber: '' }),
    );
    expect(await screen.findByText(/未能退回/)).toBeTruthy();
  });
});
