import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../render';
import { writePdf } from './pdf-tools';

/** Renders with a fixed creation date (reproducible bytes) and writes the file for poppler. */
export async function renderTo(dir: string, name: string, dd: TDocumentDefinitions): Promise<string> {
  return writePdf(dir, name, await renderPdf(dd, { createdAt: new Date('2026-01-05T08:00:00Z') }));
}
