import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import { type ChecklistTemplate, defaultTemplateFor } from '../../shared/inspections/checklists.ts';
import type { AppServices } from '../app/services.ts';
import { LocalStore } from '../kernel/db/localStore.ts';
import { type CoreServices, ServicesContext } from '../kernel/services.ts';
import { createI18n } from '../i18n/index.ts';
import { ChecklistDraftEditor } from './ChecklistDraftEditor.tsx';

// happy-dom has no font loading API, which Mantine's autosizing textarea listens to.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

const opened: LocalStore[] = [];
afterEach(() => {
  cleanup();
  for (const local of opened.splice(0)) local.close();
});

const construction = defaultTemplateFor('construction');
/** Rendering sixteen items takes seconds on a busy machine. */
const slow = { timeout: 15_000 };
const owner = 'admin-zhang';

/** The editor over a real local store holding `stored` as the administrator's draft, in English. */
async function showEditor(stored: ChecklistTemplate, inForce: ChecklistTemplate = construction) {
  const local = new LocalStore(`test-checklist-editor-${crypto.randomUUID()}`);
  opened.push(local);
  await local.setSetting(`checklistDraft:${owner}:construction`, stored);
  // The built-in catalog, as the reference data of a computer that has not synchronised yet.
  const services = { local, reference: { catalog: () => defaultCatalog } } as unknown as AppServices;
  const i18n = await createI18n('en');
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <ServicesContext.Provider value={services as CoreServices}>
          <ChecklistDraftEditor inForce={inForce} owner={owner} download={vi.fn(async () => {})} />
        </ServicesContext.Provider>
      </MantineProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId('checklist-editor-construction', {}, slow);
  return local;
}

describe('the checklist draft editor', { timeout: 60_000 }, () => {
  it('asks before removing an item, naming it, and removes nothing when the item is kept', async () => {
    const local = await showEditor(construction);
    const [first] = construction.items;
    const remove = screen.getByRole('button', { name: `Remove item ${first!.code} from the draft` });
    fireEvent.click(remove);
    const dialog = await screen.findByRole('dialog', { name: 'Remove item' }, slow);
    expect(dialog.textContent).toContain(
      `This removes item ${first!.code} “${first!.text.en}” and everything written in it from the draft.`,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the item' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), slow);
    expect(screen.getAllByTestId('checklist-draft-item')).toHaveLength(construction.items.length);

    fireEvent.click(remove);
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Remove item' }, slow)).getByRole('button', {
        name: 'Remove the item',
      }),
    );
    await waitFor(
      () => expect(screen.getAllByTestId('checklist-draft-item')).toHaveLength(construction.items.length - 1),
      slow,
    );
    await waitFor(async () => {
      const kept = await local.getSetting<ChecklistTemplate>(`checklistDraft:${owner}:construction`);
      expect(kept?.items.map((item) => item.code)).toEqual(
        construction.items.slice(1).map((item) => item.code),
      );
    }, slow);
  });

  it('names a new item by its number alone while it has no wording', async () => {
    const blank = { ...construction, items: [{ ...construction.items[0]!, text: { zh: '', en: '' } }] };
    await showEditor(blank);
    fireEvent.click(
      screen.getByRole('button', { name: `Remove item ${blank.items[0]!.code} from the draft` }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Remove item' }, slow);
    expect(dialog.textContent).toContain(`This removes item ${blank.items[0]!.code} and everything`);
  });

  it('warns that a draft started from version N cannot be downloaded once N+1 is in force', async () => {
    await showEditor(construction, { ...construction, version: construction.version + 1 });
    expect(
      screen.getByText(
        `This draft was started from version ${construction.version}, but version ${construction.version + 1} is now in force, so it can no longer be downloaded as the next version. Discard it and edit again from the version in force.`,
      ),
    ).toBeTruthy();
    const download = screen.getByRole('button', {
      name: `Download the draft of version ${construction.version + 1}`,
    }) as HTMLButtonElement;
    expect(download.disabled).toBe(true);
  });

  it('shows no such warning for a draft of the version in force', async () => {
    await showEditor(construction);
    expect(screen.queryByText(/can no longer be downloaded as the next version/)).toBeNull();
  });
});
