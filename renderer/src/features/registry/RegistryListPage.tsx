import { Alert, Badge, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RegistryFilter } from '../../../../shared/api/channels/registry';
import { formatDateVi } from '../../../../shared/ocop/format-vi';
import { PRODUCER_GROUPS } from '../../../../shared/ocop/producer-groups';
import { ENTRY_STATUSES } from '../../../../shared/ocop/registry-status';
import { NGANH_NOS } from '../../../../shared/ocop/registry-sectors';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64 } from '../../components/file-io';
import { PageTitle } from '../../components/PageTitle';
import { toastDone } from '../../components/toast';
import { usePagedVirtualList } from '../../components/usePagedVirtualList';
import { VirtualTable } from '../../components/VirtualTable';
import { useT } from '../../i18n/useT';
import { STATUS_COLOR, WRAPPING_BADGE, XLSX_MIME, communeText } from './labels';
import { RegistryNav } from './RegistryNav';

const ROW_HEIGHT = 64;
const COLUMNS = 'minmax(260px, 2.4fr) 70px 70px minmax(150px, 1fr) 110px 200px';
type Sort = 'recent' | 'product' | 'producer' | 'expiry' | 'commune';

/** "Sổ sản phẩm OCOP": every recognition (and product entered below 3★), filtered, with its status on a day. */
export function RegistryListPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 200);
  const [stars, setStars] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [nganh, setNganh] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [commune, setCommune] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [yearFrom, setYearFrom] = useState<string | null>(null);
  const [yearTo, setYearTo] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('recent');
  const facets = useApiQuery('registry:facets', {});
  const sync = useApiMutation('registry:sync', {
    onSuccess: (r) => toastDone(t('registry:pending.done', r)),
  });
  const filter = useMemo<RegistryFilter>(
    () => ({
      search: search || undefined,
      stars: stars.length ? stars.map(Number) : undefined,
      statuses: statuses.length ? (statuses as RegistryFilter['statuses']) : undefined,
      nganhNos: nganh.length ? (nganh as RegistryFilter['nganhNos']) : undefined,
      producerGroups: groups.length ? (groups as RegistryFilter['producerGroups']) : undefined,
      communeKey: commune ?? undefined,
      district: district ?? undefined,
      yearFrom: yearFrom ? Number(yearFrom) : undefined,
      yearTo: yearTo ? Number(yearTo) : undefined,
    }),
    [search, stars, statuses, nganh, groups, commune, district, yearFrom, yearTo],
  );
  const { first, list } = usePagedVirtualList('registry:list', { ...filter, sort }, ROW_HEIGHT);
  const years = (facets.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }));
  const pending = facets.data?.pendingSessions ?? 0;
  const exportList = async () => {
    const f = await call('registry:export', filter);
    downloadBase64(f.fileName, XLSX_MIME, f.contentBase64);
  };
  const noFilter = Object.values(filter).every((v) => v === undefined);

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <PageTitle
        title={t('registry:title')}
        actions={
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void exportList()}>
            {t('registry:list.export')}
          </Button>
        }
      />
      <RegistryNav />
      {pending > 0 && (
        <Alert color="blue" title={t('registry:pending.text', { count: pending })}>
          <Button onClick={() => sync.mutate({})} loading={sync.isPending}>
            {t('registry:pending.action')}
          </Button>
        </Alert>
      )}
      {sync.error && <ErrorAlert error={sync.error} />}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('registry:list.search')}
          placeholder={t('registry:list.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={300}
          type="search"
        />
        <MultiSelect
          label={t('registry:list.stars')}
          data={['3', '4', '5', '1', '2'].map((s) => ({ value: s, label: t('registry:entry.stars', { count: Number(s) }) }))}
          value={stars}
          onChange={setStars}
          clearable
          w={170}
        />
        <MultiSelect
          label={t('registry:list.statuses')}
          data={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`registry:status.${s}`) }))}
          value={statuses}
          onChange={setStatuses}
          clearable
          w={230}
        />
        <MultiSelect
          label={t('registry:list.nganh')}
          data={NGANH_NOS.map((n) => ({ value: n, label: `${n}. ${t(`stats:sectors.${n}`)}` }))}
          value={nganh}
          onChange={setNganh}
          clearable
          w={170}
          comboboxProps={{ width: 420 }}
        />
        <MultiSelect
          label={t('registry:list.groups')}
          data={PRODUCER_GROUPS.map((g) => ({ value: g, label: t(`stats:groups.${g}`) }))}
          value={groups}
          onChange={setGroups}
          clearable
          w={190}
        />
      </Group>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('registry:list.commune')}
          data={(facets.data?.communes ?? []).map((c) => ({
            value: c.key,
            label: `${communeText(t, { communeKey: c.key, communeLabel: c.label })} (${c.count})`,
          }))}
          value={commune}
          onChange={setCommune}
          searchable
          clearable
          w={300}
        />
        <Select
          label={t('registry:list.district')}
          data={(facets.data?.districts ?? []).map((d) => ({ value: d.name, label: `${d.name} (${d.count})` }))}
          value={district}
          onChange={setDistrict}
          clearable
          w={260}
        />
        <Select label={t('registry:list.yearFrom')} data={years} value={yearFrom} onChange={setYearFrom} clearable w={110} />
        <Select label={t('registry:list.yearTo')} data={years} value={yearTo} onChange={setYearTo} clearable w={110} />
      </Group>
      {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
      <Group justify="space-between">
        <Text fw={600} aria-live="polite" data-testid="registry-count">
          {first.data
            ? list.total === 0
              ? noFilter
                ? t('registry:list.emptyStart')
                : t('registry:list.empty')
              : t('registry:list.count', { count: list.total })
            : t('common:loading')}
        </Text>
        <Select
          aria-label={t('registry:list.sort')}
          data={(['recent', 'product', 'producer', 'expiry', 'commune'] as const).map((s) => ({
            value: s,
            label: t(`registry:list.sorts.${s}`),
          }))}
          value={sort}
          onChange={(v) => setSort((v as Sort) ?? 'recent')}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <VirtualTable
        label={t('registry:list.tableLabel')}
        columns={COLUMNS}
        headers={(['colProduct', 'colStar', 'colYear', 'colDecision', 'colValid', 'colStatus'] as const).map((c) =>
          t(`registry:list.${c}`),
        )}
        list={list}
        loadingRow={t('registry:list.loadingRow')}
        onOpen={(r) => void navigate(`/registry/${r.id}`)}
        scrollTestId="registry-scroll"
        renderCells={(r) => (
          <>
            <div role="cell">
              <Text fw={600} lineClamp={1}>
                {r.productName}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {r.producerName} · {communeText(t, r)}
              </Text>
            </div>
            <Text role="cell" fw={600}>
              {r.star ? `${r.star}★` : '–'}
            </Text>
            <Text role="cell">{r.year}</Text>
            <div role="cell">
              <Text size="sm" lineClamp={1}>
                {r.decisionNo ?? '—'}
              </Text>
              <Text size="sm" c="dimmed">
                {r.decisionDate ? formatDateVi(r.decisionDate) : ''}
              </Text>
            </div>
            <Text role="cell" size="sm">
              {r.validTo ? formatDateVi(r.validTo) : '—'}
            </Text>
            <div role="cell">
              <Badge color={STATUS_COLOR[r.status]} variant="light" size="lg" styles={WRAPPING_BADGE}>
                {t(`registry:status.${r.status}`)}
              </Badge>
            </div>
          </>
        )}
      />
    </Stack>
  );
}
