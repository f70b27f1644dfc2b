import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A subject's open commitments on the subject list; nothing when none. */
export function OpenCommitmentsBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge ml="xs" size="sm" variant="light" color="blue" data-testid="open-commitments">
      {t('commitmentUi.openBadge', { count })}
    </Badge>
  );
}
