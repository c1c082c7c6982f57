import { Alert, Anchor, Button, FileInput, Group, List, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportResult, ImportRowError } from '../../../../shared/api/channels/dossiers-fields';
import { ApiError, call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { downloadBase64, fileToBase64 } from './file-io';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk import from the XLSX template: check first (dry run), then import; row errors in a table. */
export function ImportPage() {
  const { t, i18n } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = useApiMutation('dossiers:import', { invalidates: ['registrations:list', 'rounds:list', 'producers:list', 'products:list'], onSuccess: setResult });
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    run.mutate({ contentBase64: await fileToBase64(file), fileName: file.name, onDuplicate, dryRun });
  };
  const template = async () => {
    const tpl = await call('dossiers:template', {});
    downloadBase64(tpl.fileName, XLSX, tpl.contentBase64);
  };
  const invalid = run.error instanceof ApiError && run.error.code === 'IMPORT_INVALID' ? (run.error.details as { errors: ImportRowError[]; total: number }) : null;
  const problem = (e: ImportRowError) => {
    const key = `dossiers:importErrors.${e.code ?? 'invalid_value'}`;
    return e.code && i18n.exists(key) ? t(key as 'dossiers:importErrors.required', { value: '', firstRow: '', ...(e.params ?? {}) }) : e.message;
  };
  const counts = (entity: 'producers' | 'products' | 'registrations', r: ImportResult) => t('dossiers:import.summary', { entity: t(`dossiers:import.${entity}`), ...r[entity] });

  return (
    <Stack maw={1180} gap="lg">
      <Anchor component={Link} to="/dossiers">
        ← {t('dossiers:actions.back')}
      </Anchor>
      <Title order={2}>{t('dossiers:import.title')}</Title>
      <Text>{t('dossiers:import.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack>
          <Button variant="light" w="fit-content" onClick={() => void template()}>
            {t('dossiers:import.template')}
          </Button>
          <FileInput label={t('dossiers:import.file')} accept=".xlsx" value={file} onChange={setFile} w={460} clearable data-testid="import-file" />
          <Radio.Group label={t('dossiers:import.onDuplicate')} value={onDuplicate} onChange={(v) => setOnDuplicate(v as 'skip' | 'update')}>
            <Group mt="xs">
              <Radio value="skip" label={t('dossiers:import.skip')} />
              <Radio value="update" label={t('dossiers:import.update')} />
            </Group>
          </Radio.Group>
          <Group>
            <Button variant="default" disabled={!file} loading={run.isPending} onClick={() => void go(true)}>
              {t('dossiers:import.check')}
            </Button>
            <Button disabled={!file} loading={run.isPending} onClick={() => void go(false)}>
              {t('dossiers:import.run')}
            </Button>
            {run.isPending && <Text c="dimmed">{t('dossiers:import.working')}</Text>}
          </Group>
        </Stack>
      </Paper>
      {result && (
        <Alert color="green" title={result.dryRun ? t('dossiers:import.checked') : t('dossiers:import.done')} role="status">
          <List>
            <List.Item>{counts('producers', result)}</List.Item>
            <List.Item>{counts('products', result)}</List.Item>
            <List.Item>{counts('registrations', result)}</List.Item>
            {result.roundsCreated.length > 0 && <List.Item>{t('dossiers:import.roundsCreated', { rounds: result.roundsCreated.map((r) => `${r.number}/${r.year}`).join(', ') })}</List.Item>}
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
      {run.error && !invalid && <ErrorAlert error={run.error} />}
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
