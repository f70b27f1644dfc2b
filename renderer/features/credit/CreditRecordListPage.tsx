import { Anchor, Button, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type CreditRecordStatus, creditRecordStatuses } from '../../../shared/model/creditRecord.ts';
import { defaultCreditCategories } from '../../../shared/model/catalog.ts';
import { useServices } from '../../app/services.ts';
import type { CreditRecordPage } from '../../repositories/creditRecords.ts';
import { CreditTabs } from './CreditTabs.tsx';
import { CategoryBadge, PublicBadge, StatusBadge } from './style.tsx';

const pageSize = 50;

/** All credit records of the county, newest change first, by category and status. */
export function CreditRecordListPage() {
  const { t } = useTranslation();
  const { creditRecords, subjects } = useServices();
  const [params, setParams] = useSearchParams();
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
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
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
        <Select
          label={t('credit.field.category')}
          placeholder={t('common.all')}
          data={defaultCreditCategories.map(({ code }) => ({
            value: code,
            label: t(`credit.category.${code}`),
          }))}
          value={category}
          onChange={(value) => filter('category', value)}
          clearable
        />
        <Select
          label={t('credit.field.status')}
          placeholder={t('common.all')}
          data={creditRecordStatuses.map((value) => ({ value, label: t(`credit.status.${value}`) }))}
          value={status}
          onChange={(value) => filter('status', value)}
          clearable
        />
        <Text c="dimmed" data-testid="record-total">
          {t('common.total', { count: result.total })}
        </Text>
      </Group>
      {result.items.length === 0 ? (
        <Text c="dimmed">{t('creditUi.file.noneMatch')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="record-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('credit.field.decisionDate')}</Table.Th>
              <Table.Th>{t('credit.field.subjectId')}</Table.Th>
              <Table.Th>{t('credit.field.title')}</Table.Th>
              <Table.Th>{t('credit.field.category')}</Table.Th>
              <Table.Th>{t('credit.field.status')}</Table.Th>
              <Table.Th>{t('creditUi.record.visibility')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      )}
      {result.total > pageSize && (
        <Pagination total={Math.ceil(result.total / pageSize)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
