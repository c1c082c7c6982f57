import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChannelOutput } from '../../../../shared/api/contract';
import type { ClassificationLeaf } from '../../../../shared/ocop/criteria-classification';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNumberFormat } from '../../i18n/numbers';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { CriteriaSearchResults } from './CriteriaSearchResults';
import { ImportCriteriaModal } from './ImportCriteriaModal';

type SetRow = ChannelOutput<'criteria:list'>[number];
type LegalBasisRow = ChannelOutput<'criteria:classification'>['legalBases'][number];

/** Every stored set, grouped as Phụ lục I groups products (ngành › nhóm), with a search across criterion text. */
export function CriteriaBrowserPage() {
  const { t } = useT();
  const names = useLegalNames();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [importing, setImporting] = useState(false);
  const list = useApiQuery('criteria:list', {});
  const tree = useApiQuery('criteria:classification', {});
  const searching = debounced.length >= 2;

  const byKey = new Map((list.data ?? []).map((s) => [s.setKey, s]));
  const inTree = new Set(tree.data?.tree.nganh.flatMap((n) => n.nhom.flatMap((m) => m.leaves.map((l) => l.setKey))) ?? []);
  const custom = (list.data ?? []).filter((s) => !inTree.has(s.setKey));

  return (
    <Stack maw={1180} gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('criteria:title')}</Title>
        <Button leftSection={<IconFileImport size={18} />} onClick={() => setImporting(true)}>
          {t('criteria:actions.import')}
        </Button>
      </Group>
      <Text>{t('criteria:intro')}</Text>
      <TextInput
        label={t('criteria:searchLabel')}
        description={t('criteria:searchHint')}
        placeholder={t('criteria:searchPlaceholder')}
        leftSection={<IconSearch size={18} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        size="md"
        type="search"
      />
      {searching ? (
        <CriteriaSearchResults query={debounced} />
      ) : (
        <>
          {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          {tree.isError && <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
          {tree.data &&
            tree.data.tree.nganh.map((n) => (
              <Stack key={n.no} gap="xs" component="section" aria-label={names.sector(n.no, n.name)}>
                <Title order={3} size="h4">
                  {t('criteria:nganh', { no: n.no })}. {names.sector(n.no, n.name)}
                </Title>
                <SetTable
                  rows={n.nhom.flatMap((m) =>
                    m.leaves.map((leaf, i) => ({
                      leaf,
                      nhom: i === 0 ? names.group(m.name) : null,
                      nhomSize: m.leaves.length,
                      set: byKey.get(leaf.setKey),
                    })),
                  )}
                />
              </Stack>
            ))}
          {custom.length > 0 && (
            <Stack gap="xs" component="section" aria-label={t('criteria:custom')}>
              <Title order={3} size="h4">
                {t('criteria:custom')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('criteria:customIntro')}
              </Text>
              <CustomTable rows={custom} />
            </Stack>
          )}
          {tree.data && <LegalBases bases={tree.data.legalBases} />}
        </>
      )}
      <ImportCriteriaModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}

function SetTable({
  rows,
}: {
  rows: { leaf: ClassificationLeaf; nhom: string | null; nhomSize: number; set: SetRow | undefined }[];
}) {
  const { t } = useT();
  const names = useLegalNames();
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" layout="fixed">
      <colgroup>
        <col style={{ width: 190 }} />
        <col style={{ width: 52 }} />
        <col />
        <col style={{ width: 230 }} />
        <col style={{ width: 150 }} />
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('criteria:list.phanNhom')}</Table.Th>
          <Table.Th>{t('criteria:list.no')}</Table.Th>
          <Table.Th>{t('criteria:list.name')}</Table.Th>
          <Table.Th>{t('criteria:list.ministries')}</Table.Th>
          <Table.Th>{t('criteria:list.criteria')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ leaf, nhom, nhomSize, set }) => (
          <Table.Tr key={leaf.setKey}>
            {nhom !== null && (
              <Table.Td rowSpan={nhomSize} style={{ verticalAlign: 'top' }} fw={600}>
                {nhom}
              </Table.Td>
            )}
            <Table.Td ta="center">{leaf.setNo}</Table.Td>
            <Table.Td>
              {set ? (
                <Anchor component={Link} to={`/criteria/${set.id}`} fw={600} data-testid={`set-link-${leaf.setNo}`}>
                  {names.set(set.name)}
                </Anchor>
              ) : (
                <Text fw={600}>{names.set(leaf.setName)}</Text>
              )}
              {!names.translated && leaf.phanNhom && leaf.phanNhom !== leaf.setName && (
                <Text size="sm" c="dimmed">
                  {leaf.phanNhom}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{leaf.ministries.map(names.ministry).join('; ')}</Text>
            </Table.Td>
            <Table.Td>
              {set && (
                <Stack gap={4}>
                  <Text size="sm">{t('criteria:criterionCount', { count: set.criterionCount })}</Text>
                  <VersionBadges s={set} />
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CustomTable({ rows }: { rows: SetRow[] }) {
  const { t } = useT();
  return (
    <Table withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('criteria:list.name')}</Table.Th>
          <Table.Th>{t('criteria:list.criteria')}</Table.Th>
          <Table.Th>{t('criteria:list.version')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} to={`/criteria/${s.id}`} fw={600}>
                {s.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {s.setKey} · {s.decision}
              </Text>
            </Table.Td>
            <Table.Td>{t('criteria:criterionCount', { count: s.criterionCount })}</Table.Td>
            <Table.Td>
              <VersionBadges s={s} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function VersionBadges({ s }: { s: SetRow }) {
  const { t } = useT();
  return (
    <Group gap={4}>
      <Badge variant="light" size="md" tt="none">
        {t('criteria:version', { version: s.version })}
      </Badge>
      {s.used && (
        <Badge variant="light" color="teal" size="md" tt="none">
          {t('criteria:used')}
        </Badge>
      )}
    </Group>
  );
}

/** The three decisions a round can be judged under: part maxima and star bands (from shared/ocop/legal-basis.ts). */
function LegalBases({ bases }: { bases: LegalBasisRow[] }) {
  const { t } = useT();
  const { num: fmt } = useNumberFormat();
  return (
    <Stack gap="xs" component="section" aria-label={t('criteria:legalBases.title')}>
      <Title order={3} size="h4">
        {t('criteria:legalBases.title')}
      </Title>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Tbody>
          {bases.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td w={260} style={{ verticalAlign: 'top' }}>
                <Text fw={600}>{b.id}</Text>
                <Badge variant="light" color={b.current ? 'green' : 'gray'} tt="none">
                  {b.current ? t('criteria:legalBases.current') : t('criteria:legalBases.historic')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('criteria:legalBases.parts', { a: b.parts[0]?.max ?? 0, b: b.parts[1]?.max ?? 0, c: b.parts[2]?.max ?? 0 })}
                </Text>
                <Text size="sm" c="dimmed">
                  {b.bands
                    .map((band) => `${band.stars}★ ${fmt(band.min)}–${band.maxInclusive ? '' : '<'}${fmt(band.max)}`)
                    .join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
