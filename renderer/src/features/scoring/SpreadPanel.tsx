import { Badge, Button, List, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProductSpread } from '../../../../shared/api/channels/scoring';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { RescoringModal } from './RescoringModal';

/**
 * Spread of members' totals per product against the council's rule; the chair opens a
 * re-scoring round for a product over the limit. The rounds already held are listed.
 */
export function SpreadPanel({ sessionId, detail }: { sessionId: number; detail: SessionDetail }) {
  const { t } = useT();
  const q = useApiQuery('scoring:spread', { sessionId }, { staleTime: 0, refetchInterval: 5000 });
  const [opening, setOpening] = useState<ProductSpread | null>(null);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>{t('common:loading')}</Text>;
  const s = q.data;
  const rule = s.limitAllowed
    ? t('scoring:spread.ruleAllowed', { limit: s.limit })
    : t('scoring:spread.ruleStrict', { limit: s.limit });
  return (
    <Stack>
      <Text size="lg">{t('scoring:spread.intro', { rule })}</Text>
      <Table withTableBorder verticalSpacing="sm" fz="md" data-testid="spread-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scoring:spread.product')}</Table.Th>
            <Table.Th>{t('scoring:spread.sheets')}</Table.Th>
            <Table.Th>{t('scoring:spread.range')}</Table.Th>
            <Table.Th>{t('scoring:spread.spread')}</Table.Th>
            <Table.Th>{t('scoring:spread.verdict')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.products.map((p) => (
            <Table.Tr key={p.registrationId} data-testid={`spread-${p.registrationId}`}>
              <Table.Td>
                <Text fw={600}>{p.productName}</Text>
                {p.rounds.length > 0 && (
                  <List size="sm" c="dimmed">
                    {p.rounds.map((r) => (
                      <List.Item key={r.roundNo}>
                        {t('scoring:spread.round', { n: r.roundNo })}: {r.reason}
                      </List.Item>
                    ))}
                  </List>
                )}
                {p.disqualifiedCount > 0 && (
                  <Text size="sm" c="red.8">
                    {t('scoring:spread.disqualified', { count: p.disqualifiedCount })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {p.totals.length}/{p.expected}
              </Table.Td>
              <Table.Td>
                {p.min === null ? '—' : `${p.min} – ${p.max}`}
                {p.totals.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {p.totals
                      .map((x) => `${x.fullName}: ${x.totalPoints}${x.keptPrevious ? ` ${t('scoring:spread.kept')}` : ''}`)
                      .join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fw={700}>{p.spread ?? '—'}</Table.Td>
              <Table.Td>
                {p.hidden ? (
                  <Text size="sm">{t('scoring:spread.hidden')}</Text>
                ) : p.withinLimit === null ? (
                  <Badge color="gray" variant="light" tt="none">
                    {t('scoring:spread.waiting')}
                  </Badge>
                ) : p.withinLimit ? (
                  <Badge color="green" variant="light" tt="none" size="lg">
                    {t('scoring:spread.within')}
                  </Badge>
                ) : (
                  <Badge color="red" tt="none" size="lg">
                    {t('scoring:spread.exceeds')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {p.totals.length > 0 && detail.session.status === 'in_progress' && (
                  <Button
                    size="compact-md"
                    variant={p.withinLimit === false ? 'filled' : 'subtle'}
                    leftSection={<IconRefresh size={16} />}
                    onClick={() => setOpening(p)}
                  >
                    {t('scoring:spread.openRescoring')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {opening && <RescoringModal sessionId={sessionId} product={opening} detail={detail} onClose={() => setOpening(null)} />}
    </Stack>
  );
}
