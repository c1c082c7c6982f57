import { Alert, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FileProblem } from '../../../../shared/api/errors';
import type { ChannelOutput } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { fileToBase64 } from '../../components/file-io';

type Outcome = ChannelOutput<'criteria:import'>;

/** Picks a JSON or XLSX file, imports it, and shows either the outcome or every error with its place. */
export function ImportCriteriaModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [result, setResult] = useState<Outcome | null>(null);
  const [badType, setBadType] = useState(false);
  const imp = useApiMutation('criteria:import', {
    onSuccess: setResult,
  });

  const pick = async (file: File | null) => {
    if (!file) return;
    setResult(null);
    imp.reset();
    const ext = file.name.toLowerCase().split('.').pop();
    setBadType(ext !== 'json' && ext !== 'xlsx');
    if (ext === 'json') imp.mutate({ format: 'json', content: await file.text(), fileName: file.name });
    else if (ext === 'xlsx') imp.mutate({ format: 'xlsx', content: await fileToBase64(file), fileName: file.name });
  };
  const close = () => {
    setResult(null);
    setBadType(false);
    imp.reset();
    onClose();
  };
  const errors = imp.error instanceof ApiError && imp.error.code === 'IMPORT_INVALID' ? (imp.error.details?.errors ?? []) : null;

  return (
    <Modal opened={opened} onClose={close} title={t('criteria:import.title')} size="xl">
      <Stack>
        <Text>{t('criteria:import.intro')}</Text>
        <FileButton
          onChange={(f) => void pick(f)}
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        >
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={18} />} loading={imp.isPending} w="fit-content">
              {t('criteria:import.choose')}
            </Button>
          )}
        </FileButton>
        {imp.isPending && <Text c="dimmed">{t('criteria:import.reading')}</Text>}
        {badType && <Alert color="red">{t('criteria:import.unsupported')}</Alert>}
        {result && (
          <Alert color="green" icon={<IconCheck />} role="status">
            <Stack gap="xs">
              <Text>
                {t(`criteria:import.${result.outcome}`, { name: result.version.name, version: result.version.version })}
              </Text>
              <Group>
                <Button variant="light" color="green" onClick={() => (close(), navigate(`/criteria/${result.version.id}`))}>
                  {t('criteria:import.openSet')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {errors && <ImportErrors errors={errors} />}
        {imp.isError && !errors && <ErrorAlert error={imp.error} />}
      </Stack>
    </Modal>
  );
}

function ImportErrors({ errors }: { errors: FileProblem[] }) {
  const { t, i18n } = useT();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle />}
      title={t('criteria:import.errorsTitle', { count: errors.length })}
      role="alert"
    >
      <Table verticalSpacing={4} data-testid="criteria-import-errors">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>{t('criteria:import.where')}</Table.Th>
            <Table.Th>{t('criteria:import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => {
            const where = [
              e.sheet && e.row ? t('criteria:import.sheetRow', { sheet: e.sheet, row: e.row }) : e.sheet,
              e.column ? t('criteria:import.column', { column: e.column }) : null,
              e.criterionCode ? t('criteria:import.criterion', { code: e.criterionCode }) : null,
            ]
              .filter(Boolean)
              .join(', ');
            // A translated message when the code has one (its parameters come with the error); else the core's text.
            const key = `criteria:issue.${e.code}`;
            const text =
              e.params && i18n.exists(key)
                ? (i18n.t as (k: string, o: Record<string, unknown>) => string)(key, e.params)
                : e.message;
            return (
              <Table.Tr key={i}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">{where || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{text}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
