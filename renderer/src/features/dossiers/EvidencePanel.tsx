import { Button, FileInput, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/api/channels/dossiers';
import type { Attachment, RegistrationDetail } from '../../../../shared/api/channels/dossiers-fields';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNumberFormat } from '../../i18n/numbers';
import { useT } from '../../i18n/useT';
import { fileToBase64 } from '../../components/file-io';
import { EvidenceViewer } from '../../components/EvidenceViewer';

const LIMIT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/** Evidence files of a dossier: upload (checked for size before sending), list, view, remove. */
export function EvidencePanel({ registration }: { registration: RegistrationDetail }) {
  const { t } = useT();
  const { num } = useNumberFormat();
  const mb = (bytes: number) => num(bytes / 1024 / 1024, { decimals: 1 });
  const [file, setFile] = useState<File | null>(null);
  const [criterion, setCriterion] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const add = useApiMutation('attachments:add', {
    onSuccess: () => {
      setFile(null);
      setNote('');
      toastDone(t('dossiers:evidence.uploaded'));
    },
  });
  const remove = useApiMutation('attachments:remove', {
    onSuccess: () => toastDone(t('dossiers:evidence.removed')),
  });
  const upload = async () => {
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem(t('dossiers:evidence.tooLarge', { name: file.name, size: mb(file.size), limit: LIMIT_MB }));
      return;
    }
    setProblem(null);
    add.mutate({
      registrationId: registration.id,
      criterionCode: criterion,
      fileName: file.name,
      contentBase64: await fileToBase64(file),
      note,
    });
  };
  const frozen = registration.frozen;

  return (
    <Stack>
      {!frozen && (
        <Paper withBorder p="lg">
          <Title order={4} mb="sm">
            {t('dossiers:evidence.add')}
          </Title>
          <Group align="flex-end">
            <FileInput
              label={t('dossiers:evidence.file', { mb: LIMIT_MB })}
              value={file}
              onChange={setFile}
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"
              w={380}
              clearable
              data-testid="evidence-file"
            />
            <TextInput
              label={t('dossiers:evidence.criterion')}
              placeholder={t('dossiers:evidence.wholeDossier')}
              value={criterion ?? ''}
              onChange={(e) => setCriterion(e.currentTarget.value || null)}
              w={160}
            />
            <TextInput
              label={t('dossiers:evidence.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              w={240}
            />
            <Button onClick={() => void upload()} disabled={!file} loading={add.isPending}>
              {t('dossiers:evidence.upload')}
            </Button>
          </Group>
          {problem && (
            <Text c="red" mt="sm" role="alert">
              {problem}
            </Text>
          )}
          {add.error && <ErrorAlert error={add.error} />}
        </Paper>
      )}
      {registration.attachments.length === 0 ? (
        <Text c="dimmed">{t('dossiers:evidence.empty')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossiers:evidence.colName')}</Table.Th>
              <Table.Th>{t('dossiers:evidence.colCriterion')}</Table.Th>
              <Table.Th>{t('dossiers:evidence.colSize')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {registration.attachments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.originalName}
                  {a.note && (
                    <Text size="sm" c="dimmed">
                      {a.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.criterionCode ?? t('dossiers:evidence.wholeDossier')}</Table.Td>
                <Table.Td>{mb(a.size)} MB</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => setViewing(a)}>
                      {t('dossiers:evidence.view')}
                    </Button>
                    {!frozen && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          window.confirm(t('dossiers:evidence.confirmRemove', { name: a.originalName })) &&
                          remove.mutate({ id: a.id })
                        }
                      >
                        {t('dossiers:evidence.remove')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {viewing && (
        <EvidenceViewer
          file={viewing}
          title={t('dossiers:evidence.viewer', { name: viewing.originalName })}
          noPreview={t('dossiers:evidence.noPreview')}
          onClose={() => setViewing(null)}
        />
      )}
    </Stack>
  );
}
