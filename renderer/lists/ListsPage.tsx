import { Anchor, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ListingDocument, type ListingFilter, listingFilters } from '../../shared/lists/listing.ts';
import { useServices } from '../app/services.ts';
import { ListExportButton } from '../kernel/ui/ListExport.tsx';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { GradeDistribution } from './GradeDistribution.tsx';
import { ListingCells, listingName, periodText } from './labels.tsx';
import { ProvincialImportCard } from './ProvincialImportCard.tsx';
import { YearlyGrades } from './YearlyGrades.tsx';

const pageSize = 50;

/** The red and black lists and published grades of the county, with the grade distribution. */
export function ListsPage() {
  const { t } = useTranslation();
  const { listings, subjects } = useServices();
  const [filter, setFilter] = useState<ListingFilter>('all');
  const [page, setPage] = useListPage([filter]);
  const [result, setResult] = useState<{ total: number; items: ListingDocument[] } | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      listings.pages
        .page({ filter, offset: (page - 1) * pageSize, limit: pageSize })
        .then((found) => current && setResult(found));
    load();
    const watching = listings.changes$.subscribe(load);
    return () => {
      current = false;
      watching.unsubscribe();
    };
  }, [listings, filter, page]);
  const shown = result?.items ?? [];
  const name = (listing: ListingDocument) => subjects.index.get(listing.subjectId)?.name ?? '';
  const listLabel = (listing: ListingDocument) => listingName(t, listing);
  const columns = [
    t('lists.ui.column.subject'),
    t('lists.ui.column.list'),
    t('lists.ui.column.period'),
    t('lists.ui.column.status'),
    t('lists.ui.column.decision'),
    t('lists.ui.column.basis'),
  ];
  // The export reads every entry the filter selects, not the page.
  const rows = async () => [
    columns,
    ...(await listings.pages.all(filter)).map((listing) => [
      name(listing),
      listLabel(listing),
      periodText(t, listing.start, listing.end),
      t(`lists.status.${listing.status}`),
      listing.decisionNumber,
      listing.basis.join('；'),
    ]),
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('lists.ui.title')}</Title>
        <ListExportButton
          collection="listings"
          title={t('lists.ui.title')}
          count={result?.total ?? 0}
          rows={rows}
        />
      </Group>
      <GradeDistribution />
      <YearlyGrades />
      <ProvincialImportCard />
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as ListingFilter)}
        data={listingFilters.map((value) => ({
          value,
          label: value === 'all' ? t('lists.ui.filter.all') : t(`lists.status.${value}`),
        }))}
        w="fit-content"
      />
      {result && result.total > pageSize && <ListTotal total={result.total} />}
      {shown.length === 0 ? (
        result && <Text c="dimmed">{t('lists.ui.none')}</Text>
      ) : (
        <ListTable columns={columns} widths={[190, 190, 120, 100, 140]} data-testid="listings-table">
          {shown.map((listing) => (
            <Table.Tr key={listing.id}>
              <Table.Td>
                <Anchor component={Link} to={`/subjects/${listing.subjectId}?tab=lists`}>
                  {name(listing)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  fw={500}
                  c={listing.kind === 'redList' ? 'teal' : listing.kind === 'blackList' ? 'red' : 'blue'}
                >
                  {listLabel(listing)}
                </Text>
              </Table.Td>
              <ListingCells listing={listing} />
              <Table.Td>
                <Text size="xs" lineClamp={2} translate="no">
                  {listing.basis.join('；')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
