import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreditRecordStatus } from '../../shared/creditRecords/model.ts';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import { useServices } from '../app/services.ts';
import type { CreditRecordPage, CreditRecordQuery } from './repository.ts';
import { ListExportButton } from '../kernel/ui/ListExport.tsx';
import { useRecordsUnderObjection } from '../cases/parts.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
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
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 200);
  const [result, setResult] = useState<CreditRecordPage>({ total: 0, items: [] });
  const underObjection = useRecordsUnderObjection();

  const query = useMemo((): CreditRecordQuery => {
    const words = debouncedText.trim();
    return {
      ...(category ? { category } : {}),
      ...(status ? { status } : {}),
      ...(words
        ? { text: words, textSubjects: subjects.index.query({ text: words, limit: 10_000 }).ids }
        : {}),
    };
  }, [subjects, category, status, debouncedText]);

  useEffect(() => {
    const load = () =>
      creditRecords.list({ ...query, offset: (page - 1) * pageSize, limit: pageSize }).then(setResult);
    load();
    const subscription = creditRecords.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [creditRecords, query, page]);

  /** Every record the filters select, as the list shows them (no personal data: names, titles, codes). */
  const exportRows = async (): Promise<string[][]> => {
    const all = await creditRecords.list({ ...query, offset: 0, limit: result.total });
    const fields = ['decisionDate', 'subjectId', 'title', 'documentNumber', 'category', 'status'] as const;
    return [
      [...fields.map((field) => t(`credit.field.${field}`)), t('creditUi.record.visibility')],
      ...all.items.map((record) => [
        record.decisionDate,
        subjects.index.get(record.subjectId)?.name ?? '',
        record.title,
        record.documentNumber,
        t(`credit.category.${record.category}`, { defaultValue: record.category }),
        t(`credit.status.${record.status}`),
        t(creditRecords.isPublic(record) ? 'creditUi.record.public' : 'creditUi.record.notPublic'),
      ]),
    ];
  };

  const filter = (name: string, value: string | null) => {
    setFilter(name, value);
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('creditUi.sections.records')}</Title>
        <Group>
          <ListExportButton
            collection="creditRecords"
            title={t('creditUi.sections.records')}
            count={result.total}
            rows={exportRows}
          />
          {creditRecords.canCreate() && (
            <Button component={Link} to="/credit/records/new">
              {t('creditUi.record.new')}
            </Button>
          )}
        </Group>
      </Group>
      <CreditTabs active="records" />
      <Group align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('listExport.recordSearch')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setPage(1);
          }}
          w={300}
        />
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
                <Group gap={4}>
                  <StatusBadge status={record.status} />
                  {underObjection.has(record.id) && (
                    <Badge color="orange" variant="filled">
                      {t('cases.record.underObjection')}
                    </Badge>
                  )}
                </Group>
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
