import type { DocumentsRenderInput } from '../../../../shared/api/channels/documents';
import { call } from '../../api/client';
import { base64ToBytes } from '../../components/file-io';
import type { PrintedPdf } from './pdf-blob';

/** One document of a session through documents:render, ready to preview and save. */
export async function printDocument(input: DocumentsRenderInput): Promise<PrintedPdf> {
  const doc = await call('documents:render', input);
  return { bytes: base64ToBytes(doc.pdfBase64), fileName: doc.fileName, pages: doc.pages };
}
