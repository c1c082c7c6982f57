import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { StatsPeriod, StatsTableId } from '../../../../shared/api/channels/stats';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { STATUS_COLOR, WRAPPING_BADGE, communeText } from '../registry/labels';

export interface DrillRef {
  table: StatsTableId;
  row: string;
  column: string;
}

const PAGE = 100;

/** The entries behind one number of the statistics: the number, what it counts, and the entries, page by page. */
export function DrillModal({ period, cell, onClose }: { period: StatsPeriod; cell: DrillRef; onClose: () => void }) {
  const { t } = useT();
  const [limit, setLimit] = useState(PAGE);
  const q = useApiQuery('stats:drill', { period, ...cell, limit }, { placeholderData: (prev) => prev });
  const d = q.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={d ? t('stats:drill.title', { table: d.title, row: d.rowLabel, column: d.columnLabel }) : t('common:loading')}
    >
      {q.isError && <ErrorAlert error={q.error} />}
      {d && (
        <Stack>
          <Group gap="lg">
            <Text fw={700} size="lg" data-testid="drill-value">
              {t('stats:drill.value', { value: d.value, measure: t(`stats:drill.measure.${d.measure}`) })}
            </Text>
            <Text c="dimmed" data-testid="drill-total">
              {t('stats:drill.entries', { count: d.total })}
            </Text>
          </Group>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="drill-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats:drill.colProduct')}</Table.Th>
                <Table.Th>{t('stats:drill.colYear')}</Table.Th>
                <Table.Th>{t('stats:drill.colStar')}</Table.Th>
                <Table.Th>{t('stats:drill.colCommune')}</Table.Th>
                <Table.Th>{t('stats:drill.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/registry/${e.id}`} fw={600}>
                      {e.productName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {e.producerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.year}</Table.Td>
                  <Table.Td>{e.star ? `${e.star}★` : '–'}</Table.Td>
                  <Table.Td>{communeText(t, e)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[e.status]} styles={WRAPPING_BADGE}>
                      {t(`registry:status.${e.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            {d.rows.length < d.total ? (
              <Button
                variant="default"
                loading={q.isFetching}
                onClick={() => setLimit((l) => Math.min(500, l + PAGE))}
                disabled={limit >= 500}
              >
                {t('stats:drill.more')}
              </Button>
            ) : (
              <span />
            )}
            <Button onClick={onClose}>{t('stats:drill.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
