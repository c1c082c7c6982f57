import { Alert, Button, FileInput, Group, List, Paper, Progress, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportResult, ImportRowError } from '../../../../shared/api/channels/dossiers-fields';
import type { ImportJobStatus } from '../../../../shared/api/channels/dossiers-import-job';
import { ApiError, call } from '../../api/client';
import { useApiMutation, useApiQuery, useInvalidateAfter } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNumberFormat } from '../../i18n/numbers';
import { useT } from '../../i18n/useT';
import { DossiersNav } from './DossiersNav';
import { downloadBase64, fileToBase64 } from '../../components/file-io';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const finished = (s: ImportJobStatus | undefined): boolean =>
  s !== undefined && (s.phase === 'done' || s.phase === 'failed' || s.phase === 'cancelled');
const running = (s: ImportJobStatus | undefined): boolean => s !== undefined && !finished(s);

/**
 * Bulk import from the XLSX template: check first (dry run), then import. The import runs as a
 * job in the core; this page polls it every 200 ms and shows the phase with counts, and can
 * cancel it before the write. Row errors in a table.
 */
export function ImportPage() {
  const { t, i18n } = useT();
  const invalidateAfter = useInvalidateAfter();
  const [file, setFile] = useState<File | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useApiMutation('dossiers:importStart', { onSuccess: (r) => setJobId(r.jobId) });
  const cancel = useApiMutation('dossiers:importCancel');
  const job = useApiQuery(
    'dossiers:importStatus',
    { jobId: jobId ?? 'imp-0' },
    { enabled: jobId !== null, refetchInterval: (q) => (finished(q.state.data) ? false : 200) },
  );
  const status = jobId !== null ? job.data : undefined;
  const busy = start.isPending || running(status);
  const result: ImportResult | null = status?.phase === 'done' ? status.result : null;
  useEffect(() => {
    // The job wrote what a direct import writes: the same queries are stale.
    if (status?.phase === 'done' && !status.dryRun) void invalidateAfter('dossiers:import');
  }, [status?.phase, status?.dryRun, invalidateAfter]);
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setJobId(null);
    start.mutate({ contentBase64: await fileToBase64(file), fileName: file.name, onDuplicate, dryRun });
  };
  const template = async () => {
    const tpl = await call('dossiers:template', {});
    downloadBase64(tpl.fileName, XLSX, tpl.contentBase64);
  };
  const failure =
    start.error ??
    (status?.phase === 'failed' && status.error ? new ApiError(status.error as ConstructorParameters<typeof ApiError>[0]) : null);
  const invalid =
    failure?.code === 'IMPORT_INVALID' ? { errors: failure.details?.errors ?? [], total: failure.details?.total ?? 0 } : null;
  const problem = (e: ImportRowError) => {
    const rule = e.code === 'kind_rule' ? e.params?.rule : undefined;
    const ruleKey = `dossiers:importKindRules.${rule}`;
    if (rule && i18n.exists(ruleKey))
      return t(ruleKey as 'dossiers:importKindRules.expiry_required', { value: '', column: '', kind: '', ...(e.params ?? {}) });
    const key = `dossiers:importErrors.${e.code ?? 'invalid_value'}`;
    return e.code && i18n.exists(key)
      ? t(key as 'dossiers:importErrors.required', { value: '', firstRow: '', ...(e.params ?? {}) })
      : e.message;
  };
  const counts = (entity: 'producers' | 'products' | 'registrations', r: ImportResult) =>
    t('dossiers:import.summary', { entity: t(`dossiers:import.${entity}`), ...r[entity] });

  return (
    <Stack maw={1180} gap="lg">
      <Title order={2}>{t('dossiers:import.title')}</Title>
      <DossiersNav />
      <Text>{t('dossiers:import.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack>
          <Button variant="light" w="fit-content" onClick={() => void template()}>
            {t('dossiers:import.template')}
          </Button>
          <FileInput
            label={t('dossiers:import.file')}
            accept=".xlsx"
            value={file}
            onChange={setFile}
            w={460}
            clearable
            data-testid="import-file"
          />
          <Radio.Group
            label={t('dossiers:import.onDuplicate')}
            value={onDuplicate}
            onChange={(v) => setOnDuplicate(v as 'skip' | 'update')}
          >
            <Group mt="xs">
              <Radio value="skip" label={t('dossiers:import.skip')} />
              <Radio value="update" label={t('dossiers:import.update')} />
            </Group>
          </Radio.Group>
          <Group>
            <Button variant="default" disabled={!file || busy} onClick={() => void go(true)}>
              {t('dossiers:import.check')}
            </Button>
            <Button disabled={!file || busy} onClick={() => void go(false)}>
              {t('dossiers:import.run')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {status && running(status) && (
        <ImportProgress
          status={status}
          onCancel={() => cancel.mutate({ jobId: status.jobId })}
          cancelling={cancel.isPending || status.cancelRequested}
        />
      )}
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {status?.phase === 'cancelled' && (
        <Alert color="gray" role="status">
          {t('dossiers:import.cancelled')}
        </Alert>
      )}
      {result && (
        <Alert color="green" title={result.dryRun ? t('dossiers:import.checked') : t('dossiers:import.done')} role="status">
          <List>
            <List.Item>{counts('producers', result)}</List.Item>
            <List.Item>{counts('products', result)}</List.Item>
            <List.Item>{counts('registrations', result)}</List.Item>
            {result.roundsCreated.length > 0 && (
              <List.Item>
                {t('dossiers:import.roundsCreated', {
                  rounds: result.roundsCreated.map((r) => `${r.number}/${r.year}`).join(', '),
                })}
              </List.Item>
            )}
          </List>
        </Alert>
      )}
      {invalid && (
        <Paper withBorder p="lg">
          <Text c="red" fw={600} mb="sm" role="alert">
            {t('dossiers:import.errorsTitle', { count: invalid.total })}
          </Text>
          <Table striped withTableBorder data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers:import.colSheet')}</Table.Th>
                <Table.Th>{t('dossiers:import.colRow')}</Table.Th>
                <Table.Th>{t('dossiers:import.colColumn')}</Table.Th>
                <Table.Th>{t('dossiers:import.colProblem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invalid.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.sheet ?? '—'}</Table.Td>
                  <Table.Td>{e.row ?? '—'}</Table.Td>
                  <Table.Td>{e.column ?? '—'}</Table.Td>
                  <Table.Td>{problem(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {failure && !invalid && <ErrorAlert error={failure} />}
      {result && result.duplicates.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={4} mb="xs">
            {t('dossiers:import.duplicates')}
          </Title>
          <Table>
            <Table.Tbody>
              {result.duplicates.map((d, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{d.sheet}</Table.Td>
                  <Table.Td>{d.row}</Table.Td>
                  <Table.Td>{d.action === 'skip' ? t('dossiers:import.skip') : t('dossiers:import.update')}</Table.Td>
                  <Table.Td>#{d.existingId}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** The running job: its phase in words, a bar (rows validated of all rows; striped while reading or writing) and Cancel until the write. */
function ImportProgress({
  status,
  onCancel,
  cancelling,
}: {
  status: ImportJobStatus;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { t } = useT();
  const { num } = useNumberFormat();
  const number = { format: (n: number) => num(n, { decimals: 0 }) };
  const phase = status.phase as 'parse' | 'validate' | 'write';
  const percent = phase === 'validate' && status.total > 0 ? Math.round((status.done / status.total) * 100) : 100;
  const label =
    phase === 'parse'
      ? t('dossiers:import.phase.parse')
      : phase === 'validate'
        ? t('dossiers:import.phase.validate', { done: number.format(status.done), total: number.format(status.total) })
        : t('dossiers:import.phase.write', { total: number.format(status.total) });
  return (
    <Paper withBorder p="lg" data-testid="import-progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} aria-live="polite">
            {label}
          </Text>
          {phase !== 'write' && (
            <Button variant="default" color="red" onClick={onCancel} disabled={cancelling}>
              {cancelling ? t('dossiers:import.cancelling') : t('dossiers:import.cancel')}
            </Button>
          )}
        </Group>
        <Progress value={percent} size="xl" striped={phase !== 'validate'} animated={phase !== 'validate'} aria-label={label} />
        {status.rows && (
          <Text size="sm" c="dimmed">
            {t('dossiers:import.rowsFound', {
              producers: number.format(status.rows.producers),
              products: number.format(status.rows.products),
              registrations: number.format(status.rows.registrations),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
