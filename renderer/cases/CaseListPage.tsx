import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { type CasePage, type CaseQueue, caseQueues as queues } from './casePages.ts';
import { CaseStatusBadge } from './parts.tsx';

const pageSize = 50;

/** Repair applications and objections: the open queue by nearest deadline, the closed ones, or all. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { cases, creditRecords, clock } = useServices();
  const [params, setFilter] = useQueryFilter();
  const queue = (queues as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as CaseQueue)
    : 'open';
  const [result, setResult] = useState<CasePage | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [page, setPage] = useListPage([queue]);

  useEffect(() => {
    const load = async () => {
      const found = await cases.page({ queue, offset: (page - 1) * pageSize, limit: pageSize });
      const records = await Promise.all(found.items.map((doc) => creditRecords.get(doc.recordId)));
      setTitles(new Map(records.flatMap((record) => (record ? [[record.id, record.title]] : []))));
      setResult(found);
    };
    load();
    const subscription = cases.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [cases, creditRecords, queue, page]);

  const today = chinaDateOf(clock());
  const shown = (result?.items ?? []).map((doc) => ({ doc, deadline: cases.deadline(doc) }));

  return (
    <Stack>
      <Title order={2}>{t('cases.list.title')}</Title>
      <Group>
        <SegmentedControl
          data={queues.map((value) => ({ value, label: t(`cases.list.queue.${value}`) }))}
          value={queue}
          onChange={(value) => setFilter('queue', value === 'open' ? null : value)}
        />
      </Group>
      {result && result.total > pageSize && <ListTotal total={result.total} more={result.more} />}
      {result !== null && shown.length === 0 ? (
        <Text c="dimmed">{t('cases.list.empty')}</Text>
      ) : (
        <ListTable
          striped
          highlightOnHover
          data-testid="case-table"
          columns={[
            t('cases.field.kind'),
            t('cases.field.recordId'),
            t('cases.field.applicant'),
            t('cases.field.applicationDate'),
            t('cases.field.status'),
            t('cases.field.deadline'),
          ]}
        >
          {shown.map(({ doc, deadline }) => (
            <Table.Tr key={doc.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${doc.id}`}>
                  {t(`cases.kind.${doc.kind}`)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/credit/records/${doc.recordId}`}>
                  {titles.get(doc.recordId) ?? '—'}
                </Anchor>
              </Table.Td>
              <Table.Td>{doc.applicant}</Table.Td>
              <Table.Td>{doc.applicationDate}</Table.Td>
              <Table.Td>
                <CaseStatusBadge status={doc.status} />
              </Table.Td>
              <Table.Td>
                {deadline ? (
                  <Badge color={deadline < today ? 'red' : 'gray'} variant="light">
                    {deadline}
                  </Badge>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
