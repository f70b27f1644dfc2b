import { Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreditRecordStatus } from '../../../shared/model/creditRecord.ts';
import { defaultCreditCategories } from '../../../shared/model/catalog.ts';
import { useServices } from '../../app/services.ts';
import type { CreditRecordPage } from '../../repositories/creditRecords.ts';
import { ListTable } from '../common/ListTable.tsx';
import { useQueryFilter } from '../common/useQueryFilter.ts';
import { CreditRecordFilters } from './CreditRecordFilters.tsx';
import { CreditTabs } from './CreditTabs.tsx';
import { CategoryBadge, PublicBadge, StatusBadge } from './style.tsx';

const pageSize = 50;
const defaultCategoryCodes = defaultCreditCategories.map(({ code }) => code);

/** All credit records of the county, newest change first, by category and status. */
export function CreditRecordListPage() {
  const { t } = useTranslation();
  const { creditRecords, subjects } = useServices();
  const [params, setFilter] = useQueryFilter();
  const category = params.get('category');
  const status = params.get('status') as CreditRecordStatus | null;
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<CreditRecordPage>({ total: 0, items: [] });

  useEffect(() => {
    const query = {
      ...(category ? { category } : {}),
      ...(status ? { status } : {}),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    };
    const load = () => creditRecords.list(query).then(setResult);
    load();
    const subscription = creditRecords.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [creditRecords, category, status, page]);

  const filter = (name: string, value: string | null) => {
    setFilter(name, value);
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('creditUi.sections.records')}</Title>
        {creditRecords.canCreate() && (
          <Button component={Link} to="/credit/records/new">
            {t('creditUi.record.new')}
          </Button>
        )}
      </Group>
      <CreditTabs active="records" />
      <Group align="flex-end">
        <CreditRecordFilters
          categories={defaultCategoryCodes}
          category={category}
          status={status}
          onChange={filter}
        />
        <Text c="dimmed" data-testid="record-total">
          {t('common.total', { count: result.total })}
        </Text>
      </Group>
      {result.items.length === 0 ? (
        <Text c="dimmed">{t('creditUi.file.noneMatch')}</Text>
      ) : (
        <ListTable
          striped
          highlightOnHover
          data-testid="record-table"
          columns={[
            t('credit.field.decisionDate'),
            t('credit.field.subjectId'),
            t('credit.field.title'),
            t('credit.field.category'),
            t('credit.field.status'),
            t('creditUi.record.visibility'),
          ]}
        >
          {result.items.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{record.decisionDate}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/subjects/${record.subjectId}?tab=credit`}>
                  {subjects.index.get(record.subjectId)?.name ?? record.subjectId}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/credit/records/${record.id}`}>
                  {record.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CategoryBadge category={record.category} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={record.status} />
              </Table.Td>
              <Table.Td>
                <PublicBadge visible={creditRecords.isPublic(record)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {result.total > pageSize && (
        <Pagination total={Math.ceil(result.total / pageSize)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
