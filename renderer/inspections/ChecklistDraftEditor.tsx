import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDraftItem,
  changeDraftItem,
  draftIsOutdated,
  moveDraftItem,
  removeDraftItem,
} from '../../shared/inspections/checklistDraft.ts';
import {
  type ChecklistItem,
  type ChecklistTemplate,
  checklistDepths,
  type ItemLevel,
  validateTemplate,
} from '../../shared/inspections/checklists.ts';
import { useServices } from '../app/services.ts';
import { ConfirmModal } from '../kernel/ui/ConfirmModal.tsx';
import { errorsByField } from '../kernel/ui/issues.tsx';
import { useChecklistDraft } from './checklistDrafts.ts';

/** The draft without the blank lines of its legal bases, as it is checked and downloaded. */
function tidied(draft: ChecklistTemplate): ChecklistTemplate {
  return {
    ...draft,
    items: draft.items.map((item) => ({
      ...item,
      basis: item.basis.map((law) => law.trim()).filter((law) => law !== ''),
    })),
  };
}

/** Moves an item one place up or down the draft; disabled at that end. */
function MoveButton({
  direction,
  code,
  disabled,
  onMove,
}: {
  direction: 'up' | 'down';
  code: string;
  disabled: boolean;
  onMove: () => void;
}) {
  const { t } = useTranslation();
  const Icon = direction === 'up' ? IconArrowUp : IconArrowDown;
  return (
    <ActionIcon
      variant="default"
      size="lg"
      disabled={disabled}
      onClick={onMove}
      aria-label={t(`checklistUi.editor.${direction}`, { code })}
    >
      <Icon size={18} />
    </ActionIcon>
  );
}

/**
 * For administrators: the draft of an industry's next checklist version, edited item by item, kept on
 * this computer for the administrator (`owner`) until discarded, and downloaded (only when valid) for the
 * city platform to publish.
 */
export function ChecklistDraftEditor({
  inForce,
  owner,
  download,
}: {
  inForce: ChecklistTemplate;
  owner: string;
  download: (template: ChecklistTemplate) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { local, reference } = useServices();
  const { draft, change, discard, unsaved } = useChecklistDraft(local, owner, inForce.industry);
  const [checked, setChecked] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  /** The item whose removal is being confirmed, by its place (kept while the dialog closes). */
  const [removing, setRemoving] = useState({ index: 0, asking: false });
  const english = i18n.language === 'en';
  /** An item by its number and, when written, its wording in the user's language. */
  const named = (item: ChecklistItem) => {
    const text =
      (english ? item.text.en : item.text.zh).trim() || (english ? item.text.zh : item.text.en).trim();
    return text ? t('checklistUi.editor.itemNamed', { code: item.code, text }) : item.code;
  };
  const next = inForce.version + 1;
  if (draft === undefined) return null;
  if (draft === null) {
    return (
      <Group>
        <Button
          onClick={() => change(structuredClone(inForce))}
          data-testid={`checklist-edit-${inForce.industry}`}
        >
          {t('checklistUi.editor.start', { version: next })}
        </Button>
        <Button variant="default" onClick={() => download(inForce)}>
          {t('checklistUi.draft.button', { version: next })}
        </Button>
      </Group>
    );
  }
  const stale = draftIsOutdated(draft, inForce);
  const issues = validateTemplate(tidied(draft), reference.catalog());
  const errors = checked ? errorsByField(t, issues) : {};
  const catalogOptions = reference
    .catalog()
    .filter((entry) => entry.industries.includes(draft.industry))
    .map((entry) => ({ value: entry.code, label: english ? entry.name.en : entry.name.zh }));
  const depthOptions = checklistDepths.map((depth, index) => ({
    value: String(index + 1),
    label: t(`inspectionUi.depth.${depth}`),
  }));
  const save = async () => {
    setChecked(true);
    if (issues.length > 0) {
      notifications.show({
        color: 'red',
        message: t('checklistUi.editor.invalid', { count: issues.length }),
      });
      return;
    }
    await download(tidied(draft));
  };
  return (
    <Stack data-testid={`checklist-editor-${draft.industry}`}>
      <Alert title={t('checklistUi.editor.title', { version: draft.version + 1 })}>
        {t('checklistUi.editor.intro')}
      </Alert>
      {unsaved && <Alert color="red">{t('checklistUi.editor.unsaved')}</Alert>}
      {stale && (
        <Alert color="orange">
          {t('checklistUi.editor.stale', { from: draft.version, inForce: inForce.version })}
        </Alert>
      )}
      {errors.items && <Text c="red">{errors.items}</Text>}
      {draft.items.map((item, index) => {
        const at = `items.${index}`;
        const set = (patch: Parameters<typeof changeDraftItem>[2]) =>
          change(changeDraftItem(draft, index, patch));
        return (
          // Items have no identity beyond their place while their numbers are being edited.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Paper key={index} withBorder p="sm" data-testid="checklist-draft-item">
            <Stack gap="xs">
              <Group align="flex-start" wrap="nowrap">
                <TextInput
                  w={110}
                  label={t('checklistUi.column.code')}
                  value={item.code}
                  onChange={(event) => set({ code: event.currentTarget.value })}
                  error={errors[`${at}.code`]}
                />
                <Select
                  w={160}
                  label={t('checklistUi.column.depth')}
                  data={depthOptions}
                  value={String(item.level)}
                  allowDeselect={false}
                  onChange={(value) => value && set({ level: Number(value) as ItemLevel })}
                />
                <Select
                  style={{ flex: 1 }}
                  label={t('checklistUi.column.catalog')}
                  data={catalogOptions}
                  value={
                    catalogOptions.some((option) => option.value === item.catalogCode)
                      ? item.catalogCode
                      : null
                  }
                  searchable
                  allowDeselect={false}
                  onChange={(value) => value && set({ catalogCode: value })}
                  error={errors[`${at}.catalogCode`]}
                />
                <Group gap={4} mt={24} wrap="nowrap">
                  <MoveButton
                    direction="up"
                    code={item.code}
                    disabled={index === 0}
                    onMove={() => change(moveDraftItem(draft, index, -1))}
                  />
                  <MoveButton
                    direction="down"
                    code={item.code}
                    disabled={index === draft.items.length - 1}
                    onMove={() => change(moveDraftItem(draft, index, 1))}
                  />
                  <ActionIcon
                    variant="default"
                    color="red"
                    size="lg"
                    onClick={() => setRemoving({ index, asking: true })}
                    aria-label={t('checklistUi.editor.remove', { code: item.code })}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              </Group>
              <Group grow align="flex-start">
                <TextInput
                  label={t('checklistUi.editor.textZh')}
                  value={item.text.zh}
                  onChange={(event) => set({ text: { ...item.text, zh: event.currentTarget.value } })}
                />
                <TextInput
                  label={t('checklistUi.editor.textEn')}
                  value={item.text.en}
                  onChange={(event) => set({ text: { ...item.text, en: event.currentTarget.value } })}
                />
              </Group>
              {errors[at] && (
                <Text c="red" size="sm">
                  {errors[at]}
                </Text>
              )}
              <Textarea
                label={t('checklistUi.column.basis')}
                description={t('checklistUi.editor.basisHint')}
                autosize
                minRows={1}
                value={item.basis.join('\n')}
                onChange={(event) => set({ basis: event.currentTarget.value.split('\n') })}
                error={errors[`${at}.basis`]}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => change(addDraftItem(draft))}>
          {t('checklistUi.editor.add')}
        </Button>
        <Button onClick={save} disabled={stale}>
          {t('checklistUi.editor.download', { version: draft.version + 1 })}
        </Button>
        <Button variant="default" color="red" onClick={() => setDiscarding(true)}>
          {t('checklistUi.editor.discard')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('checklistUi.editor.publishNote')}
      </Text>
      <ConfirmModal
        opened={discarding}
        title={t('checklistUi.editor.discard')}
        consequence={t('checklistUi.editor.discardConfirm', { version: draft.version + 1 })}
        keepLabel={t('checklistUi.editor.keep')}
        confirmLabel={t('checklistUi.editor.discardYes')}
        onKeep={() => setDiscarding(false)}
        onConfirm={async () => {
          await discard();
          setDiscarding(false);
          setChecked(false);
        }}
      />
      <ConfirmModal
        opened={removing.asking}
        title={t('checklistUi.editor.removeTitle')}
        consequence={t('checklistUi.editor.removeConfirm', {
          item: draft.items[removing.index] ? named(draft.items[removing.index] as ChecklistItem) : '',
        })}
        keepLabel={t('checklistUi.editor.removeKeep')}
        confirmLabel={t('checklistUi.editor.removeYes')}
        onKeep={() => setRemoving({ ...removing, asking: false })}
        onConfirm={() => {
          change(removeDraftItem(draft, removing.index));
          setRemoving({ ...removing, asking: false });
        }}
      />
    </Stack>
  );
}
