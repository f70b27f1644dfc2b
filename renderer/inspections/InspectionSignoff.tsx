import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { formatInstant } from '../subjects/labels.ts';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { InspectionFields } from './repository.ts';
import { SignaturePad } from './SignaturePad.tsx';
import { StoredImage } from './StoredImage.tsx';
import { useTouchSize } from './touch.tsx';

/**
 * The end of the visit: the inspected party's representative and their signature drawn on screen, the
 * conclusion, ending the visit and saving the draft.
 */
export function InspectionSignoff({
  fields,
  blankSignature,
  keptAt,
  onChange,
  onChangeNow,
  onSign,
  onFinish,
  onSave,
}: {
  fields: InspectionFields;
  /** The signature field emptied (a new one is then drawn). */
  blankSignature: Attachment;
  /** When the form was last kept on this computer, as a time of day, or ''. */
  keptAt: string;
  onChange: (next: InspectionFields) => void;
  onChangeNow: (next: InspectionFields) => void;
  onSign: (png: Uint8Array) => void;
  onFinish: () => void;
  onSave: () => void;
}) {
  const { t, i18n } = useTranslation();
  const size = useTouchSize();
  return (
    <Paper withBorder p="md">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            size={size}
            label={t('inspectionUi.representative')}
            value={fields.representative}
            onChange={(event) => onChange({ ...fields, representative: event.currentTarget.value })}
          />
          <TextInput
            size={size}
            label={t('inspectionUi.representativeId')}
            value={fields.representativeIdNumber}
            onChange={(event) => onChange({ ...fields, representativeIdNumber: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Text fw={500}>{t('inspectionUi.signature')}</Text>
        {fields.signature.sha256 ? (
          <Group>
            <StoredImage photo={fields.signature} alt={t('inspectionUi.signature')} height={120} />
            <Text c="green">{t('inspectionUi.signatureSaved')}</Text>
            <Button
              size={size}
              variant="default"
              onClick={() => onChangeNow({ ...fields, signature: blankSignature })}
            >
              {t('inspectionUi.signatureClear')}
            </Button>
          </Group>
        ) : (
          <SignaturePad onAccept={onSign} />
        )}
        <Textarea
          size={size}
          autosize
          minRows={3}
          label={t('inspectionUi.conclusion')}
          value={fields.conclusion}
          onChange={(event) => onChange({ ...fields, conclusion: event.currentTarget.value })}
        />
        <Group>
          <Button size={size} variant="light" onClick={onFinish}>
            {t('inspectionUi.finish')}
          </Button>
          {fields.endedAt && (
            <Text>
              {t('inspectionUi.finishedAt', {
                time: formatInstant(fields.endedAt, i18n.language),
              })}
            </Text>
          )}
        </Group>
        <Group>
          <Button size={size} variant="default" onClick={onSave} data-testid="save-draft">
            {t('draftUi.save')}
          </Button>
          {keptAt && (
            <Text size="sm" c="dimmed" data-testid="autosaved">
              {t('inspectionUi.autosaved', { time: keptAt })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
