import { Badge, Box, Button, Group, MultiSelect, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RegistrationRow } from '../../../../shared/api/channels/dossiers-fields';
import { REGISTRATION_KINDS, REGISTRATION_STATUSES } from '../../../../shared/ocop/dossier-model';
import { call } from '../../api/client';
import { apiKey, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';
import { sectors, STATUS_COLOR } from './labels';

/** Rows fetched per request; the virtualiser asks only for the windows on screen. */
const PAGE = 100;
const ROW_HEIGHT = 64;
const COLUMNS = '170px minmax(220px, 2fr) minmax(180px, 1.4fr) 90px 110px 190px';

/** "Hồ sơ": every registration, filtered and searched without accents, in a virtualised list. */
export function RegistrationListPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 200);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [status, setStatus] = useState<string[]>([]);
  const [kind, setKind] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [sort, setSort] = useState<'recent' | 'product' | 'producer'>('recent');
  const rounds = useApiQuery('rounds:list', {});
  const filter = useMemo(
    () => ({
      search: search || undefined,
      roundId: roundId ? Number(roundId) : undefined,
      status: status.length ? (status as RegistrationRow['status'][]) : undefined,
      kind: kind ? [kind as RegistrationRow['kind']] : undefined,
      setKeys: sector ? sectors.find((s) => s.value === sector)!.setKeys : undefined,
      sort,
    }),
    [search, roundId, status, kind, sector, sort],
  );
  const first = useApiQuery('registrations:list', { ...filter, offset: 0, limit: PAGE }, { placeholderData: (prev) => prev });
  const total = first.data?.total ?? 0;
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((i) => Math.floor(i.index / PAGE)))].filter((p) => p > 0);
  const more = useQueries({
    queries: pages.map((p) => {
      const input = { ...filter, offset: p * PAGE, limit: PAGE };
      return { queryKey: apiKey('registrations:list', input), queryFn: () => call('registrations:list', input), staleTime: 30_000 };
    }),
  });
  const rowAt = (i: number): RegistrationRow | undefined => {
    const p = Math.floor(i / PAGE);
    const data = p === 0 ? first.data : more[pages.indexOf(p)]?.data;
    return data?.rows[i - p * PAGE];
  };

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between">
        <Title order={2}>{t('dossiers:title')}</Title>
        <Button component={Link} to="/dossiers/producers/new">
          {t('dossiers:actions.newProducer')}
        </Button>
      </Group>
      <DossiersNav />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('dossiers:list.search')}
          placeholder={t('dossiers:list.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={300}
          type="search"
        />
        <Select
          label={t('dossiers:list.round')}
          placeholder={t('dossiers:list.allRounds')}
          data={(rounds.data ?? []).map((r) => ({ value: String(r.id), label: t('dossiers:round.label', { number: r.number, year: r.year }) }))}
          value={roundId}
          onChange={setRoundId}
          clearable
          w={150}
        />
        <MultiSelect
          label={t('dossiers:list.status')}
          data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`dossiers:status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={210}
        />
        <Select label={t('dossiers:list.kind')} data={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))} value={kind} onChange={setKind} clearable w={140} />
        <Select label={t('dossiers:list.group')} data={sectors.map((s) => ({ value: s.value, label: s.label }))} value={sector} onChange={setSector} clearable w={190} comboboxProps={{ width: 420 }} />
      </Group>
      {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
      <Group justify="space-between">
        <Text fw={600} aria-live="polite" data-testid="registration-count">
          {first.data ? (total === 0 ? t('dossiers:list.empty') : t('dossiers:list.count', { count: total })) : t('common:loading')}
        </Text>
        <Select
          aria-label={t('dossiers:list.sort')}
          data={(['recent', 'product', 'producer'] as const).map((s) => ({ value: s, label: t(`dossiers:list.sorts.${s}`) }))}
          value={sort}
          onChange={(v) => setSort((v as typeof sort) ?? 'recent')}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Box role="table" aria-label={t('dossiers:list.tableLabel')} aria-rowcount={total} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
        <Box role="row" style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, padding: '10px 12px', background: 'var(--mantine-color-gray-1)', fontWeight: 700 }}>
          {(['colNo', 'colProduct', 'colProducer', 'colRound', 'colKind', 'colStatus'] as const).map((c) => (
            <div role="columnheader" key={c}>
              {t(`dossiers:list.${c}`)}
            </div>
          ))}
        </Box>
        <div ref={parent} style={{ flex: 1, overflow: 'auto' }} data-testid="registration-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const r = rowAt(v.index);
              return (
                <UnstyledButton
                  key={v.key}
                  role="row"
                  aria-rowindex={v.index + 2}
                  onClick={() => r && void navigate(`/dossiers/registrations/${r.id}`)}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${v.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    gap: 12,
                    alignItems: 'center',
                    padding: '0 12px',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  {r ? (
                    <>
                      <Text role="cell" size="sm" ff="monospace">
                        {r.registrationNo}
                      </Text>
                      <div role="cell">
                        <Text fw={600} lineClamp={1}>
                          {r.productName}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {r.productCode}
                        </Text>
                      </div>
                      <div role="cell">
                        <Text lineClamp={1}>{r.producerName}</Text>
                        <Text size="sm" c="dimmed" lineClamp={1}>
                          {r.communeName}, {r.provinceName}
                        </Text>
                      </div>
                      <Text role="cell">
                        {r.roundNumber}/{r.roundYear}
                      </Text>
                      <Text role="cell">
                        {t(`dossiers:kinds.${r.kind}`)}
                        {r.currentStars ? ` ${r.currentStars}★` : ''}
                      </Text>
                      <div role="cell">
                        <Badge color={STATUS_COLOR[r.status]} variant="light" size="lg">
                          {t(`dossiers:status.${r.status}`)}
                        </Badge>
                      </div>
                    </>
                  ) : (
                    <Text role="cell" c="dimmed">
                      {t('dossiers:list.loadingRow')}
                    </Text>
                  )}
                </UnstyledButton>
              );
            })}
          </div>
        </div>
      </Box>
    </Stack>
  );
}
