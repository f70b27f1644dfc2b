import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DisclosureDocument } from '../../shared/disclosures/model.ts';
import type { DisclosureTiming } from './repository.ts';

/** Reported on time, reported late, due, or overdue. */
export function TimingBadge({
  disclosure,
  timing,
}: {
  disclosure: DisclosureDocument;
  timing: DisclosureTiming;
}) {
  const { t } = useTranslation();
  const reported = disclosure.reportedAt !== '';
  const state = reported
    ? timing.late
      ? 'reportedLate'
      : 'reportedOnTime'
    : timing.late
      ? 'overdue'
      : 'due';
  const colors = { reportedLate: 'orange', reportedOnTime: 'teal', overdue: 'red', due: 'blue' } as const;
  return (
    <Badge color={colors[state]} variant="light" data-testid="timing-badge">
      {t(`creditUi.disclosure.timing.${state}`)}
    </Badge>
  );
}

/** Why a deadline may be off: a year whose official holiday arrangement is not loaded yet. */
export function CalendarWarnings({ timing }: { timing: DisclosureTiming }) {
  const { t } = useTranslation();
  if (timing.warnings.length === 0) return null;
  return (
    <Text size="xs" c="yellow.8" data-testid="calendar-warning">
      {timing.warnings.map((warning) => t(`warning.${warning.code}`, warning.params)).join('；')}
    </Text>
  );
}
