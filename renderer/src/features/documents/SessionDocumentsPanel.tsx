import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconRubberStamp } from '@tabler/icons-react';
import { useState } from 'react';
import type { IssueOutput } from '../../../../shared/api/channels/document-register';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { formatDateVi } from '../../../../shared/ocop/format-vi';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
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
  /** A corrected version to issue (after a correction in the registry): the document and its product. */
  const [correcting, setCorrecting] = useState<{
    kind: 'decision' | 'certificate';
    registrationId: number | null;
    title: string;
  } | null>(null);
  const recognised = (results?.products ?? []).filter((p) => p.recognised && p.status === 'complete');
  const finalized = results?.finalization != null;
  const corrections = useApiQuery('documents:corrections', { sessionId }, { enabled: finalized });
  const issue = useApiMutation('documents:issue', {
    onSuccess: (r: IssueOutput) => {
      notifications.show({
        color: 'green',
        message:
          r.entry.correctionOf !== null && !r.reissued
            ? t('documents:screen.issuedCorrected', { id: r.entry.id, of: r.entry.correctionOf })
            : t(r.reissued ? 'documents:screen.reissued' : 'documents:screen.issued', { id: r.entry.id }),
      });
      setCorrecting(null);
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
  const pending = corrections.data?.pending ?? [];
  const byId = new Map((corrections.data?.corrections ?? []).map((c) => [c.id, c]));
  // The same correction made on each of the session's entries (one decision for the session) is listed once.
  const shown = new Map<string, { text: string; entries: number }>();
  for (const id of new Set(pending.flatMap((p) => p.corrections))) {
    const c = byId.get(id);
    if (!c) continue;
    const text = t('documents:screen.correctionItem', {
      changes: c.changes.map((x) => `${x.from || '—'} → ${x.to || '—'}`).join('; '),
      by: c.correctedBy,
      date: formatDateVi(vnToday(new Date(c.correctedAt))),
      reason: c.reason,
    });
    shown.set(text, { text, entries: (shown.get(text)?.entries ?? 0) + 1 });
  }
  return (
    <Stack gap="md">
      {pending.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={t('documents:screen.correctionsTitle')}
          styles={{ message: { fontSize: 16 } }}
        >
          <Stack gap="xs">
            <Text size="md">{t('documents:screen.correctionsBody')}</Text>
            <List size="md" spacing={2}>
              {[...shown.values()].map((c) => (
                <List.Item key={c.text}>
                  {c.text}
                  {c.entries > 1 ? ` (${t('documents:screen.correctionEntries', { count: c.entries })})` : ''}
                </List.Item>
              ))}
            </List>
            {pending.map((p) => (
              <Group key={p.issueId} gap="sm" justify="space-between" wrap="nowrap">
                <Text size="md">
                  {t('documents:screen.pendingItem', {
                    title: p.title,
                    number: p.number ? ` số ${p.number}` : '',
                    date: formatDateVi(vnToday(new Date(p.issuedAt))),
                  })}
                </Text>
                <Button
                  size="sm"
                  variant="filled"
                  style={{ flexShrink: 0 }}
                  leftSection={<IconRubberStamp size={18} />}
                  disabled={issue.isPending || run.busy !== null}
                  aria-label={`${t('documents:screen.issueCorrected')}: ${p.title}`}
                  onClick={() => {
                    issue.reset();
                    setCorrecting({ kind: p.kind, registrationId: p.registrationId, title: p.title });
                  }}
                >
                  {t('documents:screen.issueCorrected')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
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
      {correcting && (
        <Modal
          opened
          onClose={() => setCorrecting(null)}
          title={t('documents:screen.issueCorrectedTitle', { name: correcting.title })}
          size="lg"
        >
          <Stack gap="md">
            <Text>{t('documents:screen.issueCorrectedBody')}</Text>
            {issue.error && <ErrorAlert error={issue.error} />}
            <Group justify="flex-end" gap="md">
              <Button variant="default" size="md" onClick={() => setCorrecting(null)}>
                {t('documents:settingsPanel.cancel')}
              </Button>
              <Button
                size="md"
                leftSection={<IconRubberStamp />}
                loading={issue.isPending}
                onClick={() =>
                  issue.mutate({
                    sessionId,
                    kind: correcting.kind,
                    ...(correcting.registrationId !== null ? { registrationId: correcting.registrationId } : {}),
                    corrected: true,
                  })
                }
              >
                {t('documents:screen.issueCorrected')}
              </Button>
            </Group>
          </Stack>
        </Modal>
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
