import { Badge, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from './format.ts';
import { useSyncStatus } from './syncContext.ts';

/** The shell's sync state: online or not, what waits for upload, the last sync; opens the Sync page. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const pending = status.collections.reduce((sum, collection) => sum + collection.pending, 0);
  const counted = status.collections.every((collection) => collection.counted);
  const stopped = status.state === 'paused' || status.state === 'blocked' || status.state === 'notEnrolled';
  const label = !status.online
    ? t('sync.indicator.offline')
    : status.state === 'paused'
      ? t('sync.indicator.paused')
      : status.state === 'blocked'
        ? t('sync.indicator.blocked')
        : status.state === 'notEnrolled'
          ? t('sync.indicator.notEnrolled')
          : t('sync.indicator.online');
  const color = !status.online ? 'gray' : status.state === 'blocked' ? 'red' : stopped ? 'yellow' : 'teal';
  const Icon = !status.online ? IconCloudOff : stopped ? IconCloudPause : IconCloudCheck;
  return (
    <UnstyledButton
      onClick={() => navigate('/sync')}
      aria-label={t('sync.indicator.open')}
      title={t('sync.indicator.open')}
      data-testid="sync-indicator"
    >
      <Group gap="xs" wrap="nowrap">
        <Badge
          color={color}
          variant="light"
          leftSection={<Icon size={14} />}
          data-testid="sync-indicator-state"
        >
          {label}
        </Badge>
        {status.syncing && <Loader size="xs" aria-label={t('sync.indicator.syncing')} />}
        {pending > 0 && (
          <Badge color="blue" variant="outline" data-testid="sync-indicator-pending">
            {t(counted ? 'sync.indicator.pending' : 'sync.indicator.pendingCounting', { count: pending })}
          </Badge>
        )}
        <Text size="xs" c="dimmed" visibleFrom="md">
          {status.lastSyncedAt
            ? t('sync.indicator.lastSync', { time: formatTime(status.lastSyncedAt, i18n.language) })
            : t('sync.indicator.never')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
