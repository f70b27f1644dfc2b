import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { StoredImage } from './StoredImage.tsx';
import { useRecordedChecklist } from './useChecklist.ts';

/** The record as submitted or closed. */
export function InspectionRecordView({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const template = useRecordedChecklist(doc);
  return (
    <Stack>
      {doc.items.map((item) => {
        const definition = template?.items.find((candidate) => candidate.code === item.code);
        const finding = doc.findings.find((candidate) => candidate.itemCode === item.code);
        return (
          <Card withBorder key={item.code} data-testid={`item-${item.code}`}>
            <Stack gap={4}>
              <Text fw={500}>
                {item.code}{' '}
                {definition ? (i18n.language === 'en' ? definition.text.en : definition.text.zh) : ''}
              </Text>
              <Text>{item.result ? t(`inspectionUi.result.${item.result}`) : '—'}</Text>
              {item.note && <Text size="sm">{item.note}</Text>}
              <Group>
                {item.photos.map((photo, index) => (
                  <StoredImage
                    key={photo.sha256}
                    photo={photo}
                    alt={t('inspectionUi.photoAlt', { code: item.code, index: index + 1 })}
                    height={96}
                  />
                ))}
              </Group>
              {finding && (
                <Text size="sm" c="red">
                  {t(`inspectionUi.severity.${finding.severity}`)} · {finding.description} ·{' '}
                  {t('inspectionUi.rectifyBy')} {finding.rectifyBy}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
      <Text>
        {t('inspectionUi.labelled', { label: t('inspectionUi.representative'), value: doc.representative })}
      </Text>
      {doc.signature.sha256 && (
        <StoredImage photo={doc.signature} alt={t('inspectionUi.signature')} height={120} />
      )}
      <Text>
        {t('inspectionUi.labelled', { label: t('inspectionUi.conclusion'), value: doc.conclusion })}
      </Text>
    </Stack>
  );
}
