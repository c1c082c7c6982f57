import { Image, Modal, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../api/client';
import { useT } from '../i18n/useT';
import { ErrorAlert } from './ErrorAlert';
import { LazyPdfViewer } from './PdfViewerLazy';

/** What the viewer needs of an evidence file (dossiers' Attachment and scoring's context both have it). */
export interface ViewableFile {
  id: number;
  originalName: string;
  mime: string;
}

/**
 * Shows one evidence file of a dossier inside the app, in a dialog: a PDF page by page, an image
 * inline, any other type with a note that it cannot be shown. The file is fetched through
 * `attachments:content` and never leaves the app. Used by the dossier's evidence list and
 * beside the scoring sheet.
 */
export function EvidenceViewer({
  file,
  title,
  noPreview,
  onClose,
}: {
  file: ViewableFile;
  title: string;
  noPreview: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    call('attachments:content', { id: file.id }).then(
      (r) => !cancelled && setBytes(Uint8Array.from(atob(r.contentBase64), (c) => c.charCodeAt(0))),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [file.id]);
  const isPdf = file.mime === 'application/pdf';
  const isImage = file.mime.startsWith('image/');
  const url = useMemo(
    () => (bytes && isImage ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: file.mime })) : null),
    [bytes, isImage, file.mime],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <Modal opened onClose={onClose} title={title} size="80%">
      {error ? <ErrorAlert error={error} /> : null}
      {!bytes && !error && <Text>{t('common:loading')}</Text>}
      {bytes && isPdf && <LazyPdfViewer bytes={bytes} />}
      {url && <Image src={url} alt={file.originalName} fit="contain" mah="75vh" />}
      {bytes && !isPdf && !isImage && <Text>{noPreview}</Text>}
    </Modal>
  );
}
