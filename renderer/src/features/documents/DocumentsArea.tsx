import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { SessionDocumentKind } from '../../../../shared/api/channels/documents';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { DocumentSettingsPanel } from './DocumentSettingsPanel';
import { pdfBlobUrl } from './pdf-blob';

type PrintKind = Exclude<SessionDocumentKind, 'sheet'>;
const KINDS: readonly PrintKind[] = ['minutes', 'summary', 'decision', 'certificate'];

interface Printed {
  url: string;
  fileName: string;
  pages: number;
}

/** "Văn bản": choose a session, print one of its documents, preview it and download the PDF. */
export function DocumentsArea() {
  const { t } = useT();
  const list = useApiQuery('sessions:list', {});
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const [busy, setBusy] = useState<PrintKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const sid = sessionId === null ? null : Number(sessionId);
  const results = useApiQuery('results:session', { sessionId: sid ?? 1 }, { enabled: sid !== null });
  const recognised = sid !== null ? (results.data?.products ?? []).filter((p) => p.recognised && p.status === 'complete') : [];

  // A blob URL holds the PDF in memory until revoked: free it when a new one replaces it.
  useEffect(() => () => (printed ? URL.revokeObjectURL(printed.url) : undefined), [printed]);

  const sessions = [...(list.data ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));

  async function print(kind: PrintKind) {
    if (sid === null) return;
    setBusy(kind);
    setError(null);
    try {
      const doc = await call('documents:render', { sessionId: sid, kind, ...(kind === 'certificate' && registrationId ? { registrationId: Number(registrationId) } : {}) });
      setPrinted({ url: pdfBlobUrl(doc.pdfBase64), fileName: doc.fileName, pages: doc.pages });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack maw={1180} gap="lg">
      <Title order={2}>{t('documents:screen.title')}</Title>
      <Text>{t('documents:screen.intro')}</Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && sessions.length === 0 && <Text c="gray.7">{t('documents:screen.noSessions')}</Text>}
      <Group align="flex-end" gap="md">
        <Select
          label={t('documents:screen.session')}
          placeholder={t('documents:screen.sessionPlaceholder')}
          data={sessions.map((s) => ({ value: String(s.id), label: `${dateText(s.date)} — ${s.title || s.number} — ${s.councilName}` }))}
          value={sessionId}
          onChange={(v) => {
            setSessionId(v);
            setRegistrationId(null);
            setPrinted(null);
            setError(null);
          }}
          w={560}
          size="md"
          searchable
        />
        {sid !== null && recognised.length > 0 && (
          <Select
            label={t('documents:screen.product')}
            placeholder={t('documents:screen.productPlaceholder')}
            data={recognised.map((p) => ({ value: String(p.registrationId), label: `${p.productName} — ${p.finalStar}★` }))}
            value={registrationId}
            onChange={setRegistrationId}
            w={420}
            size="md"
          />
        )}
      </Group>
      {sid !== null && results.data && !results.data.finalization && (
        <Alert color="yellow" styles={{ message: { fontSize: 16 } }}>
          {t('documents:screen.notFinalized')}
        </Alert>
      )}
      {sid !== null && results.data && recognised.length === 0 && <Text c="gray.7">{t('documents:screen.noRecognised')}</Text>}
      {results.isError && <ErrorAlert error={results.error} />}
      {sid !== null && (
        <Group gap="sm" role="group" aria-label={t('documents:screen.kinds')}>
          {KINDS.map((k) => (
            <Button
              key={k}
              size="md"
              leftSection={<IconFileText />}
              loading={busy === k}
              disabled={busy !== null || (k === 'certificate' && registrationId === null) || (k !== 'minutes' && k !== 'summary' && recognised.length === 0)}
              onClick={() => void print(k)}
            >
              {t(`documents:screen.${k}`)}
            </Button>
          ))}
        </Group>
      )}
      {busy && <Text>{t('documents:screen.printing')}</Text>}
      {error !== null && <ErrorAlert error={error} />}
      {printed && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('documents:screen.preview', { name: printed.fileName, pages: printed.pages })}</Text>
            <Button component="a" href={printed.url} download={printed.fileName} size="md" variant="light" leftSection={<IconDownload />}>
              {t('documents:screen.download')}
            </Button>
          </Group>
          <iframe src={printed.url} title={t('documents:screen.previewFrame')} style={{ width: '100%', height: 720, border: '1px solid #ced4da' }} />
        </Stack>
      )}
      {sid !== null && <DocumentSettingsPanel sessionId={sid} />}
    </Stack>
  );
}
