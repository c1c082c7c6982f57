import { Box, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PagedVirtualList } from './usePagedVirtualList';

type Props<R> = {
  /** Accessible name of the table. */
  label: string;
  /** CSS grid columns shared by the header and every row so they line up. */
  columns: string;
  headers: string[];
  list: PagedVirtualList<R>;
  /** Shown in a row whose page has not arrived yet. */
  loadingRow: string;
  onOpen: (row: R) => void;
  /** The row's cells (each with role="cell"). */
  renderCells: (row: R) => ReactNode;
  scrollTestId?: string;
};

/** A table of clickable rows in a fixed-height, virtualised scroll area (ARIA table roles, keyboard-focusable rows). */
export function VirtualTable<R>({ label, columns, headers, list, loadingRow, onOpen, renderCells, scrollTestId }: Props<R>) {
  const { total, scrollRef, virtualizer, items, rowAt, rowHeight } = list;
  return (
    <Box
      role="table"
      aria-label={label}
      aria-rowcount={total}
      style={{
        flex: 1,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 6,
      }}
    >
      <Box
        role="row"
        style={{
          display: 'grid',
          gridTemplateColumns: columns,
          gap: 12,
          padding: '10px 12px',
          background: 'var(--mantine-color-gray-1)',
          fontWeight: 700,
        }}
      >
        {headers.map((h) => (
          <div role="columnheader" key={h}>
            {h}
          </div>
        ))}
      </Box>
      <div ref={scrollRef} style={{ flex: 1, overflow: 'auto' }} data-testid={scrollTestId}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = rowAt(v.index);
            return (
              <UnstyledButton
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                onClick={() => r && onOpen(r)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${v.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 12,
                  alignItems: 'center',
                  padding: '0 12px',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
              >
                {r ? (
                  renderCells(r)
                ) : (
                  <Text role="cell" c="dimmed">
                    {loadingRow}
                  </Text>
                )}
              </UnstyledButton>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
