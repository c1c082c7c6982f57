import { useState } from 'react';
import type { DocumentsRenderInput } from '../../../../shared/api/channels/documents';
import type { PrintedPdf } from './pdf-blob';
import { printDocument } from './print-document';

/** Printing one document at a time: which button is busy, the error, and the printed PDF. */
export interface PrintRun {
  busy: string | null;
  error: unknown;
  print: (what: string, input: DocumentsRenderInput) => void;
}

/** `onStart` runs as a print begins: the screen takes the previous document away, so its preview and save button never stand for the new one. */
export function usePrint(onPrinted: (p: PrintedPdf) => void, onStart?: () => void): PrintRun & { reset: () => void } {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const print = (what: string, input: DocumentsRenderInput) => {
    setBusy(what);
    setError(null);
    onStart?.();
    printDocument(input)
      .then(onPrinted, setError)
      .finally(() => setBusy(null));
  };
  return { busy, error, print, reset: () => setError(null) };
}
