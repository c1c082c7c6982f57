import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconRubberStamp } from '@tabler/icons-react';
import { useState } from 'react';
import type { IssueOutput } from '../../../../shared/api/channels/document-register';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { useApiMutation } from '../../api/hooks';
import { base64ToBytes } from '../../components/file-io';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import type { PrintedPdf } from './pdf-blob';
import type { PrintRun } from './use-print';

const KINDS = ['minutes', 'summary', 'decision', 'certificate'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Biên bản, bảng tổng hợp, dự thảo quyết định and giấy chứng nhận of the chosen session: each can
 * be previewed at any time; once the session is finalized it can be issued (recorded in the
 * register, which locks the details it prints).
 */
export function SessionDocumentsPanel({
  sessionId,
  results,
  run,
  onPrinted,
}: {
  sessionId: number;
  results: SessionResults | undefined;
  run: PrintRun;
  onPrinted: (p: PrintedPdf) => void;
}) {
  const { t } = useT();
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Kind | null>(null);
  const recognised = (results?.products ?? []).filter((p) => p.recognised && p.status === 'complete');
  const finalized = results?.finalization != null;
  const issue = useApiMutation('documents:issue', {
    onSuccess: (r: IssueOutput) => {
      notifications.show({
        color: 'green',
        message: t(r.reissued ? 'documents:screen.reissued' : 'documents:screen.issued', { id: r.entry.id }),
      });
      if (r.pdfBase64) onPrinted({ bytes: base64ToBytes(r.pdfBase64), fileName: r.entry.fileName, pages: r.entry.pages });
      setConfirm(null);
    },
  });
  const input = (k: Kind) => ({
    sessionId,
    kind: k,
    ...(k === 'certificate' && registrationId ? { registrationId: Number(registrationId) } : {}),
  });
  const unavailable = (k: Kind) =>
    run.busy !== null ||
    (k === 'certificate' && registrationId === null) ||
    (k !== 'minutes' && k !== 'summary' && recognised.length === 0);
  return (
    <Stack gap="md">
      {recognised.length > 0 && (
        <Select
          label={t('documents:screen.product')}
          placeholder={t('documents:screen.productPlaceholder')}
          data={recognised.map((p) => ({ value: String(p.registrationId), label: `${p.productName} — ${p.finalStar}★` }))}
          value={registrationId}
          onChange={setRegistrationId}
          w={480}
          size="md"
        />
      )}
      {results && recognised.length === 0 && <Text c="gray.7">{t('documents:screen.noRecognised')}</Text>}
      {results && !finalized && (
        <Text c="gray.8" fz="md">
          {t('documents:screen.issueNeedsFinal')}
        </Text>
      )}
      <Stack gap="sm" role="group" aria-label={t('documents:screen.kinds')}>
        {KINDS.map((k: Kind) => (
          // One group per document: its preview button, and "Phát hành" named by the group (never a
          // second button whose name contains the document's).
          <Group key={k} gap="sm" role="group" aria-label={t(`documents:screen.${k}`)}>
            <Button
              size="md"
              w={250}
              leftSection={<IconFileText />}
              loading={run.busy === k}
              disabled={unavailable(k)}
              onClick={() => run.print(k, input(k))}
            >
              {t(`documents:screen.${k}`)}
            </Button>
            {finalized && (
              <Button
                size="md"
                variant="light"
                leftSection={<IconRubberStamp />}
                disabled={unavailable(k) || issue.isPending}
                title={t('documents:screen.issueHelp')}
                onClick={() => {
                  issue.reset();
                  setConfirm(k);
                }}
              >
                {t('documents:screen.issue')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {finalized && (
        <Text c="gray.8" fz="md">
          {t('documents:screen.issueNeedsDecision')}
        </Text>
      )}
      {confirm && (
        <Modal
          opened
          onClose={() => setConfirm(null)}
          title={t('documents:screen.issueTitle', { name: t(`documents:screen.${confirm}`) })}
          size="lg"
        >
          <Stack gap="md">
            <Text>{t('documents:screen.issueBody')}</Text>
            {issue.error && <ErrorAlert error={issue.error} />}
            {issue.error && (
              <Alert color="gray" styles={{ message: { fontSize: 16 } }}>
                {t('documents:screen.issueNeedsDecision')}
              </Alert>
            )}
            <Group justify="flex-end" gap="md">
              <Button variant="default" size="md" onClick={() => setConfirm(null)}>
                {t('documents:settingsPanel.cancel')}
              </Button>
              <Button
                size="md"
                leftSection={<IconRubberStamp />}
                loading={issue.isPending}
                onClick={() => issue.mutate(input(confirm))}
              >
                {t('documents:screen.issueConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
