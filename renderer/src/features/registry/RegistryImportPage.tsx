import { Alert, Badge, Button, FileInput, Group, List, Paper, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RegistryImportResult, SectorChoiceInput, SectorReview } from '../../../../shared/api/channels/registry';
import type { ImportRowError } from '../../../../shared/api/fields';
import { NGANH_NOS } from '../../../../shared/ocop/registry-sectors';
import rawTree from '../../../../resources/criteria/classification.json';
import { ApiError, call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadBase64, fileToBase64 } from '../../components/file-io';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/useT';
import { nhomKey, WRAPPING_BADGE, XLSX_MIME } from './labels';
import { RegistryNav } from './RegistryNav';

const tree = rawTree as { nganh: { no: string; nhom: { name: string }[] }[] };
const keyOf = (s: { legalBasis: string; text: string }) => `${s.legalBasis}|${s.text}`;
const NO_NHOM = '__none__';

/** Earlier lists of OCOP products into the registry: check, confirm the sector classification, import (all or nothing). */
export function RegistryImportPage() {
  const { t, i18n } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [choices, setChoices] = useState<Record<string, { nganhNo: string; nhom: string | null }>>({});
  const [sectors, setSectors] = useState<SectorReview[] | null>(null);
  const [result, setResult] = useState<RegistryImportResult | null>(null);
  const m = useApiMutation('registry:import');
  const failure = m.error instanceof ApiError && m.error.code === 'IMPORT_INVALID' ? m.error : null;
  const invalid = failure?.details;
  const rowErrors = invalid?.errors?.filter((e) => !e.code?.startsWith('sector_')) ?? [];
  const shownSectors = sectors ?? invalid?.sectors ?? null;

  const sectorChoices = (): SectorChoiceInput[] =>
    Object.entries(choices).map(([k, c]) => {
      const [legalBasis, ...rest] = k.split('|');
      return {
        legalBasis: legalBasis as SectorChoiceInput['legalBasis'],
        text: rest.join('|'),
        nganhNo: c.nganhNo as SectorChoiceInput['nganhNo'],
        nhom: c.nhom,
      };
    });
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    m.mutate(
      { contentBase64: await fileToBase64(file), fileName: file.name, dryRun, onDuplicate, sectorChoices: sectorChoices() },
      {
        onSuccess: (r) => {
          setResult(r);
          setSectors(r.sectors);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'IMPORT_INVALID') setSectors(e.details?.sectors ?? null);
        },
      },
    );
  };
  const problem = (e: ImportRowError) => {
    for (const ns of ['registry', 'dossiers'] as const) {
      const key = `${ns}:importErrors.${e.code ?? 'invalid_value'}`;
      if (e.code && i18n.exists(key))
        return t(key as 'registry:importErrors.decision_required', { value: '', firstRow: '', ...(e.params ?? {}) });
    }
    return e.message;
  };
  const template = async () => {
    const tpl = await call('registry:template', {});
    downloadBase64(tpl.fileName, XLSX_MIME, tpl.contentBase64);
  };
  const needsChoice = (s: SectorReview) => s.match === null && !choices[keyOf(s)];

  return (
    <Stack maw={1240} gap="lg">
      <PageTitle title={t('registry:title')} />
      <RegistryNav />
      <Text>{t('registry:importPage.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack>
          <Button variant="light" w="fit-content" onClick={() => void template()}>
            {t('registry:importPage.template')}
          </Button>
          <FileInput
            label={t('registry:importPage.file')}
            accept=".xlsx"
            value={file}
            onChange={(f) => {
              setFile(f);
              setResult(null);
              setSectors(null);
              m.reset();
            }}
            clearable
            w={420}
          />
          <Radio.Group
            label={t('registry:importPage.onDuplicate')}
            value={onDuplicate}
            onChange={(v) => setOnDuplicate(v as 'skip' | 'update')}
          >
            <Group mt="xs">
              <Radio value="skip" label={t('registry:importPage.skip')} />
              <Radio value="update" label={t('registry:importPage.update')} />
            </Group>
          </Radio.Group>
          <Group>
            <Button variant="default" disabled={!file} loading={m.isPending} onClick={() => void go(true)}>
              {t('registry:importPage.check')}
            </Button>
            <Button
              disabled={!file || (shownSectors?.some(needsChoice) ?? false)}
              loading={m.isPending}
              onClick={() => void go(false)}
            >
              {t('registry:importPage.run')}
            </Button>
          </Group>
          {m.isPending && <Text aria-live="polite">{t('registry:importPage.working')}</Text>}
        </Stack>
      </Paper>

      {result && (
        <Alert
          color={result.dryRun ? 'blue' : 'green'}
          title={
            result.dryRun
              ? t('registry:importPage.checked')
              : result.importId === null
                ? t('registry:importPage.nothing')
                : t('registry:importPage.done')
          }
        >
          <Stack gap="xs">
            <Text data-testid="import-summary">{t('registry:importPage.summary', result)}</Text>
            <Text>{t('registry:importPage.linked', { count: result.linked })}</Text>
            {result.unlinked.length > 0 && (
              <>
                <Text>{t('registry:importPage.unlinked', { count: result.unlinked.length })}</Text>
                <List size="sm">
                  {result.unlinked.slice(0, 10).map((u) => (
                    <List.Item key={u.row}>
                      {u.row}: {u.product} — {u.producer}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Alert>
      )}

      {failure && !invalid && <ErrorAlert error={failure} />}
      {m.error && !failure && <ErrorAlert error={m.error} />}
      {rowErrors.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} c="red.8" mb="sm" role="alert">
            {t('registry:importPage.errorsTitle', { count: invalid?.total ?? rowErrors.length })}
          </Text>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('registry:importPage.colSheet')}</Table.Th>
                <Table.Th>{t('registry:importPage.colRow')}</Table.Th>
                <Table.Th>{t('registry:importPage.colColumn')}</Table.Th>
                <Table.Th>{t('registry:importPage.colProblem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rowErrors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.sheet}</Table.Td>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{problem(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      {shownSectors && shownSectors.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h4">
            {t('registry:importPage.sectors')}
          </Title>
          <Text c="dimmed" mb="sm">
            {t('registry:importPage.sectorsIntro')}
          </Text>
          <Table withTableBorder verticalSpacing="sm" data-testid="sector-review">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('registry:importPage.colText')}</Table.Th>
                <Table.Th>{t('registry:importPage.colBasis')}</Table.Th>
                <Table.Th>{t('registry:importPage.colRows')}</Table.Th>
                <Table.Th w={130}>{t('registry:importPage.colHow')}</Table.Th>
                <Table.Th>{t('registry:importPage.colClass')}</Table.Th>
                <Table.Th>{t('registry:importPage.colNhom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownSectors.map((s) => {
                const k = keyOf(s);
                const chosen = choices[k];
                const open = s.match === null || s.status === 'keyword' || chosen !== undefined;
                const nganh = chosen?.nganhNo ?? s.match?.nganhNo ?? null;
                const nhoms = tree.nganh.find((n) => n.no === nganh)?.nhom.map((x) => x.name) ?? [];
                const candidates = s.candidates.length ? [...new Set(s.candidates.map((c) => c.nganhNo))] : NGANH_NOS;
                return (
                  <Table.Tr key={k} bg={needsChoice(s) ? 'yellow.1' : undefined}>
                    <Table.Td fw={600}>{s.text}</Table.Td>
                    <Table.Td>{s.legalBasis}</Table.Td>
                    <Table.Td>{s.rows}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={s.match === null ? 'orange' : s.status === 'keyword' ? 'blue' : 'green'}
                        styles={WRAPPING_BADGE}
                      >
                        {t(`registry:importPage.how.${chosen ? 'confirmed' : s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {open ? (
                        <Select
                          aria-label={t('registry:importPage.chooseNganh', { text: s.text })}
                          data={(s.match === null ? candidates : NGANH_NOS).map((n) => ({
                            value: n,
                            label: `${n}. ${t(`stats:sectors.${n}`)}`,
                          }))}
                          value={nganh}
                          onChange={(v) => v && setChoices((c) => ({ ...c, [k]: { nganhNo: v, nhom: null } }))}
                          w={260}
                          comboboxProps={{ width: 420 }}
                        />
                      ) : (
                        `${s.match!.nganhNo}. ${t(`stats:sectors.${s.match!.nganhNo}`)}`
                      )}
                    </Table.Td>
                    <Table.Td>
                      {open && nganh ? (
                        <Select
                          aria-label={t('registry:importPage.chooseNhom', { text: s.text })}
                          data={[
                            { value: NO_NHOM, label: t('registry:importPage.nhomUnknown') },
                            ...nhoms.map((n) => ({ value: n, label: n })),
                          ]}
                          value={(chosen ? chosen.nhom : s.match?.nhom) ?? NO_NHOM}
                          onChange={(v) =>
                            setChoices((c) => ({ ...c, [k]: { nganhNo: nganh, nhom: v === NO_NHOM || !v ? null : v } }))
                          }
                          w={260}
                          comboboxProps={{ width: 420 }}
                        />
                      ) : s.match?.nhom ? (
                        nhomKey(s.match.nhom) ? (
                          t(nhomKey(s.match.nhom) as 'stats:nhom.n1')
                        ) : (
                          s.match.nhom
                        )
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
