import { Anchor, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListingDocument } from '../../shared/lists/listing.ts';
import { useServices } from '../app/services.ts';
import { ListExportButton } from '../kernel/ui/ListExport.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { GradeDistribution } from './GradeDistribution.tsx';
import { ListingCells, listingName, periodText } from './labels.tsx';
import { ProvincialImportCard } from './ProvincialImportCard.tsx';
import { YearlyGrades } from './YearlyGrades.tsx';

const filters = ['proposed', 'listed', 'all'] as const;

/** The red and black lists and published grades of the county, with the grade distribution. */
export function ListsPage() {
  const { t } = useTranslation();
  const { listings, subjects } = useServices();
  const [all, setAll] = useState<ListingDocument[]>([]);
  const [filter, setFilter] = useState<(typeof filters)[number]>('all');
  useEffect(() => {
    const subscription = listings.watchAll().subscribe(setAll);
    return () => subscription.unsubscribe();
  }, [listings]);
  const shown = all.filter((listing) => filter === 'all' || listing.status === filter);
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
  const rows = async () => [
    columns,
    ...shown.map((listing) => [
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
          count={shown.length}
          rows={rows}
        />
      </Group>
      <GradeDistribution />
      <YearlyGrades />
      <ProvincialImportCard />
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as (typeof filters)[number])}
        data={filters.map((value) => ({
          value,
          label: value === 'all' ? t('lists.ui.filter.all') : t(`lists.status.${value}`),
        }))}
        w="fit-content"
      />
      {shown.length === 0 ? (
        <Text c="dimmed">{t('lists.ui.none')}</Text>
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
    </Stack>
  );
}
