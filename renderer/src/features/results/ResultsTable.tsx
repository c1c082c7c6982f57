import { Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ProductResult, SessionResults } from '../../../../shared/api/channels/results';
import { useNumberFormat } from '../../i18n/numbers';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { StarRank } from './StarRank';
import { StatusIcon } from './status';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, alphanumeric: sortFn_alphanumeric },
});
const helper = createColumnHelper<typeof features, ProductResult>();

export const isSensitive = (p: ProductResult): boolean => p.sensitivity.nearEdge !== null || p.sensitivity.changeCount > 0;
/** Minimum widths that keep the words of a cell on as few lines as possible at 1366 px. */
const MIN_WIDTH: Record<string, number> = { product: 150, members: 120, final: 120, status: 140 };

/**
 * The session's results, one row per product on the agenda, sortable by every column that has
 * an order. Stars are written out next to their icons; statuses are words, not colours.
 */
export function ResultsTable({ results, onOpen }: { results: SessionResults; onOpen: (registrationId: number) => void }) {
  const { t } = useT();
  const { num, text } = useNumberFormat();
  const legal = useLegalNames();
  const names = useMemo(() => new Map(results.members.map((m) => [m.memberId, m.fullName])), [results.members]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('position', { id: 'position', header: () => t('results:columns.position'), sortFn: 'basic' }),
        helper.accessor('productCode', {
          id: 'code',
          header: () => t('results:columns.code'),
          sortFn: 'alphanumeric',
          cell: (c) => <Text style={{ whiteSpace: 'nowrap' }}>{c.getValue()}</Text>,
        }),
        helper.accessor('productName', {
          id: 'product',
          header: () => t('results:columns.product'),
          sortFn: 'alphanumeric',
          cell: (c) => (
            <Stack gap={0}>
              <UnstyledButton
                onClick={() => onOpen(c.row.original.registrationId)}
                aria-label={t('results:openDetail', { product: c.getValue() })}
                fw={600}
                c="blue.8"
                style={{ textAlign: 'left' }}
              >
                {c.getValue()}
              </UnstyledButton>
              <Text size="sm" c="gray.7">
                {c.row.original.producerName}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor((p) => `${p.criteriaSet.setKey}#${String(p.criteriaSet.version).padStart(4, '0')}`, {
          id: 'set',
          header: () => t('results:columns.set'),
          sortFn: 'alphanumeric',
          cell: (c) => {
            const s = c.row.original.criteriaSet;
            return (
              <Tooltip label={legal.set(s.name)} multiline w={280}>
                <Text size="sm">
                  {s.setNo !== null
                    ? t('results:set', { no: String(s.setNo).padStart(2, '0'), version: s.version })
                    : t('results:setCustom', { key: s.setKey, version: s.version })}
                </Text>
              </Tooltip>
            );
          },
        }),
        helper.display({
          id: 'members',
          header: () => t('results:columns.members'),
          cell: (c) => (
            <Group gap={8} maw={130}>
              {c.row.original.memberTotals.map((m) => (
                <Tooltip key={m.memberId} label={names.get(m.memberId) ?? String(m.memberId)}>
                  <Text component="span" c={m.disqualified ? 'red.8' : undefined}>
                    {num(m.totalPoints)}
                  </Text>
                </Tooltip>
              ))}
            </Group>
          ),
        }),
        helper.accessor((p) => p.mean?.value ?? -1, {
          id: 'mean',
          header: () => t('results:columns.mean'),
          sortFn: 'basic',
          cell: (c) => {
            const p = c.row.original;
            if (!p.mean) return <Text c="gray.7">—</Text>;
            return (
              <Stack gap={0}>
                <Text fw={700} fz="lg">
                  {text(p.mean.display)}
                </Text>
                {p.provisional && (
                  <Text size="sm" c="gray.7">
                    {t('results:provisional')}
                  </Text>
                )}
              </Stack>
            );
          },
        }),
        helper.accessor((p) => p.spread?.points ?? -1, {
          id: 'spread',
          header: () => t('results:columns.spread'),
          sortFn: 'basic',
          cell: (c) => {
            const s = c.row.original.spread;
            if (!s) return <Text c="gray.7">—</Text>;
            return (
              <Group gap={4} wrap="nowrap">
                {!s.withinLimit && <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
                <Text fw={s.withinLimit ? 400 : 700} c={s.withinLimit ? undefined : 'red.9'}>
                  {num(s.points)}
                </Text>
              </Group>
            );
          },
        }),
        helper.accessor((p) => p.bandStar ?? 0, {
          id: 'band',
          header: () => t('results:columns.band'),
          sortFn: 'basic',
          cell: (c) => (
            <Text style={{ whiteSpace: 'nowrap' }}>
              {c.row.original.bandStar === null ? '—' : t('results:stars', { count: c.row.original.bandStar })}
            </Text>
          ),
        }),
        helper.accessor((p) => p.finalStar ?? 0, {
          id: 'final',
          header: () => t('results:columns.final'),
          sortFn: 'basic',
          cell: (c) => {
            const p = c.row.original;
            return (
              <Stack gap={2}>
                <StarRank stars={p.finalStar} dimmed={p.provisional} size={14} />
                {p.cappingCriteria.length > 0 && (
                  <Text size="sm" c="red.9">
                    {t('results:cappedBy', { codes: p.cappingCriteria.map((x) => x.code).join(', ') })}
                  </Text>
                )}
                {p.previousStar !== null && (
                  <Text size="sm" c="gray.7">
                    {t('results:previous', { stars: p.previousStar })}
                  </Text>
                )}
              </Stack>
            );
          },
        }),
        helper.accessor('status', {
          id: 'status',
          header: () => t('results:columns.status'),
          sortFn: 'alphanumeric',
          cell: (c) => {
            const p = c.row.original;
            return (
              <Stack gap={4} align="flex-start">
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <StatusIcon status={p.status} />
                  <Text fw={600} lh={1.3}>
                    {t(`results:status.${p.status}`)}
                  </Text>
                </Group>
                {isSensitive(p) && (
                  <Tooltip label={t('results:sensitiveHelp')} multiline w={260}>
                    <Group gap={4} wrap="nowrap" data-testid="sensitive-flag">
                      <IconAlertTriangle size={16} color="var(--mantine-color-yellow-8)" aria-hidden />
                      <Text size="sm" fw={600}>
                        {t('results:sensitiveFlag')}
                      </Text>
                    </Group>
                  </Tooltip>
                )}
              </Stack>
            );
          },
        }),
      ]),
    [t, names, onOpen, num, text, legal],
  );
  const table = useTable({ features, columns, data: results.products });
  return (
    <Table
      withTableBorder
      striped
      highlightOnHover
      verticalSpacing="sm"
      horizontalSpacing={8}
      fz="md"
      data-testid="results-table"
    >
      <Table.Thead>
        {table.getHeaderGroups().map((g) => (
          <Table.Tr key={g.id}>
            {g.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              const label = <table.FlexRender header={h} />;
              return (
                <Table.Th
                  key={h.id}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  style={{ verticalAlign: 'bottom', minWidth: MIN_WIDTH[h.column.id] }}
                >
                  {h.column.getCanSort() ? (
                    <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        <span>{label}</span>
                        {sorted === 'asc' ? (
                          <IconArrowUp size={14} aria-hidden />
                        ) : sorted === 'desc' ? (
                          <IconArrowDown size={14} aria-hidden />
                        ) : (
                          <IconArrowsSort size={14} aria-hidden color="var(--mantine-color-gray-5)" />
                        )}
                      </Group>
                    </UnstyledButton>
                  ) : (
                    <Text fw={700} fz="sm">
                      {label}
                    </Text>
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id} data-testid={`result-row-${row.original.registrationId}`}>
            {row.getAllCells().map((cell) => (
              <Table.Td key={cell.id} style={{ verticalAlign: 'top' }}>
                <table.FlexRender cell={cell} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
