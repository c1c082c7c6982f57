import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DueItem } from '../../../../shared/api/channels/registry';
import { formatDateVi } from '../../../../shared/ocop/format-vi';
import { DUE_STATES, type DueState } from '../../../../shared/ocop/registry-status';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64 } from '../../components/file-io';
import { PageTitle } from '../../components/PageTitle';
import { toastDone } from '../../components/toast';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { DUE_COLOR, PDF_MIME, WRAPPING_BADGE, XLSX_MIME, communeText } from './labels';
import { RegistryNav } from './RegistryNav';
import { todayInVietnam } from './today';

/** The re-evaluation calendar (Đ7.6): windows coming or open, passed, expired — per commune — and one action to file their dossiers. */
export function DuePage() {
  const { t } = useT();
  const roundName = useRoundName();
  const [on, setOn] = useState(todayInVietnam);
  const [horizon, setHorizon] = useState<number | string>('');
  const [commune, setCommune] = useState<string | null>(null);
  const [dues, setDues] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [roundId, setRoundId] = useState<string | null>(null);
  const input = {
    on: on || undefined,
    ...(typeof horizon === 'number' ? { horizonDays: horizon } : {}),
    ...(commune ? { communeKey: commune } : {}),
    ...(dues.length ? { dues: dues as DueState[] } : {}),
  };
  const q = useApiQuery('registry:due', input);
  const facets = useApiQuery('registry:facets', {});
  const rounds = useApiQuery('rounds:list', {});
  const create = useApiMutation('registry:createReevaluations', {
    onSuccess: (r) => {
      if (r.created.length) toastDone(t('registry:duePage.created', { count: r.created.length }));
      setSelected(new Set());
    },
  });
  const groups = useMemo(() => {
    const m = new Map<string, { label: string; items: DueItem[] }>();
    for (const i of q.data?.items ?? []) {
      const g = m.get(i.entry.communeKey) ?? { label: communeText(t, i.entry), items: [] };
      g.items.push(i);
      m.set(i.entry.communeKey, g);
    }
    return [...m.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [q.data, t]);
  const selectable = (q.data?.items ?? []).filter((i) => i.pendingRegistration === null).map((i) => i.entry.id);
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const download = async (format: 'xlsx' | 'pdf') => {
    const f = await call('registry:dueExport', { ...input, format });
    downloadBase64(f.fileName, format === 'xlsx' ? XLSX_MIME : PDF_MIME, f.contentBase64);
  };

  return (
    <Stack gap="md" maw={1240}>
      <PageTitle
        title={t('registry:due.title')}
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void download('xlsx')}>
              {t('registry:duePage.exportXlsx')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void download('pdf')}>
              {t('registry:duePage.exportPdf')}
            </Button>
          </Group>
        }
      />
      <RegistryNav />
      <Text>{t('registry:duePage.intro')}</Text>
      <Group align="flex-end" gap="sm">
        <DateField label={t('registry:duePage.on')} value={on} onChange={setOn} w={170} />
        <NumberInput
          label={t('registry:duePage.horizon')}
          value={horizon}
          onChange={setHorizon}
          min={0}
          max={730}
          placeholder={String(q.data?.horizonDays ?? 90)}
          w={150}
        />
        <Select
          label={t('registry:duePage.commune')}
          data={(facets.data?.communes ?? []).map((c) => ({
            value: c.key,
            label: communeText(t, { communeKey: c.key, communeLabel: c.label }),
          }))}
          value={commune}
          onChange={setCommune}
          searchable
          clearable
          w={300}
        />
        <MultiSelect
          label={t('registry:duePage.dues')}
          data={DUE_STATES.map((d) => ({ value: d, label: t(`registry:due.state.${d}`) }))}
          value={dues}
          onChange={setDues}
          clearable
          w={300}
        />
      </Group>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Text fw={600} aria-live="polite" data-testid="due-count">
        {q.data
          ? q.data.items.length
            ? t('registry:duePage.count', { count: q.data.items.length })
            : t('registry:duePage.none')
          : t('common:loading')}
      </Text>

      {selectable.length > 0 && (
        <Paper withBorder p="md">
          <Group align="flex-end" gap="sm">
            <Checkbox
              label={t('registry:duePage.selectAll')}
              checked={selected.size === selectable.length}
              indeterminate={selected.size > 0 && selected.size < selectable.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(selectable) : new Set())}
            />
            <Select
              label={t('registry:duePage.round')}
              data={(rounds.data ?? []).map((r) => ({
                value: String(r.id),
                label: `${r.name ? roundName(r.name) : `${r.number}/${r.year}`} (${r.legalBasis})`,
              }))}
              value={roundId}
              onChange={setRoundId}
              w={320}
            />
            <Button
              disabled={selected.size === 0 || !roundId}
              loading={create.isPending}
              onClick={() => create.mutate({ ids: [...selected], roundId: Number(roundId) })}
            >
              {t('registry:duePage.create', { count: selected.size })}
            </Button>
          </Group>
          {create.error && <ErrorAlert error={create.error} />}
          {create.data && create.data.skipped.length > 0 && (
            <Alert color="orange" mt="sm" title={t('registry:duePage.skipped', { count: create.data.skipped.length })}>
              <List>
                {create.data.skipped.map((s) => (
                  <List.Item key={s.entryId}>{s.reason}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Paper>
      )}

      {groups.map((g) => (
        <Paper key={g.label} withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {g.label} ({g.items.length})
          </Title>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('registry:due.col.product')}</Table.Th>
                <Table.Th>{t('registry:due.col.star')}</Table.Th>
                <Table.Th>{t('registry:due.col.decision')}</Table.Th>
                <Table.Th>{t('registry:due.col.validTo')}</Table.Th>
                <Table.Th>{t('registry:due.col.window')}</Table.Th>
                <Table.Th>{t('registry:due.col.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.items.map((i) => (
                <Table.Tr key={i.entry.id}>
                  <Table.Td>
                    {i.pendingRegistration === null && (
                      <Checkbox
                        aria-label={t('registry:duePage.select', { name: i.entry.productName })}
                        checked={selected.has(i.entry.id)}
                        onChange={() => toggle(i.entry.id)}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/registry/${i.entry.id}`} fw={600}>
                      {i.entry.productName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {i.entry.producerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.entry.star}★</Table.Td>
                  <Table.Td>
                    {i.entry.decisionNo}
                    <Text size="sm" c="dimmed">
                      {i.entry.decisionDate ? formatDateVi(i.entry.decisionDate) : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.entry.validTo ? formatDateVi(i.entry.validTo) : ''}
                    <Text size="sm" c="dimmed">
                      {i.daysToExpiry >= 0
                        ? t('registry:duePage.days', { count: i.daysToExpiry })
                        : t('registry:duePage.daysAgo', { count: -i.daysToExpiry })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.entry.windowOpensOn && i.entry.windowClosesOn
                      ? `${formatDateVi(i.entry.windowOpensOn)} – ${formatDateVi(i.entry.windowClosesOn)}`
                      : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={DUE_COLOR[i.due]} variant="light" size="lg" styles={WRAPPING_BADGE}>
                      {t(`registry:due.state.${i.due}`)}
                    </Badge>
                    {i.pendingRegistration && (
                      <Text size="sm">
                        <Anchor component={Link} to={`/dossiers/registrations/${i.pendingRegistration.id}`}>
                          {t('registry:due.pendingShort', { no: i.pendingRegistration.registrationNo })}
                        </Anchor>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
