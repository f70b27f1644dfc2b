import { Pagination } from '@mantine/core';
import { useState } from 'react';

/** The page a list shows, back to the first whenever one of `filters` changes. */
export function useListPage(filters: readonly unknown[]): [number, (page: number) => void] {
  const key = JSON.stringify(filters);
  const [paging, setPaging] = useState({ key, page: 1 });
  return [paging.key === key ? paging.page : 1, (page) => setPaging({ key, page })];
}

/** The pages of a list read a page at a time; nothing while every match fits on one page. */
export function ListPager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  if (total <= pageSize) return null;
  return <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} />;
}
