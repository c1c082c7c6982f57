import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SimpleTable } from '../../components/SimpleTable';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { STATUS_COLOR } from '../sessions/status';

/** Sessions that have results to show: every session past preparation, newest first. */
export function ResultsHomePage() {
  const { t } = useT();
  const roundName = useRoundName();
  const list = useApiQuery('sessions:list', {});
  const sessions = (list.data ?? [])
    .filter((s) => s.status !== 'preparing')
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  return (
    <Stack maw={1180} gap="lg">
      <Title order={2}>{t('results:title')}</Title>
      <Text>{t('results:intro')}</Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && sessions.length === 0 && <Text c="gray.7">{t('results:noSessions')}</Text>}
      {sessions.length > 0 && (
        <SimpleTable
          fz="md"
          data-testid="results-sessions"
          headers={(['date', 'number', 'council', 'agenda', 'status'] as const).map((c) => t(`sessions:list.${c}`))}
        >
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/results/${s.id}`}
                  fw={600}
                  aria-label={t('results:openSession', { number: s.number, date: dateText(s.date) })}
                >
                  {dateText(s.date)}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.title || `${t('sessions:list.number')} ${s.number}`}</Table.Td>
              <Table.Td>
                <Text>{s.councilName}</Text>
                <Text size="sm" c="gray.7">
                  {roundName(s.roundName)}
                </Text>
              </Table.Td>
              <Table.Td>{s.agendaCount}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[s.status]}>
                  {t(`sessions:status.${s.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
    </Stack>
  );
}
