import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SessionStatus } from '../../../../shared/api/channels/sessions';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SimpleTable } from '../../components/SimpleTable';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { TrainingDataBanner } from '../councils/TrainingData';
import { CreateSessionModal } from './CreateSessionModal';
import { STATUS_COLOR } from './status';

const STATUSES: SessionStatus[] = ['preparing', 'in_progress', 'closed', 'finalized'];

export function SessionListPage() {
  const { t } = useT();
  const roundName = useRoundName();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const councilId = params.get('council') ? Number(params.get('council')) : undefined;
  const roundId = params.get('round') ? Number(params.get('round')) : undefined;
  const status = (params.get('status') as SessionStatus | null) ?? undefined;
  const list = useApiQuery('sessions:list', {
    ...(councilId ? { councilId } : {}),
    ...(roundId ? { roundId } : {}),
    ...(status ? { status } : {}),
  });
  const councils = useApiQuery('councils:list', {});
  const rounds = useApiQuery('rounds:list', {});
  const filter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack maw={1180} gap="lg">
      <PageTitle
        title={t('sessions:title')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('sessions:add')}
          </Button>
        }
      />
      <Text>{t('sessions:intro')}</Text>
      <TrainingDataBanner />
      <Group>
        <Select
          label={t('sessions:filters.council')}
          placeholder={t('sessions:filters.all')}
          clearable
          w={360}
          value={councilId ? String(councilId) : null}
          onChange={(v) => filter('council', v)}
          data={(councils.data ?? [])
            .filter((c) => c.level !== 'advisory_group')
            .map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <Select
          label={t('sessions:filters.round')}
          placeholder={t('sessions:filters.all')}
          clearable
          w={200}
          value={roundId ? String(roundId) : null}
          onChange={(v) => filter('round', v)}
          data={(rounds.data ?? []).map((r) => ({ value: String(r.id), label: roundName(r.name) }))}
        />
        <Select
          label={t('sessions:filters.status')}
          placeholder={t('sessions:filters.all')}
          clearable
          w={200}
          value={status ?? null}
          onChange={(v) => filter('status', v)}
          data={STATUSES.map((s) => ({ value: s, label: t(`sessions:status.${s}`) }))}
        />
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Text c="gray.7">{t('sessions:empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <SimpleTable
          data-testid="session-list"
          headers={(['date', 'number', 'kind', 'council', 'agenda', 'attendance', 'status'] as const).map((c) =>
            t(`sessions:list.${c}`),
          )}
        >
          {list.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/sessions/${s.id}`}
                  fw={600}
                  aria-label={t('sessions:list.open', { number: s.number, date: dateText(s.date) })}
                >
                  {dateText(s.date)}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.title || `${t('sessions:list.number')} ${s.number}`}</Table.Td>
              <Table.Td>{t(`sessions:kinds.${s.kind}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.councilName}</Text>
                <Text size="sm" c="gray.7">
                  {roundName(s.roundName)}
                </Text>
              </Table.Td>
              <Table.Td>{s.agendaCount}</Table.Td>
              <Table.Td>
                {s.presentVotingCount}/{s.votingMemberCount}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[s.status]} c="dark.8">
                  {t(`sessions:status.${s.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
      {creating && <CreateSessionModal opened onClose={() => setCreating(false)} councilId={councilId} />}
    </Stack>
  );
}
