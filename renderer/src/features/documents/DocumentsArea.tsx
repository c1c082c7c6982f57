import { Alert, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { BatchPanel } from './BatchPanel';
import { DocumentSettingsPanel } from './DocumentSettingsPanel';
import type { PrintedPdf } from './pdf-blob';
import { PrintedPreview } from './PrintedPreview';
import { RegisterPage } from './RegisterPage';
import { VerifyPage } from './VerifyPage';
import { SessionDocumentsPanel } from './SessionDocumentsPanel';
import { SheetPrintPanel } from './SheetPrintPanel';
import { SignaturePanel } from './SignaturePanel';
import { usePrint } from './use-print';

/**
 * "Văn bản": print a session's documents (and issue them once finalized), the register of issued
 * documents, and checking a document (verify). One route each, tabs to move between them.
 */
export function DocumentsArea() {
  const { t } = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const part = location.pathname.endsWith('/register') ? 'register' : location.pathname.endsWith('/verify') ? 'verify' : 'print';
  return (
    <Stack maw={1180} gap="lg">
      <Tabs value={part} onChange={(v) => void navigate(v === 'print' ? '/documents' : `/documents/${v}`)}>
        <Tabs.List aria-label={t('documents:screen.areaTabs')}>
          <Tabs.Tab value="print" fz="md">
            {t('documents:screen.areaPrint')}
          </Tabs.Tab>
          <Tabs.Tab value="register" fz="md">
            {t('documents:screen.areaRegister')}
          </Tabs.Tab>
          <Tabs.Tab value="verify" fz="md">
            {t('documents:screen.areaVerify')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="*" element={<PrintPage />} />
      </Routes>
    </Stack>
  );
}

/** Choose a session, then print its documents, one member's sheet or a blank one, or every sheet at once. */
function PrintPage() {
  const { t } = useT();
  const list = useApiQuery('sessions:list', {});
  // "Văn bản của phiên họp" links from the session, results and dossier pages arrive with ?session=<id>.
  const [params] = useSearchParams();
  const [sessionId, setSessionId] = useState<string | null>(params.get('session'));
  // Each printed document gets its own serial: the preview (pdf.js view, save button and its "saved
  // to" line) starts afresh for it instead of carrying the previous one's state.
  const [printed, setPrintedState] = useState<{ pdf: PrintedPdf; serial: number } | null>(null);
  const setPrinted = useCallback((pdf: PrintedPdf) => setPrintedState((x) => ({ pdf, serial: (x?.serial ?? 0) + 1 })), []);
  const clearPrinted = useCallback(() => setPrintedState(null), []);
  const run = usePrint(setPrinted, clearPrinted);
  const sid = sessionId === null ? null : Number(sessionId);
  const results = useApiQuery('results:session', { sessionId: sid ?? 1 }, { enabled: sid !== null });
  const sessions = [...(list.data ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));

  return (
    <Stack gap="lg">
      <Title order={2}>{t('documents:screen.title')}</Title>
      <Text>{t('documents:screen.intro')}</Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && sessions.length === 0 && <Text c="gray.7">{t('documents:screen.noSessions')}</Text>}
      <Select
        label={t('documents:screen.session')}
        placeholder={t('documents:screen.sessionPlaceholder')}
        data={sessions.map((s) => ({
          value: String(s.id),
          label: `${dateText(s.date)} — ${s.title || s.number} — ${s.councilName}`,
        }))}
        value={sessionId}
        onChange={(v) => {
          setSessionId(v);
          clearPrinted();
          run.reset();
        }}
        // Date, title and council name are long: the whole width, so the choice reads in full.
        w="100%"
        size="md"
        searchable
      />
      {sid !== null && results.data && !results.data.finalization && (
        <Alert color="yellow" styles={{ message: { fontSize: 16 } }}>
          {t('documents:screen.notFinalized')}
        </Alert>
      )}
      {results.isError && <ErrorAlert error={results.error} />}
      {sid !== null && (
        // Keyed by session: choosing another session starts each panel afresh.
        <Tabs key={sid} defaultValue="session" keepMounted>
          <Tabs.List aria-label={t('documents:screen.tabs')}>
            <Tabs.Tab value="session" fz="md">
              {t('documents:screen.tabSession')}
            </Tabs.Tab>
            <Tabs.Tab value="sheets" fz="md">
              {t('documents:screen.tabSheets')}
            </Tabs.Tab>
            <Tabs.Tab value="batch" fz="md">
              {t('documents:screen.tabBatch')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="session" pt="md">
            <Stack gap="lg">
              <SessionDocumentsPanel sessionId={sid} results={results.data} run={run} onPrinted={setPrinted} />
              {results.data?.finalization && <SignaturePanel sessionId={sid} />}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="sheets" pt="md">
            <SheetPrintPanel sessionId={sid} results={results.data} run={run} />
          </Tabs.Panel>
          <Tabs.Panel value="batch" pt="md">
            <BatchPanel sessionId={sid} onPrinted={setPrinted} onStarted={clearPrinted} />
          </Tabs.Panel>
        </Tabs>
      )}
      {run.busy && <Text role="status">{t('documents:screen.printing')}</Text>}
      {run.error !== null && <ErrorAlert error={run.error} />}
      {printed && <PrintedPreview key={`printed-${printed.serial}`} printed={printed.pdf} />}
      {sid !== null && <DocumentSettingsPanel sessionId={sid} />}
    </Stack>
  );
}
