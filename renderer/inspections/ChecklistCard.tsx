import {
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { ChecklistItem } from '../../shared/inspections/checklists.ts';
import type { StoredItem } from '../../shared/inspections/document.ts';
import { defaultRectificationDays } from '../../shared/inspections/rectification.ts';
import {
  type Finding,
  type FindingSeverity,
  findingSeverities,
  itemResults,
} from '../../shared/inspections/record.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { StoredImage } from './StoredImage.tsx';
import { useTouchSize } from './touch.tsx';

/**
 * One checklist item being filled: its result as large segmented buttons, a note, photos (a refused one
 * says why right here, where the inspector is looking), its finding.
 */
export function ChecklistCard({
  item,
  definition,
  onResult,
  onNote,
  onPhoto,
  refusedPhoto,
  onRemovePhoto,
  children,
}: {
  item: StoredItem;
  definition: ChecklistItem | undefined;
  onResult: (result: StoredItem['result']) => void;
  onNote: (note: string) => void;
  onPhoto: (file: File | null) => void;
  /** Why the last photo picked for this item was refused. */
  refusedPhoto: readonly ValidationIssue[];
  onRemovePhoto: (sha256: string) => void;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const size = useTouchSize();
  const text = definition ? (i18n.language === 'en' ? definition.text.en : definition.text.zh) : item.code;
  return (
    <Card withBorder padding="md" data-testid={`item-${item.code}`}>
      <Stack gap="sm">
        <Text fw={500}>
          {item.code} {text}
        </Text>
        {definition && (
          <Text size="xs" c="dimmed" translate="no">
            {t('inspectionUi.basis', { basis: definition.basis.join('、') })}
          </Text>
        )}
        <SegmentedControl
          size={size === 'lg' ? 'xl' : 'md'}
          // Tall for a finger, in a font that keeps "Not applicable" whole beside the navigation.
          styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
          fullWidth
          value={item.result}
          onChange={(value) => onResult(value as StoredItem['result'])}
          data={itemResults.map((value) => ({ value, label: t(`inspectionUi.result.${value}`) }))}
        />
        <Textarea
          size={size}
          autosize
          minRows={1}
          label={t('inspectionUi.note')}
          value={item.note}
          onChange={(event) => onNote(event.currentTarget.value)}
        />
        <Group>
          {item.photos.map((photo, index) => (
            <Stack key={photo.sha256} gap={2} align="center">
              <StoredImage
                photo={photo}
                alt={t('inspectionUi.photoAlt', { code: item.code, index: index + 1 })}
                height={96}
              />
              <Button
                size={size === 'lg' ? 'lg' : 'compact-xs'}
                variant="subtle"
                color="red"
                onClick={() => onRemovePhoto(photo.sha256)}
              >
                {t('inspectionUi.removePhoto')}
              </Button>
            </Stack>
          ))}
          <FileButton onChange={onPhoto} accept="image/*" capture="environment">
            {(props) => (
              <Button {...props} size={size} variant="light" leftSection={<IconCamera size={18} />}>
                {t('inspectionUi.addPhoto')}
              </Button>
            )}
          </FileButton>
        </Group>
        <IssueSummary issues={refusedPhoto} labelOf={() => null} refusedAction={t('inspectionUi.addPhoto')} />
        {children}
      </Stack>
    </Card>
  );
}

/** A non-compliant item's finding: severity, the rectification deadline and what was found. */
export function FindingFields({
  finding,
  today,
  onChange,
}: {
  finding: Finding;
  today: string;
  onChange: (patch: Partial<Finding>) => void;
}) {
  const { t } = useTranslation();
  const size = useTouchSize();
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-red-0)">
      <Stack gap="sm">
        <Text fw={500}>{t('inspectionUi.finding')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            size={size}
            label={t('inspectionUi.severityLabel')}
            value={finding.severity}
            allowDeselect={false}
            data={findingSeverities.map((value) => ({ value, label: t(`inspectionUi.severity.${value}`) }))}
            onChange={(value) => value && onChange({ severity: value as FindingSeverity })}
          />
          <TextInput
            size={size}
            type="date"
            label={t('inspectionUi.rectifyBy')}
            description={t('inspectionUi.rectifyByHint', {
              days: defaultRectificationDays[finding.severity],
            })}
            min={today}
            value={finding.rectifyBy}
            onChange={(event) => onChange({ rectifyBy: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Textarea
          size={size}
          autosize
          minRows={2}
          label={t('inspectionUi.description')}
          value={finding.description}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
