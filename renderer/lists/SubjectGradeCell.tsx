import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import { useGradeTick } from './useGrades.ts';

/** A subject's grade today for a list row, flagged when it is on the city-wide black list. */
export function SubjectGradeCell({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { listings } = useServices();
  // Re-read whenever the cache regrades (a record approved, a city-list entry pulled).
  useGradeTick();
  if (!listings.grades.loaded) {
    return (
      <Text size="xs" c="dimmed" data-testid="subject-grade-calculating">
        {t('lists.ui.grade.calculating')}
      </Text>
    );
  }
  const supervision = listings.supervisionOf(subjectId);
  if (!supervision) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        variant="light"
        color={supervision.onCityBlackList ? 'red' : 'blue'}
        data-testid="subject-grade-cell"
      >
        {supervision.grade}
      </Badge>
      {supervision.onCityBlackList && (
        <Badge variant="filled" color="red">
          {t('lists.ui.city.badge')}
        </Badge>
      )}
    </Group>
  );
}
