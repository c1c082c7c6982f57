import { Button, Group, Stack, Text } from '@mantine/core';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders one page at a time of a PDF held in memory (evidence never leaves the app). */
export function PdfViewer({ bytes }: { bytes: Uint8Array }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<pdfjs.PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const task = pdfjs.getDocument({ data: bytes.slice() });
    task.promise.then(
      (d) => !cancelled && setDoc(d),
      (e: unknown) => !cancelled && setError(String(e)),
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: pdfjs.RenderTask | null = null;
    void doc.getPage(page).then((p) => {
      const viewport = p.getViewport({ scale: 1.3 });
      const c = canvas.current!;
      c.width = viewport.width;
      c.height = viewport.height;
      task = p.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport });
      task.promise.catch(() => undefined);
    });
    return () => task?.cancel();
  }, [doc, page]);

  if (error) return <Text c="red">{error}</Text>;
  return (
    <Stack gap="xs" align="center">
      <Group>
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('dossiers:evidence.prev')}
        </Button>
        <Text data-testid="pdf-page">{t('dossiers:evidence.page', { page, pages: doc?.numPages ?? '…' })}</Text>
        <Button variant="default" size="xs" disabled={!doc || page >= doc.numPages} onClick={() => setPage(page + 1)}>
          {t('dossiers:evidence.next')}
        </Button>
      </Group>
      <canvas ref={canvas} data-testid="pdf-canvas" style={{ maxWidth: '100%', border: '1px solid var(--mantine-color-gray-4)' }} />
    </Stack>
  );
}
