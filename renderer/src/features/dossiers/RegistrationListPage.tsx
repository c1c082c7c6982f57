import { Badge, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RegistrationRow } from '../../../../shared/api/channels/dossiers-fields';
import { REGISTRATION_KINDS, REGISTRATION_STATUSES } from '../../../../shared/ocop/dossier-model';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { usePagedVirtualList } from '../../components/usePagedVirtualList';
import { VirtualTable } from '../../components/VirtualTable';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';
import { sectors, STATUS_COLOR } from './labels';
import { OutcomeText } from './OutcomeText';
import { StartHere } from './StartHere';

// Room for a status badge and a result that wraps to two lines (a 5-star result proposed for
// central recognition), so no cell spills into the next row of the fixed-height list (issue 16).
const ROW_HEIGHT = 76;
// Names get the width: fixed columns are as narrow as their content allows at 1366 px in either
// language — the kind on one line ("Re-evaluation", "Đánh giá lại") with its star under it, the
// status badge in sentence case so "Commune report done" / "Đã có báo cáo của xã" fit (issue 16).
const COLUMNS = '168px minmax(220px, 2.2fr) minmax(190px, 1.6fr) 64px 124px 200px';

/** "Hồ sơ": every registration, filtered and searched without accents, in a virtualised list. */
export function RegistrationListPage() {
  const { t } = useT();
  const legal = useLegalNames();
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
  const { first, list } = usePagedVirtualList('registrations:list', filter, ROW_HEIGHT);
  const total = list.total;
  const filtered = !!(search || roundId || status.length || kind || sector);
  /** An empty database (not an empty filter): a start-here path instead of an empty table. */
  const nothingYet = !!first.data && total === 0 && !filtered;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <PageTitle
        title={t('dossiers:title')}
        actions={
          <Button component={Link} to="/dossiers/producers/new">
            {t('dossiers:actions.newProducer')}
          </Button>
        }
      />
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
          data={(rounds.data ?? []).map((r) => ({
            value: String(r.id),
            label: t('dossiers:round.label', { number: r.number, year: r.year }),
          }))}
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
        <Select
          label={t('dossiers:list.kind')}
          data={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={140}
        />
        <Select
          label={t('dossiers:list.group')}
          data={sectors.map((s) => ({ value: s.value, label: `${s.value}. ${legal.sector(s.value, s.name)}` }))}
          value={sector}
          onChange={setSector}
          clearable
          w={190}
          comboboxProps={{ width: 420 }}
        />
      </Group>
      {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
      {nothingYet && <StartHere />}
      <Group justify="space-between" display={nothingYet ? 'none' : undefined}>
        <Text fw={600} aria-live="polite" data-testid="registration-count">
          {first.data
            ? total === 0
              ? t('dossiers:list.empty')
              : t('dossiers:list.count', { count: total })
            : t('common:loading')}
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
      {!nothingYet && (
        <VirtualTable
          label={t('dossiers:list.tableLabel')}
          columns={COLUMNS}
          headers={(['colNo', 'colProduct', 'colProducer', 'colRound', 'colKind', 'colStatus'] as const).map((c) =>
            t(`dossiers:list.${c}`),
          )}
          list={list}
          loadingRow={t('dossiers:list.loadingRow')}
          onOpen={(r) => void navigate(`/dossiers/registrations/${r.id}`)}
          scrollTestId="registration-scroll"
          renderCells={(r) => (
            <>
              <Text role="cell" size="sm" ff="monospace">
                {r.registrationNo}
              </Text>
              <div role="cell">
                <Text fw={600} lineClamp={1} title={r.productName}>
                  {r.productName}
                </Text>
                <Text size="sm" c="dimmed">
                  {r.productCode}
                </Text>
              </div>
              <div role="cell">
                <Text lineClamp={1} title={r.producerName}>
                  {r.producerName}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={1} title={`${r.communeName}, ${r.provinceName}`}>
                  {r.communeName}, {r.provinceName}
                </Text>
              </div>
              <Text role="cell">
                {r.roundNumber}/{r.roundYear}
              </Text>
              <div role="cell">
                <Text style={{ whiteSpace: 'nowrap' }}>{t(`dossiers:kinds.${r.kind}`)}</Text>
                {r.currentStars ? (
                  <Text size="sm" c="dimmed">
                    {t('dossiers:list.currentStars', { stars: r.currentStars })}
                  </Text>
                ) : null}
              </div>
              <div role="cell">
                <Badge color={STATUS_COLOR[r.status]} variant="light" size="lg" tt="none" maw="100%">
                  {t(`dossiers:status.${r.status}`)}
                </Badge>
                {r.outcome && <OutcomeText outcome={r.outcome} size="sm" lh={1.3} lineClamp={2} />}
              </div>
            </>
          )}
        />
      )}
    </Stack>
  );
}
