import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubjectPage } from './repository.ts';

/** How many subjects the list holds; "more than" while the search index loads and counting stopped. */
export function SubjectTotal({ page }: { page: Pick<SubjectPage, 'total' | 'more'> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="subject-total">
      {t(page.more ? 'subject.moreThan' : 'common.total', { count: page.total })}
    </Text>
  );
}
