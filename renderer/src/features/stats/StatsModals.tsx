import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { RegistrySettings } from '../../../../shared/api/channels/registry';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

const METRICS = ['products_recognised', 'products_valid', 'producers_recognised'] as const;

/** The plan's targets ("≥ N products 3★+ by 2030"): the statistics show progress against them. */
export function TargetsModal({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const targets = useApiQuery('registry:targets', {});
  const [label, setLabel] = useState('');
  const [metric, setMetric] = useState<string>('products_recognised');
  const [minStar, setMinStar] = useState<string>('3');
  const [fromYear, setFromYear] = useState<number | string>(2021);
  const [targetYear, setTargetYear] = useState<number | string>(2030);
  const [count, setCount] = useState<number | string>('');
  const save = useApiMutation('registry:saveTarget', {
    onSuccess: () => {
      setLabel('');
      setCount('');
    },
  });
  const del = useApiMutation('registry:deleteTarget');
  return (
    <Modal opened onClose={onClose} title={t('stats:targetForm.title')} size="xl">
      <Stack>
        {targets.data && targets.data.length === 0 && <Text c="dimmed">{t('stats:targetForm.none')}</Text>}
        {targets.data && targets.data.length > 0 && (
          <Table striped withTableBorder>
            <Table.Tbody>
              {targets.data.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.label}</Table.Td>
                  <Table.Td>{t(`stats:targetForm.metrics.${x.metric}`)}</Table.Td>
                  <Table.Td>≥ {x.minStar}★</Table.Td>
                  <Table.Td>
                    {x.fromYear}–{x.targetYear}
                  </Table.Td>
                  <Table.Td ta="right">{x.targetCount}</Table.Td>
                  <Table.Td w={50}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('stats:targetForm.delete')} ${x.label}`}
                      onClick={() => del.mutate({ id: x.id })}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              label,
              metric: metric as (typeof METRICS)[number],
              minStar: Number(minStar),
              fromYear: Number(fromYear),
              targetYear: Number(targetYear),
              targetCount: Number(count),
            });
          }}
        >
          <Stack>
            <Text fw={600}>{t('stats:targetForm.add')}</Text>
            <TextInput
              label={t('stats:targetForm.label')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              required
            />
            <Group grow>
              <Select
                label={t('stats:targetForm.metric')}
                data={METRICS.map((m) => ({ value: m, label: t(`stats:targetForm.metrics.${m}`) }))}
                value={metric}
                onChange={(v) => v && setMetric(v)}
                allowDeselect={false}
              />
              <Select
                label={t('stats:targetForm.minStar')}
                data={['3', '4', '5']}
                value={minStar}
                onChange={(v) => v && setMinStar(v)}
                allowDeselect={false}
              />
            </Group>
            <Group grow>
              <NumberInput label={t('stats:targetForm.fromYear')} value={fromYear} onChange={setFromYear} min={2018} max={2100} />
              <NumberInput
                label={t('stats:targetForm.targetYear')}
                value={targetYear}
                onChange={setTargetYear}
                min={2018}
                max={2100}
              />
              <NumberInput label={t('stats:targetForm.targetCount')} value={count} onChange={setCount} min={1} required />
            </Group>
            {save.error && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!label.trim() || !count}>
                {t('stats:targetForm.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}

type SetupKeys = 'reportIssuerParent' | 'reportIssuerBody' | 'reportPlace' | 'reportSignerTitle' | 'reportSignerName';
const SETUP: [SetupKeys, 'issuerParent' | 'issuerBody' | 'place' | 'signerTitle' | 'signerName'][] = [
  ['reportIssuerParent', 'issuerParent'],
  ['reportIssuerBody', 'issuerBody'],
  ['reportPlace', 'place'],
  ['reportSignerTitle', 'signerTitle'],
  ['reportSignerName', 'signerName'],
];

/** What the printed report (and the re-evaluation list) carries in its Decree 30 header and signature. */
export function ReportSetupModal({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const settings = useApiQuery('registry:settings', {});
  const [draft, setDraft] = useState<Partial<RegistrySettings>>({});
  const save = useApiMutation('registry:setSettings', { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('stats:page.printSetup')} size="lg">
      {settings.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <Stack>
            {SETUP.map(([key, label]) => (
              <TextInput
                key={key}
                label={t(`stats:setupForm.${label}`)}
                value={draft[key] ?? settings.data[key]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setDraft((d) => ({ ...d, [key]: v }));
                }}
              />
            ))}
            {save.error && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('stats:setupForm.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
