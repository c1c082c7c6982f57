import { Badge, Button, Group, NumberInput, Paper, PasswordInput, Select, Stack, Table, Text } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../../../shared/ocop/format-vi';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';
import { EChart } from './EChart';

/**
 * Members' scoring patterns, for the council's chair only: the chair names themself (and gives
 * their PIN if they set one) before anything is shown; members never see this screen's figures.
 */
export function LeniencyPage() {
  const { t, i18n } = useT();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const councils = useApiQuery('councils:list', {});
  const [councilId, setCouncilId] = useState<string | null>(null);
  const detail = useApiQuery('councils:get', { id: Number(councilId) }, { enabled: councilId !== null });
  const chairs = (detail.data?.members ?? []).filter((m) => m.role === 'chair' && m.activeTo === null);
  const [chairId, setChairId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const show = useApiMutation('stats:leniency');
  const settings = useApiQuery('registry:settings', {});
  const [threshold, setThreshold] = useState<number | string>('');
  const [minProducts, setMinProducts] = useState<number | string>('');
  const saveSettings = useApiMutation('registry:setSettings', {
    onSuccess: () => {
      toastDone(t('common:saved'));
      if (show.data && councilId && chairId)
        show.mutate({ councilId: Number(councilId), chairMemberId: Number(chairId), ...(pin ? { pin } : {}) });
    },
  });
  const fmt = (n: number) => `${n > 0 ? '+' : ''}${formatNumber(n, { decimals: 2, fixed: true, locale })}`;
  const r = show.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!r) return null;
    return {
      animation: false,
      grid: { left: 16, right: 24, top: 24, bottom: 16, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: r.members.map((m) => m.fullName), inverse: true },
      series: [
        {
          type: 'bar',
          data: r.members.map((m) => ({
            value: Number(m.meanDeviation.toFixed(2)),
            itemStyle: { color: m.flag === 'lenient' ? '#c2410c' : m.flag === 'harsh' ? '#1d4ed8' : '#6b7280' },
          })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => fmt(p.value) },
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#111' },
            data: [{ xAxis: r.thresholdPoints }, { xAxis: -r.thresholdPoints }],
          },
        },
      ],
    };
    // fmt depends on the locale only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r, t, locale]);

  return (
    <Stack gap="md" maw={1240}>
      <BackLink to="/stats" label={t('stats:title')} />
      <PageTitle title={t('stats:leniency.title')} />
      <Text>{t('stats:leniencyPage.intro')}</Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (councilId && chairId)
              show.mutate({ councilId: Number(councilId), chairMemberId: Number(chairId), ...(pin ? { pin } : {}) });
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select
              label={t('stats:leniencyPage.council')}
              data={(councils.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              value={councilId}
              onChange={(v) => {
                setCouncilId(v);
                setChairId(null);
                show.reset();
              }}
              w={360}
            />
            <Select
              label={t('stats:leniencyPage.chair')}
              data={chairs.map((m) => ({ value: String(m.id), label: m.fullName }))}
              value={chairId}
              onChange={setChairId}
              disabled={!councilId}
              w={260}
            />
            <PasswordInput
              label={t('stats:leniencyPage.pin')}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
              w={200}
              autoComplete="off"
            />
            <Button type="submit" disabled={!councilId || !chairId} loading={show.isPending}>
              {t('stats:leniencyPage.show')}
            </Button>
          </Group>
        </form>
      </Paper>
      {show.error && <ErrorAlert error={show.error} />}
      {r && settings.data && (
        <>
          <Text fw={600}>{t('stats:leniencyPage.summary', { sessions: r.sessions, products: r.products })}</Text>
          <Text c="dimmed">
            {t('stats:leniencyPage.rule', { threshold: formatNumber(r.thresholdPoints, { locale }), min: r.minProducts })}
          </Text>
          <Paper withBorder p="md">
            <Group align="flex-end" gap="sm">
              <NumberInput
                label={t('stats:leniencyPage.threshold')}
                value={threshold === '' ? settings.data.leniencyThresholdPoints : threshold}
                onChange={setThreshold}
                min={0.5}
                max={50}
                step={0.5}
                decimalScale={2}
                w={280}
              />
              <NumberInput
                label={t('stats:leniencyPage.minProducts')}
                value={minProducts === '' ? settings.data.leniencyMinProducts : minProducts}
                onChange={setMinProducts}
                min={1}
                max={500}
                w={280}
              />
              <Button
                variant="default"
                loading={saveSettings.isPending}
                onClick={() =>
                  saveSettings.mutate({
                    ...(threshold !== '' ? { leniencyThresholdPoints: Number(threshold) } : {}),
                    ...(minProducts !== '' ? { leniencyMinProducts: Number(minProducts) } : {}),
                  })
                }
              >
                {t('stats:leniencyPage.saveSettings')}
              </Button>
            </Group>
            {saveSettings.error && <ErrorAlert error={saveSettings.error} />}
          </Paper>
          <Table striped withTableBorder verticalSpacing="sm" data-testid="leniency-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats:leniencyPage.colMember')}</Table.Th>
                <Table.Th ta="right">{t('stats:leniencyPage.colProducts')}</Table.Th>
                <Table.Th ta="right">{t('stats:leniencyPage.colMean')}</Table.Th>
                <Table.Th ta="right">{t('stats:leniencyPage.colAbs')}</Table.Th>
                {['A', 'B', 'C'].map((p) => (
                  <Table.Th key={p} ta="right">
                    {t('stats:leniencyPage.colPart', { part: p })}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('stats:leniencyPage.colSide')}</Table.Th>
                <Table.Th>{t('stats:leniencyPage.colFlag')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.members.map((m) => (
                <Table.Tr key={m.memberKey}>
                  <Table.Td fw={600}>{m.fullName}</Table.Td>
                  <Table.Td ta="right">{m.products}</Table.Td>
                  <Table.Td ta="right">{fmt(m.meanDeviation)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.meanAbsDeviation, { decimals: 2, fixed: true, locale })}</Table.Td>
                  {['A', 'B', 'C'].map((p) => (
                    <Table.Td key={p} ta="right">
                      {m.partDeviation[p] === undefined ? '—' : fmt(m.partDeviation[p])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    {m.above} / {m.below}
                  </Table.Td>
                  <Table.Td>
                    {m.flag ? (
                      <Badge color={m.flag === 'lenient' ? 'orange' : 'blue'} variant="light" size="lg">
                        {t(`stats:leniencyPage.flag.${m.flag}`)}
                      </Badge>
                    ) : (
                      <Text c="dimmed">{t('stats:leniencyPage.noFlag')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {option && (
            <Paper withBorder p="xs">
              <Text fw={600} ta="center">
                {t('stats:leniencyPage.chart')}
              </Text>
              <EChart option={option} height={Math.max(220, 48 * r.members.length)} label={t('stats:leniencyPage.chart')} />
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
