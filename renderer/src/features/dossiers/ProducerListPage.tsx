import { Box, Button, Group, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProducerListRow } from '../../../../shared/api/channels/dossiers-producers';
import { PRODUCER_KINDS } from '../../../../shared/ocop/dossier-model';
import { call } from '../../api/client';
import { apiKey, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';

/** Rows fetched per request; the virtualiser asks only for the windows on screen. */
const PAGE = 100;
const ROW_HEIGHT = 64;
const COLUMNS = 'minmax(260px, 2fr) 150px minmax(170px, 1.2fr) minmax(200px, 1.4fr) 90px';

/** A code filter applies only once it has all its digits; half-typed codes would match nothing. */
const codeOrUndefined = (v: string, digits: number): string | undefined => (new RegExp(`^\\d{${digits}}$`).test(v.trim()) ? v.trim() : undefined);

/** "Chủ thể": every producer, filtered and searched without accents, in a virtualised list. */
export function ProducerListPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 200);
  const [kind, setKind] = useState<string | null>(null);
  const [province, setProvince] = useState('');
  const [commune, setCommune] = useState('');
  const [roundId, setRoundId] = useState<string | null>(null);
  const rounds = useApiQuery('rounds:list', {});
  const filter = useMemo(
    () => ({
      search: search || undefined,
      kind: (kind ?? undefined) as ProducerListRow['kind'] | undefined,
      provinceCode: codeOrUndefined(province, 2),
      communeCode: codeOrUndefined(commune, 5),
      roundId: roundId ? Number(roundId) : undefined,
    }),
    [search, kind, province, commune, roundId],
  );
  const first = useApiQuery('producers:list', { ...filter, offset: 0, limit: PAGE }, { placeholderData: (prev) => prev });
  const total = first.data?.total ?? 0;
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((i) => Math.floor(i.index / PAGE)))].filter((p) => p > 0);
  const more = useQueries({
    queries: pages.map((p) => {
      const input = { ...filter, offset: p * PAGE, limit: PAGE };
      return { queryKey: apiKey('producers:list', input), queryFn: () => call('producers:list', input), staleTime: 30_000 };
    }),
  });
  const rowAt = (i: number): ProducerListRow | undefined => {
    const p = Math.floor(i / PAGE);
    const data = p === 0 ? first.data : more[pages.indexOf(p)]?.data;
    return data?.rows[i - p * PAGE];
  };
  const codeHint = (v: string, digits: number) => (v.trim() !== '' && !codeOrUndefined(v, digits) ? t('dossiers:producers.codeInvalid') : undefined);

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between">
        <Title order={2}>{t('dossiers:producers.title')}</Title>
        <Button component={Link} to="/dossiers/producers/new">
          {t('dossiers:actions.newProducer')}
        </Button>
      </Group>
      <DossiersNav />
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('dossiers:producers.search')}
          placeholder={t('dossiers:producers.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
          type="search"
        />
        <Select
          label={t('dossiers:producers.kind')}
          placeholder={t('dossiers:producers.anyKind')}
          data={PRODUCER_KINDS.map((k) => ({ value: k, label: t(`dossiers:producerKinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={240}
          comboboxProps={{ width: 340 }}
        />
        <TextInput label={t('dossiers:producers.provinceCode')} value={province} onChange={(e) => setProvince(e.currentTarget.value)} w={110} inputMode="numeric" maxLength={2} description={codeHint(province, 2)} />
        <TextInput label={t('dossiers:producers.communeCode')} value={commune} onChange={(e) => setCommune(e.currentTarget.value)} w={120} inputMode="numeric" maxLength={5} description={codeHint(commune, 5)} />
        <Select
          label={t('dossiers:producers.round')}
          placeholder={t('dossiers:producers.anyRound')}
          data={(rounds.data ?? []).map((r) => ({ value: String(r.id), label: t('dossiers:round.label', { number: r.number, year: r.year }) }))}
          value={roundId}
          onChange={setRoundId}
          clearable
          w={200}
        />
      </Group>
      {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
      <Text fw={600} aria-live="polite" data-testid="producer-count">
        {first.data ? (total === 0 ? t('dossiers:producers.empty') : t('dossiers:producers.count', { count: total })) : t('common:loading')}
      </Text>
      <Box role="table" aria-label={t('dossiers:producers.tableLabel')} aria-rowcount={total} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
        <Box role="row" style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, padding: '10px 12px', background: 'var(--mantine-color-gray-1)', fontWeight: 700 }}>
          {(['colName', 'colTaxCode', 'colRepresentative', 'colPlace', 'colProducts'] as const).map((c) => (
            <div role="columnheader" key={c}>
              {t(`dossiers:producers.${c}`)}
            </div>
          ))}
        </Box>
        <div ref={parent} style={{ flex: 1, overflow: 'auto' }} data-testid="producer-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const r = rowAt(v.index);
              return (
                <UnstyledButton
                  key={v.key}
                  role="row"
                  aria-rowindex={v.index + 2}
                  onClick={() => r && void navigate(`/dossiers/producers/${r.id}`)}
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
                      <div role="cell">
                        <Text fw={600} lineClamp={1}>
                          {r.name}
                        </Text>
                        <Text size="sm" c="dimmed" lineClamp={1}>
                          {t(`dossiers:producerKinds.${r.kind}`)}
                        </Text>
                      </div>
                      <Text role="cell" ff="monospace">
                        {r.taxCode ?? '—'}
                      </Text>
                      <Text role="cell" lineClamp={1}>
                        {r.representativeName || '—'}
                      </Text>
                      <div role="cell">
                        <Text lineClamp={1}>{r.communeName}</Text>
                        <Text size="sm" c="dimmed" lineClamp={1}>
                          {r.provinceName} · {r.provinceCode}-{r.communeCode}
                        </Text>
                      </div>
                      <Text role="cell">{r.productCount}</Text>
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
