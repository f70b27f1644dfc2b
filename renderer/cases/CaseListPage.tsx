import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDocument } from '../../shared/cases/model.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { localDate } from '../kernel/session/session.ts';
import { CaseStatusBadge } from './parts.tsx';

const queues = ['open', 'closed', 'all'] as const;
type Queue = (typeof queues)[number];

/** Repair applications and objections: the open queue by nearest deadline, the closed ones, or all. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { cases, creditRecords, clock } = useServices();
  const [params, setFilter] = useQueryFilter();
  const queue = (queues as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as Queue)
    : 'open';
  const [list, setList] = useState<CaseDocument[] | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    const subscription = cases.watchAll().subscribe(async (all) => {
      const records = await Promise.all(all.map((doc) => creditRecords.get(doc.recordId)));
      setTitles(new Map(records.flatMap((record) => (record ? [[record.id, record.title]] : []))));
      setList(all);
    });
    return () => subscription.unsubscribe();
  }, [cases, creditRecords]);

  const today = localDate(clock());
  const shown = (list ?? [])
    .filter((doc) => queue === 'all' || isCaseOpen(doc.status) === (queue === 'open'))
    .map((doc) => ({ doc, deadline: cases.deadline(doc) }))
    .sort((a, b) => (queue === 'open' ? (a.deadline || '9999').localeCompare(b.deadline || '9999') : 0));

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
      {list !== null && shown.length === 0 ? (
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
    </Stack>
  );
}
