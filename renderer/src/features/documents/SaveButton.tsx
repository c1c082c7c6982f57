import { Button, Text } from '@mantine/core';
import { IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { pdfBlobUrl, type PrintedPdf } from './pdf-blob';

/**
 * Saving a printed PDF: in the desktop app the system's save dialog (window.ocop.savePdf; a batch
 * is copied by main from the data folder, so 100+ MB never crosses IPC); in the browser host a
 * download link.
 */
export function SaveButton({ printed }: { printed: PrintedPdf }) {
  const save = typeof window !== 'undefined' ? window.ocop?.savePdf : undefined;
  return save ? <DesktopSave printed={printed} save={save} /> : <DownloadLink printed={printed} />;
}

function DownloadLink({ printed }: { printed: PrintedPdf }) {
  const { t } = useT();
  const url = useMemo(() => pdfBlobUrl(printed.bytes), [printed.bytes]);
  // A blob URL holds the PDF in memory until revoked: free it when the document changes.
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Button component="a" href={url} download={printed.fileName} size="md" variant="light" leftSection={<IconDownload />}>
      {t('documents:screen.download')}
    </Button>
  );
}

function DesktopSave({ printed, save }: { printed: PrintedPdf; save: NonNullable<NonNullable<Window['ocop']>['savePdf']> }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    const env = await save(
      printed.batchJobId
        ? { fileName: printed.fileName, batchJobId: printed.batchJobId }
        : { fileName: printed.fileName, bytes: printed.bytes },
    );
    setBusy(false);
    if (!env.ok) setError(new ApiError(env.error));
    else if (env.value.saved) setSavedTo(env.value.path);
  }
  return (
    <>
      <Button size="md" variant="light" leftSection={<IconDeviceFloppy />} loading={busy} onClick={() => void run()}>
        {t('documents:screen.save')}
      </Button>
      {savedTo && <Text role="status">{t('documents:screen.saved', { path: savedTo })}</Text>}
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
}
