import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends TableProps {
  /** The header cells' labels, left to right: distinct, '' for the one column without a header. */
  columns: readonly string[];
  /** The body rows. */
  children?: ReactNode;
}

/** A list's table: one header row over the body rows. */
export function ListTable({ columns, children, ...table }: Props) {
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((label) => (
            <Table.Th key={label}>{label}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
