import type { ComponentProps } from 'react';
import { LazyBoundary, lazyNamed } from './lazy';

// pdf.js (about 1 MB of code, and its worker) is loaded the first time a PDF is shown.
const PdfViewer = lazyNamed(() => import('./PdfViewer'), 'PdfViewer');

/** PdfViewer, loaded on first use (see lazy.tsx). */
export function LazyPdfViewer(props: ComponentProps<typeof PdfViewer>) {
  return (
    <LazyBoundary minHeight={props.height ?? 300}>
      <PdfViewer {...props} />
    </LazyBoundary>
  );
}
