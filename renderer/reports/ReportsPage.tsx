import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { formatInstant } from '../subjects/labels.ts';
import type { ReportPage } from './reportService.ts';
import { useReportServices } from './useReports.ts';

const stateColors = { registered: 'teal', pending: 'yellow', refused: 'red' } as const;

const pageSize = 50;

/** The reports issued on this computer with their registration on the platform, a page at a time. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { sync } = useServices();
  const { reports } = useReportServices();
  const [found, setFound] = useState<ReportPage | null>(null);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useListPage([]);
  const enrolled = sync.status.enrollment !== null;

  const read = useCallback(
    () => reports.page({ offset: (page - 1) * pageSize, limit: pageSize }),
    [reports, page],
  );
  const load = useCallback(async () => setFound(await read()), [read]);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    let current = true;
    // Pending reports are registered when the list is opened, if the platform can be reached.
    reports
      .registerPending()
      .catch(() => 0)
      .then(() => current && setOpened(true));
    return () => {
      current = false;
    };
  }, [reports]);
  useEffect(() => {
    if (!opened) return;
    let current = true;
    read().then((next) => current && setFound(next));
    return () => {
      current = false;
    };
  }, [opened, read]);

  const registerNow = async () => {
    setBusy(true);
    try {
      const count = await reports.registerPending();
      notifications.show({ color: 'teal', message: t('reports.registeredCount', { count }) });
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (found === null) return <Loader />;
  const list = found.items;
  const pending = list.some((report) => report.registration.state === 'pending');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('reports.title')}</Title>
        {enrolled && pending && (
          <Button variant="default" onClick={registerNow} loading={busy}>
            {t('reports.registerNow')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('reports.intro')}</Text>
      {!enrolled && (
        <Alert color="yellow" variant="light">
          {t('reports.notEnrolled')}
        </Alert>
      )}
      {found.total > pageSize && <ListTotal total={found.total} more={found.more} />}
      {list.length === 0 ? (
        <Text>{t('reports.empty')}</Text>
      ) : (
        <ListTable
          columns={[
            t('reports.column.number'),
            t('reports.column.subject'),
            t('reports.column.variant'),
            t('reports.column.issuedAt'),
            t('reports.column.code'),
            t('reports.column.registration'),
          ]}
          striped
        >
          {list.map((report) => (
            <Table.Tr key={report.entryId}>
              <Table.Td translate="no">{report.reportNumber}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/subjects/${report.subjectId}`}>
                  {report.subjectName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {t(`reports.variant.${report.variant}`)}
                {report.purpose ? `（${t(`reports.purpose.${report.purpose}`)}）` : ''}
              </Table.Td>
              <Table.Td>{formatInstant(report.issuedAt, i18n.language)}</Table.Td>
              <Table.Td ff="monospace" translate="no" data-testid="report-code">
                {report.code}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={stateColors[report.registration.state]}>
                  {t(`reports.registration.${report.registration.state}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ListPager found={found} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
