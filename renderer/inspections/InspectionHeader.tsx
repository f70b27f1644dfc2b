import { Group, Stack, Text, Title } from '@mantine/core';
import { formatInstant } from '../subjects/labels.ts';
import { useTranslation } from 'react-i18next';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { useServices } from '../app/services.ts';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { InspectionStateBadge, originLabel } from './InspectionListPage.tsx';

/** Who is inspected, why, by whom, the credit state shown before the visit and the checklist used. */
export function InspectionHeader({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const { subjects } = useServices();
  const nameOf = useUserNames();
  const labelled = (label: string, value: string) => t('inspectionUi.labelled', { label, value });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2}>{subjects.index.get(doc.subjectId)?.name ?? t('inspectionUi.title')}</Title>
        <InspectionStateBadge state={doc.state} />
      </Group>
      <Text>
        {doc.adHocNote ? labelled(t(originLabel(doc)), doc.adHocNote) : t(originLabel(doc))} ·{' '}
        {formatInstant(doc.startedAt, i18n.language)}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.inspectors'),
          doc.inspectors.map(nameOf).join(t('inspectionUi.listSeparator')),
        )}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.creditBefore'),
          `${doc.gradeBefore || t('inspectionUi.fact.ungraded')}${doc.raisedBefore ? t('inspectionUi.fact.raised') : ''}`,
        )}
      </Text>
      <Text size="sm">
        {labelled(
          t('inspectionUi.fact.template'),
          t('inspectionUi.fact.templateValue', {
            industry: t(`subject.industry.${doc.templateIndustry}`),
            version: doc.templateVersion,
            depth: t(`inspectionUi.depth.${doc.depth}`),
          }),
        )}
      </Text>
    </Stack>
  );
}
