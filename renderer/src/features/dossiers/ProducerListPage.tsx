import { Badge, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProducerListRow } from '../../../../shared/api/channels/dossiers-producers';
import { PRODUCER_KINDS } from '../../../../shared/ocop/dossier-model';
import { useApiQuery } from '../../api/hooks';
import { CommuneSearch, ProvinceSelect } from '../../components/CommuneSearch';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { usePagedVirtualList } from '../../components/usePagedVirtualList';
import { VirtualTable } from '../../components/VirtualTable';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';

const ROW_HEIGHT = 64;
const COLUMNS = 'minmax(260px, 2fr) 150px minmax(170px, 1.2fr) minmax(200px, 1.4fr) 90px';

/** "Chủ thể": every producer, filtered and searched without accents, in a virtualised list. */
export function ProducerListPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 200);
  const [kind, setKind] = useState<string | null>(null);
  const [province, setProvince] = useState('');
  // Chosen by name from the commune list (accent-free), never typed as a code.
  const [commune, setCommune] = useState<{ code: string; name: string } | null>(null);
  const [roundId, setRoundId] = useState<string | null>(null);
  const rounds = useApiQuery('rounds:list', {});
  const filter = useMemo(
    () => ({
      search: search || undefined,
      kind: (kind ?? undefined) as ProducerListRow['kind'] | undefined,
      provinceCode: province || undefined,
      communeCode: commune?.code,
      roundId: roundId ? Number(roundId) : undefined,
    }),
    [search, kind, province, commune, roundId],
  );
  const { first, list } = usePagedVirtualList('producers:list', filter, ROW_HEIGHT);
  const total = list.total;

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
        <ProvinceSelect
          label={t('dossiers:producers.province')}
          placeholder={t('dossiers:producers.anyProvince')}
          value={province}
          onChange={(code) => {
            setProvince(code);
            setCommune(null);
          }}
          clearable
          w={230}
          testId="producers-province"
        />
        {commune ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('dossiers:producers.commune')}
            </Text>
            <Group gap={4} wrap="nowrap" h={36}>
              <Badge size="lg" tt="none" variant="light" data-testid="producers-commune">
                {commune.name} — {commune.code}
              </Badge>
              <CloseButton
                aria-label={t('dossiers:producers.clearCommune', { name: commune.name })}
                onClick={() => setCommune(null)}
              />
            </Group>
          </Stack>
        ) : (
          <CommuneSearch
            provinceCode={province}
            label={t('dossiers:producers.commune')}
            description={null}
            onPick={(c) => setCommune({ code: c.code, name: c.name })}
            w={230}
            testId="producers-commune-search"
          />
        )}
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
