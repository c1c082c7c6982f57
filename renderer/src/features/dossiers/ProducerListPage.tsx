import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProducerListRow } from '../../../../shared/api/channels/dossiers-producers';
import { PRODUCER_KINDS } from '../../../../shared/ocop/dossier-model';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { usePagedVirtualList } from '../../components/usePagedVirtualList';
import { VirtualTable } from '../../components/VirtualTable';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';

const ROW_HEIGHT = 64;
const COLUMNS = 'minmax(260px, 2fr) 150px minmax(170px, 1.2fr) minmax(200px, 1.4fr) 90px';

/** A code filter applies only once it has all its digits; half-typed codes would match nothing. */
const codeOrUndefined = (v: string, digits: number): string | undefined =>
  new RegExp(`^\\d{${digits}}$`).test(v.trim()) ? v.trim() : undefined;

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
  const { first, list } = usePagedVirtualList('producers:list', filter, ROW_HEIGHT);
  const total = list.total;
  const codeHint = (v: string, digits: number) =>
    v.trim() !== '' && !codeOrUndefined(v, digits) ? t('dossiers:producers.codeInvalid') : undefined;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <PageTitle
        title={t('dossiers:producers.title')}
        actions={
          <Button component={Link} to="/dossiers/producers/new">
            {t('dossiers:actions.newProducer')}
          </Button>
        }
      />
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
        <TextInput
          label={t('dossiers:producers.provinceCode')}
          value={province}
          onChange={(e) => setProvince(e.currentTarget.value)}
          w={110}
          inputMode="numeric"
          maxLength={2}
          description={codeHint(province, 2)}
        />
        <TextInput
          label={t('dossiers:producers.communeCode')}
          value={commune}
          onChange={(e) => setCommune(e.currentTarget.value)}
          w={120}
          inputMode="numeric"
          maxLength={5}
          description={codeHint(commune, 5)}
        />
        <Select
          label={t('dossiers:producers.round')}
          placeholder={t('dossiers:producers.anyRound')}
          data={(rounds.data ?? []).map((r) => ({
            value: String(r.id),
            label: t('dossiers:round.label', { number: r.number, year: r.year }),
          }))}
          value={roundId}
          onChange={setRoundId}
          clearable
          w={200}
        />
      </Group>
      {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
      <Text fw={600} aria-live="polite" data-testid="producer-count">
        {first.data
          ? total === 0
            ? t('dossiers:producers.empty')
            : t('dossiers:producers.count', { count: total })
          : t('common:loading')}
      </Text>
      <VirtualTable
        label={t('dossiers:producers.tableLabel')}
        columns={COLUMNS}
        headers={(['colName', 'colTaxCode', 'colRepresentative', 'colPlace', 'colProducts'] as const).map((c) =>
          t(`dossiers:producers.${c}`),
        )}
        list={list}
        loadingRow={t('dossiers:list.loadingRow')}
        onOpen={(r) => void navigate(`/dossiers/producers/${r.id}`)}
        scrollTestId="producer-scroll"
        renderCells={(r) => (
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
        )}
      />
    </Stack>
  );
}
