import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends TableProps {
  /** The header cells' labels, left to right: distinct, '' for the one column without a header. */
  columns: readonly string[];
  /** Column widths in px, left to right; undefined leaves a column the rest of the width. */
  widths?: readonly (number | undefined)[];
  /** The body rows. */
  children?: ReactNode;
}

/** A list's table: one header row over the body rows. */
export function ListTable({ columns, widths, children, ...table }: Props) {
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((label, index) => (
            <Table.Th key={label} w={widths?.[index]}>
              {label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
