import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = Omit<TableProps, 'children'> & {
  headers: ReactNode[];
  /** The body rows (`<Table.Tr>`). */
  children: ReactNode;
};

/** A striped, bordered list table with one header row; extra props (fz, data-testid) pass through. */
export function SimpleTable({ headers, children, ...rest }: Props) {
  return (
    <Table striped withTableBorder verticalSpacing="sm" {...rest}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h, i) => (
            <Table.Th key={i}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
