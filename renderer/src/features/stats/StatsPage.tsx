import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StatsPeriod, StatsTable } from '../../../../shared/api/channels/stats';
import { CHART_IDS, statsChart } from '../../../../shared/charts/stats-charts';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64 } from '../../components/file-io';
import { PageTitle } from '../../components/PageTitle';
import { QueryFallback } from '../../components/QueryFallback';
import { useT } from '../../i18n/useT';
import { PDF_MIME, XLSX_MIME } from '../registry/labels';
import { todayInVietnam } from '../registry/today';
import { DrillModal, type DrillRef } from './DrillModal';
import { EChart } from './EChart';
import { ReportSetupModal, TargetsModal } from './StatsModals';

const thisYear = () => Number(todayInVietnam().slice(0, 4));

/** The province's OCOP statistics for a year, a range of years or a round; every number opens the entries behind it. */
export function StatsPage() {
  const { t, i18n } = useT();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const facets = useApiQuery('registry:facets', {});
  const [yearFrom, setYearFrom] = useState<string>(String(thisYear()));
  const [yearTo, setYearTo] = useState<string | null>(null);
  const [round, setRound] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const [drill, setDrill] = useState<DrillRef | null>(null);
  const [modal, setModal] = useState<'targets' | 'setup' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const period: StatsPeriod = {
    yearFrom: Number(yearFrom),
    ...(yearTo && Number(yearTo) >= Number(yearFrom) ? { yearTo: Number(yearTo) } : {}),
    ...(round ? { roundNo: Number(round) } : {}),
    ...(on ? { on } : {}),
    lang,
  };
  const q = useApiQuery('stats:report', period, { placeholderData: (prev) => prev });
  const years = useMemo(() => {
    const ys = new Set([...(facets.data?.years ?? []), thisYear()]);
    return [...ys].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  }, [facets.data]);
  const charts = useMemo(() => {
    if (!q.data) return [];
    return CHART_IDS.map((id) => ({
      id,
      option: statsChart(
        q.data,
        id,
        { title: (c) => t(`stats:charts.${c}`), entered: t('stats:charts.byYearEntered') },
        'Tinos, "Times New Roman", serif',
      ),
    })).filter((c) => c.option !== null);
  }, [q.data, t]);
  const download = async (format: 'pdf' | 'xlsx') => {
    setExportError(null);
    try {
      const f = await call('stats:export', { period, format });
      downloadBase64(f.fileName, format === 'pdf' ? PDF_MIME : XLSX_MIME, f.contentBase64);
    } catch (e) {
      setExportError(e);
    }
  };

  return (
    <Stack gap="md" maw={1280}>
      <PageTitle
        title={t('stats:title')}
        actions={
          <Group gap="xs">
            <Button leftSection={<IconPrinter size={18} />} onClick={() => void download('pdf')}>
              {t('stats:page.exportPdf')}
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void download('xlsx')}>
              {t('stats:page.exportXlsx')}
            </Button>
          </Group>
        }
      />
      <Text>{t('stats:page.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('stats:page.yearFrom')}
          data={years}
          value={yearFrom}
          onChange={(v) => v && setYearFrom(v)}
          allowDeselect={false}
          w={120}
        />
        <Select label={t('stats:page.yearTo')} data={years} value={yearTo} onChange={setYearTo} clearable w={120} />
        <Select
          label={t('stats:page.round')}
          data={['1', '2', '3', '4'].map((r) => ({ value: r, label: r }))}
          value={round}
          onChange={setRound}
          placeholder={t('stats:page.allRounds')}
          clearable
          w={130}
        />
        <DateField label={t('stats:page.on')} value={on} onChange={setOn} w={300} />
        <Button variant="default" onClick={() => setModal('targets')}>
          {t('stats:page.targets')}
        </Button>
        <Button variant="default" onClick={() => setModal('setup')}>
          {t('stats:page.printSetup')}
        </Button>
      </Group>
      <Anchor component={Link} to="/stats/leniency">
        {t('stats:page.leniencyLink')}
      </Anchor>
      {exportError !== null && <ErrorAlert error={exportError} />}
      {q.isPending || q.isError ? (
        <QueryFallback query={q} />
      ) : (
        <>
          <Title order={3}>{q.data.title}</Title>
          <SimpleGrid cols={2} spacing="md">
            {charts.map((c) => (
              <Paper key={c.id} withBorder p="xs">
                <EChart option={c.option!} height={c.id === 'bySector' ? 340 : 300} label={t(`stats:charts.${c.id}`)} />
              </Paper>
            ))}
          </SimpleGrid>
          {q.data.tables.map((tbl) => (
            <TableView key={tbl.id} table={tbl} onDrill={setDrill} />
          ))}
        </>
      )}
      {drill && <DrillModal period={period} cell={drill} onClose={() => setDrill(null)} />}
      {modal === 'targets' && <TargetsModal onClose={() => setModal(null)} />}
      {modal === 'setup' && <ReportSetupModal onClose={() => setModal(null)} />}
    </Stack>
  );
}

function TableView({ table, onDrill }: { table: StatsTable; onDrill: (c: DrillRef) => void }) {
  const { t } = useT();
  if (table.rows.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid={`stats-${table.id}`}>
      <Title order={4} mb="xs">
        {table.title}
      </Title>
      <Table striped withTableBorder verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {table.columns.map((c) => (
              <Table.Th key={c.key} ta="right">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((r) => (
            <Table.Tr key={r.key} fw={r.total ? 700 : undefined}>
              <Table.Td>{r.label}</Table.Td>
              {r.cells.map((c, i) => {
                const col = table.columns[i]!;
                return (
                  <Table.Td key={col.key} ta="right">
                    {c.drill ? (
                      <UnstyledButton
                        c="blue.8"
                        td="underline"
                        fw="inherit"
                        aria-label={t('stats:page.drillHint', { value: c.text, row: r.label, column: col.label })}
                        onClick={() => onDrill({ table: table.id, row: r.key, column: col.key })}
                      >
                        {c.text}
                      </UnstyledButton>
                    ) : (
                      c.text
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {table.note && (
        <Text size="sm" c="dimmed" mt="xs">
          {table.note}
        </Text>
      )}
    </Paper>
  );
}
