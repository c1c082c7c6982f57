import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsHorizontal, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
/** null = fit the width of the viewer. */
type Zoom = number | null;

/**
 * Renders one page at a time of a PDF held in memory (evidence and printed documents never leave
 * the app): a 20,000-page batch opens as fast as a one-page certificate, since pdf.js parses
 * pages lazily and only the page shown is drawn. Page buttons, PageUp/PageDown (and Home/End)
 * while the viewer has focus, zoom steps or fit-to-width.
 */
export function PdfViewer({ bytes, height }: { bytes: Uint8Array; height?: number }) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  // Both remember which bytes they belong to, so a new document starts unloaded on page 1.
  const [loaded, setLoaded] = useState<{ bytes: Uint8Array; doc: pdfjs.PDFDocumentProxy } | null>(null);
  const [at, setAt] = useState<{ bytes: Uint8Array; page: number }>({ bytes, page: 1 });
  const doc = loaded?.bytes === bytes ? loaded.doc : null;
  const page = at.bytes === bytes ? at.page : 1;
  const setPage = (p: number) => setAt({ bytes, page: p });
  const [zoom, setZoom] = useState<Zoom>(null);
  const [scale, setScale] = useState(1);
  const [width, setWidth] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const task = pdfjs.getDocument({ data: bytes.slice() });
    task.promise.then(
      (d) => !cancelled && setLoaded({ bytes, doc: d }),
      (e: unknown) => !cancelled && setError(String(e)),
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [bytes]);

  // Fit-to-width follows the viewer's width (window resized, side panel opened).
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: pdfjs.RenderTask | null = null;
    let cancelled = false;
    void doc.getPage(page).then((p) => {
      if (cancelled) return;
      const base = p.getViewport({ scale: 1 });
      const s = zoom ?? Math.max(0.25, (width - 24) / base.width);
      setScale(s);
      // Sharp on high-density screens: draw at device pixels, show at CSS pixels.
      const dpr = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: s * dpr });
      const c = canvas.current!;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      c.style.width = `${Math.floor(viewport.width / dpr)}px`;
      c.style.height = `${Math.floor(viewport.height / dpr)}px`;
      task = p.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoom, width]);

  const pages = doc?.numPages ?? 0;
  const go = (n: number) => setPage(Math.min(Math.max(1, n), Math.max(1, pages)));
  const step = (dir: 1 | -1) => {
    const i = ZOOMS.findIndex((z) => (dir > 0 ? z > scale + 0.01 : z >= scale - 0.01));
    const next = dir > 0 ? (ZOOMS[i] ?? ZOOMS.at(-1)!) : (ZOOMS[Math.max(0, (i < 0 ? ZOOMS.length : i) - 1)] ?? ZOOMS[0]);
    setZoom(next);
  };
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { PageDown: page + 1, PageUp: page - 1, Home: 1, End: pages };
    if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key]!);
    }
  };

  if (error) return <Text c="red.8">{error}</Text>;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" size="sm" disabled={page <= 1} onClick={() => go(page - 1)}>
            {t('documents:viewer.prev')}
          </Button>
          <Text data-testid="pdf-page" aria-live="polite" miw={110} ta="center">
            {t('documents:viewer.page', { page, pages: doc ? pages : '…' })}
          </Text>
          <Button variant="default" size="sm" disabled={!doc || page >= pages} onClick={() => go(page + 1)}>
            {t('documents:viewer.next')}
          </Button>
        </Group>
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('documents:viewer.zoomOut')} onClick={() => step(-1)}>
            <IconZoomOut />
          </ActionIcon>
          <Text miw={120} ta="center">
            {t('documents:viewer.zoom', { percent: Math.round(scale * 100) })}
          </Text>
          <ActionIcon variant="default" size="lg" aria-label={t('documents:viewer.zoomIn')} onClick={() => step(1)}>
            <IconZoomIn />
          </ActionIcon>
          <Button
            variant={zoom === null ? 'light' : 'default'}
            size="sm"
            leftSection={<IconArrowsHorizontal />}
            onClick={() => setZoom(null)}
            aria-pressed={zoom === null}
          >
            {t('documents:viewer.fitWidth')}
          </Button>
        </Group>
      </Group>
      <div
        ref={frame}
        role="region"
        aria-label={t('documents:viewer.label')}
        aria-description={t('documents:viewer.keys')}
        tabIndex={0}
        onKeyDown={onKey}
        style={{
          overflow: 'auto',
          maxHeight: height ?? 720,
          background: 'var(--mantine-color-gray-2)',
          padding: 12,
          border: '1px solid var(--mantine-color-gray-4)',
        }}
      >
        <canvas
          ref={canvas}
          data-testid="pdf-canvas"
          style={{ display: 'block', margin: '0 auto', background: 'white', boxShadow: '0 1px 4px rgba(0,0,0,.25)' }}
        />
      </div>
    </Stack>
  );
}
