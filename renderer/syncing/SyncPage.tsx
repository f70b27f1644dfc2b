import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import type { CollectionStatus, HeldDeletion, SyncStatus } from '../kernel/sync/syncStatus.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { EnrollmentForm } from './EnrollmentForm.tsx';
import { formatTime, problemMessage } from './format.ts';
import { RefusedList } from './RefusedList.tsx';
import { useSync, useSyncStatus } from './syncContext.ts';

function HeldDeletionPrompt({ hold }: { hold: HeldDeletion }) {
  const { t } = useTranslation();
  const sync = useSync();
  const values = {
    collection: t(`sync.collection.${hold.collection}`),
    deletions: hold.deletions,
    total: hold.collectionSize,
  };
  return (
    <Alert color="orange" title={t('sync.held.title')} role="alert" data-testid="held-deletion">
      <Stack gap="sm">
        <Text size="sm">{t(`sync.held.${hold.direction}`, values)}</Text>
        <Group>
          <Button size="xs" color="orange" onClick={() => sync.decideHeldDeletion(hold.id, true)}>
            {t('sync.held.continue')}
          </Button>
          <Button size="xs" variant="default" onClick={() => sync.decideHeldDeletion(hold.id, false)}>
            {t('sync.held.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CollectionRow({ collection }: { collection: CollectionStatus }) {
  const { t } = useTranslation();
  const total = collection.pushed + collection.pending;
  return (
    <Table.Tr>
      <Table.Td>{t(`sync.collection.${collection.name}`)}</Table.Td>
      <Table.Td data-testid={`pending-${collection.name}`}>
        {collection.counted
          ? collection.pending
          : t('sync.indicator.pendingCounting', { count: collection.pending })}
      </Table.Td>
      <Table.Td w="40%">
        {collection.active ? (
          <Stack gap={4}>
            <Progress
              value={total > 0 ? (collection.pushed / total) * 100 : 100}
              animated
              aria-label={t('sync.overview.transferred')}
            />
            <Text size="xs" c="dimmed">
              {t('sync.overview.progress', { done: collection.pushed, total })} ·{' '}
              {t('sync.overview.pulled', { count: collection.pulled })}
            </Text>
          </Stack>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Overview({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  const enrollment = status.enrollment!;
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (
    <Paper withBorder p="lg">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('sync.overview.platform')}>{enrollment.platformUrl}</Fact>
          <Fact label={t('sync.overview.county')}>
            {`${enrollment.county.name[language]} (${enrollment.county.code})`}
          </Fact>
          <Fact label={t('sync.overview.enrolledAt')}>
            {formatTime(enrollment.enrolledAt, i18n.language)}
          </Fact>
          <Fact label={t('sync.overview.state')}>{t(`sync.state.${status.state}`)}</Fact>
          <Fact label={t('sync.overview.lastSync')}>
            {status.lastSyncedAt ? formatTime(status.lastSyncedAt, i18n.language) : t('sync.overview.never')}
          </Fact>
          <Fact label={t('sync.overview.connection')}>
            {t(status.connected ? 'sync.overview.connected' : 'sync.overview.disconnected')}
          </Fact>
        </SimpleGrid>
        <Group>
          {status.state === 'paused' ? (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => sync.resume()}>
              {t('sync.overview.resume')}
            </Button>
          ) : (
            <Button
              variant="default"
              leftSection={<IconPlayerPause size={16} />}
              onClick={() => sync.pause()}
              disabled={status.state === 'blocked'}
            >
              {t('sync.overview.pause')}
            </Button>
          )}
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} />}
            onClick={() => sync.syncNow()}
            disabled={status.state !== 'running'}
            loading={status.syncing}
          >
            {t('sync.overview.syncNow')}
          </Button>
        </Group>
        <ListTable
          columns={[
            t('sync.overview.collection'),
            t('sync.overview.pending'),
            t('sync.overview.transferred'),
          ]}
        >
          {status.collections.map((collection) => (
            <CollectionRow key={collection.name} collection={collection} />
          ))}
        </ListTable>
      </Stack>
    </Paper>
  );
}

function pendingCount(status: SyncStatus): number {
  return status.collections.reduce((sum, collection) => sum + collection.pending, 0);
}

/** Route /sync: enrollment, state and controls, held deletions, errors, refused records and conflicts. */
export function SyncPage() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus();
  const { appInfo } = useServices();
  const blocked = status.blocked;
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('sync.title')}</Title>
      {blocked && (
        <Alert
          color="red"
          role="alert"
          data-testid="sync-blocked"
          title={t(
            blocked.reason === 'update' ? 'sync.blocked.updateTitle' : 'sync.blocked.unauthorizedTitle',
          )}
        >
          <Stack gap={4}>
            <Text size="sm">
              {t(blocked.reason === 'update' ? 'sync.blocked.updateBody' : 'sync.blocked.unauthorizedBody')}
            </Text>
            <Text size="xs" c="dimmed">
              {problemMessage(t, blocked.problem)}
            </Text>
          </Stack>
        </Alert>
      )}
      {(!status.enrollment || blocked?.reason === 'unauthorized') && (
        <EnrollmentForm initialUrl={status.enrollment?.platformUrl ?? appInfo.platformUrl} />
      )}
      {status.enrollment && (
        <>
          {status.held.map((hold) => (
            <HeldDeletionPrompt key={hold.id} hold={hold} />
          ))}
          {!status.online && (
            <Alert
              color="gray"
              title={t('sync.offline.title', { count: pendingCount(status) })}
              data-testid="sync-offline"
            >
              <Text size="sm">{t('sync.offline.body')}</Text>
            </Alert>
          )}
          {status.online && status.lastError && !blocked && (
            <Alert color="yellow" title={t('sync.error.title')} data-testid="sync-error">
              <Text size="sm">{problemMessage(t, status.lastError)}</Text>
              {status.lastError.retryAt !== null && (
                <Text size="xs" c="dimmed">
                  {t('sync.error.retryAt', { time: formatTime(status.lastError.retryAt, i18n.language) })}
                </Text>
              )}
            </Alert>
          )}
          <Overview status={status} />
          <Group>
            <Button
              component={Link}
              to="/sync/conflicts"
              variant={status.openConflicts > 0 ? 'filled' : 'default'}
              color={status.openConflicts > 0 ? 'orange' : undefined}
              data-testid="conflicts-link"
            >
              {status.openConflicts > 0
                ? t('sync.conflicts.link', { count: status.openConflicts })
                : t('sync.conflicts.none')}
            </Button>
          </Group>
          <RefusedList />
        </>
      )}
    </Stack>
  );
}
