import { SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { type OrderFilter, type OrderRow, orderFilters } from '../../shared/inspections/orders.ts';
import { useServices } from '../app/services.ts';
import { ListPager, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { OrderStateBadge, useItemText } from './RectificationOrders.tsx';
import { RowLink, useTouchSize } from './touch.tsx';

const pageSize = 50;

/** The rectification orders of the county: open (default), due soon, overdue or all, nearest deadline first. */
export function RectificationListPage() {
  const { t } = useTranslation();
  const size = useTouchSize();
  const { inspections, subjects } = useServices();
  const [params, setFilter] = useQueryFilter();
  const itemText = useItemText();
  const asked = params.get('filter') ?? 'open';
  const filter: OrderFilter = (orderFilters as readonly string[]).includes(asked)
    ? (asked as OrderFilter)
    : 'open';
  const today = inspections.today();
  const [page, setPage] = useListPage([filter]);
  const [found, setFound] = useState<{
    total: number;
    more: boolean;
    rows: OrderRow<InspectionDocument>[];
  } | null>(null);
  useEffect(() => {
    const load = () =>
      inspections.orderPage({ filter, today, offset: (page - 1) * pageSize, limit: pageSize }).then(setFound);
    load();
    const subscription = inspections.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [inspections, filter, today, page]);
  const rows = found?.rows ?? [];
  return (
    <Stack>
      <Title order={2}>{t('rectificationUi.listTitle')}</Title>
      <SegmentedControl
        size={size === 'lg' ? 'xl' : undefined}
        value={filter}
        onChange={(value) => setFilter('filter', value === 'open' ? null : value)}
        data={orderFilters.map((value) => ({ value, label: t(`rectificationUi.filter.${value}`) }))}
        data-testid="order-filter"
      />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('rectificationUi.none')}</Text>
      ) : (
        <ListTable
          striped
          data-testid="order-table"
          columns={[
            t('rectificationUi.column.subject'),
            t('rectificationUi.column.item'),
            t('rectificationUi.column.finding'),
            t('rectificationUi.column.deadline'),
            t('rectificationUi.column.state'),
          ]}
        >
          {rows.map(({ inspection, order }) => (
            <Table.Tr key={`${inspection.id}:${order.findingId}`}>
              <Table.Td>
                <RowLink to={`/inspections/${inspection.id}`}>
                  {subjects.index.get(inspection.subjectId)?.name ?? t('inspectionUi.title')}
                </RowLink>
              </Table.Td>
              <Table.Td>{itemText(inspection.templateIndustry, order.itemCode)}</Table.Td>
              <Table.Td>
                {inspection.findings.find((finding) => finding.id === order.findingId)?.description ?? ''}
              </Table.Td>
              <Table.Td>{order.deadline}</Table.Td>
              <Table.Td>
                <OrderStateBadge order={order} today={today} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ListPager found={found} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
