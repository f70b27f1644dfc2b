import { Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The page a list shows, back to the first whenever one of `filters` changes. */
export function useListPage(filters: readonly unknown[]): [number, (page: number) => void] {
  const key = JSON.stringify(filters);
  const [paging, setPaging] = useState({ key, page: 1 });
  return [paging.key === key ? paging.page : 1, (page) => setPaging({ key, page })];
}

/**
 * The pages of a list read a page at a time; nothing while every match fits on one page. When counting
 * stopped (`more`), one page more than counted is offered: turning to it counts further.
 */
export function ListPager({
  found,
  pageSize,
  page,
  onChange,
}: {
  /** How many match, and whether counting stopped; null while the first page loads. */
  found: { total: number; more?: boolean } | null;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { total = 0, more = false } = found ?? {};
  if (total <= pageSize && !more) return null;
  const pages = Math.ceil(total / pageSize) + (more ? 1 : 0);
  return <Pagination total={pages} value={page} onChange={onChange} />;
}

/** How many match: the exact total, or "more than" when counting stopped. */
export function ListTotal({
  total,
  more = false,
  testId,
}: {
  total: number;
  more?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" data-testid={testId}>
      {t(more ? 'common.moreThan' : 'common.total', { count: total })}
    </Text>
  );
}
