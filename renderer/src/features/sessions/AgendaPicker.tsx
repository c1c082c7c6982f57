import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { toastDone } from '../../components/toast';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { useSessionMutation } from './useSessionMutation';

const KINDS = ['first', 'upgrade', 'reevaluation'] as const;

/** Finds registrations of the session's round by search or filter and appends them to the agenda. */
export function AgendaPicker({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  const names = useLegalNames();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [kind, setKind] = useState<string | null>(null);
  const [setId, setSetId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const input = {
    id: detail.session.id,
    ...(debounced.trim() ? { query: debounced.trim() } : {}),
    ...(kind ? { registrationKind: kind } : {}),
    ...(setId ? { criteriaSetVersionId: Number(setId) } : {}),
  };
  const candidates = useApiQuery('sessions:agendaCandidates', input);
  const all = useApiQuery('sessions:agendaCandidates', { id: detail.session.id });
  const sets = useMemo(() => {
    const m = new Map<number, string>();
    for (const c of all.data ?? []) if (c.criteriaSetVersionId !== null) m.set(c.criteriaSetVersionId, c.criteriaSetName);
    return [...m.entries()]
      .sort((a, b) => a[1].localeCompare(b[1], 'vi'))
      .map(([value, label]) => ({ value: String(value), label }));
  }, [all.data]);
  const add = useSessionMutation('sessions:addToAgenda', () => {
    setPicked(new Set());
    toastDone(t('sessions:agenda.added'));
  });
  const rows = (candidates.data ?? []).filter((c) => !c.onThisAgenda);
  const toggle = (id: number) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sessions:agenda.addTitle')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('sessions:agenda.search')}
            placeholder={t('sessions:agenda.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            w={320}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <Select
            label={t('sessions:agenda.filterKind')}
            placeholder={t('sessions:agenda.allKinds')}
            clearable
            w={190}
            value={kind}
            onChange={setKind}
            data={KINDS.map((k) => ({ value: k, label: t(`sessions:agenda.kinds.${k}`) }))}
          />
          <Select
            label={t('sessions:agenda.filterSet')}
            placeholder={t('sessions:agenda.allSets')}
            clearable
            searchable
            w={300}
            value={setId}
            onChange={setSetId}
            data={sets}
          />
        </Group>
        {candidates.isError && <ErrorAlert error={candidates.error} />}
        {add.isError && <ErrorAlert error={add.error} />}
        {rows.length === 0 && candidates.isSuccess && <Text c="gray.7">{t('sessions:agenda.noCandidates')}</Text>}
        {rows.length > 0 && (
          <>
            <Table withTableBorder verticalSpacing="xs" data-testid="agenda-candidates">
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.registrationId}>
                    <Table.Td w={40}>
                      <Checkbox
                        aria-label={t('sessions:agenda.select', { name: c.productName })}
                        checked={picked.has(c.registrationId)}
                        onChange={() => toggle(c.registrationId)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600}>{c.productName}</Text>
                      <Text size="sm" c="gray.7">
                        {c.producerName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.registrationNo}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{names.set(c.criteriaSetName)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                        {t(`sessions:agenda.kinds.${c.registrationKind as (typeof KINDS)[number]}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                disabled={picked.size === 0}
                loading={add.isPending}
                onClick={() => add.mutate({ id: detail.session.id, registrationIds: [...picked] })}
              >
                {t('sessions:agenda.addSelected', { count: picked.size })}
              </Button>
              <Button
                variant="light"
                loading={add.isPending}
                onClick={() => add.mutate({ id: detail.session.id, registrationIds: rows.map((r) => r.registrationId) })}
              >
                {t('sessions:agenda.addAll', { count: rows.length })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
