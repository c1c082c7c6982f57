import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { SavePdfResult } from '../../shared/api/bridge';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import type { Logger } from '../core/api';
import { batchFileOf } from '../core/documents/batch/batch-jobs';
import { askSavePath } from './dialogs';

/**
 * The second, narrow IPC channel: saving a PDF the app printed where the user chooses, with the
 * system's save dialog (the browser host downloads instead). The renderer sends either the bytes
 * of a document (up to 64 MiB) or the id of a finished batch, whose PDF main copies from the data
 * folder's exports (a 100+ MB batch never crosses IPC). Main picks the path; the page never names
 * a path on disk, so it cannot write anywhere the user did not choose.
 */
export const SAVE_PDF_CHANNEL = 'ocop:savePdf';
export type SavePdfChannelName = typeof SAVE_PDF_CHANNEL;

export const MAX_SAVE_BYTES = 64 * 1024 * 1024;
/** What the core names its PDFs: ASCII, no folders ("bien-ban-phien-12.pdf"). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.pdf$/u;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

export interface SavePdfOptions {
  isAppUrl: (url: string) => boolean;
  /** The data folder's exports (where finished batches are). */
  exportsDir: string;
  window: () => BrowserWindow | null;
  /** The dialog's title in the user's language. */
  title: () => string;
  log?: Logger;
}

const invalid = (message: string) => fail({ code: 'VALIDATION', message });

/** Checks a request; returns what to write, or the envelope refusing it. */
function parse(
  request: unknown,
  exportsDir: string,
): { fileName: string; bytes: Uint8Array } | { fileName: string; source: string } | Envelope<never> {
  if (typeof request !== 'object' || request === null)
    return invalid('savePdf takes { fileName, bytes } or { fileName, batchJobId }');
  const r = request as Record<string, unknown>;
  if (typeof r.fileName !== 'string' || !FILE_NAME.test(r.fileName)) {
    return invalid(
      `fileName: ${JSON.stringify(String(r.fileName).slice(0, 200))} is not a PDF file name the app gives (letters, digits, . _ - and .pdf, no folders)`,
    );
  }
  const hasBytes = 'bytes' in r;
  const hasJob = 'batchJobId' in r;
  if (hasBytes === hasJob) return invalid('savePdf takes either bytes or batchJobId, not both and not neither');
  if (hasBytes) {
    const bytes = r.bytes;
    if (!(bytes instanceof Uint8Array)) return invalid('bytes: must be a Uint8Array holding the PDF');
    if (bytes.length > MAX_SAVE_BYTES)
      return invalid(
        `bytes: ${bytes.length} bytes is over the ${MAX_SAVE_BYTES}-byte limit; save a large batch by its batchJobId`,
      );
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
      return invalid('bytes: not a PDF (it does not start with %PDF-)');
    return { fileName: r.fileName, bytes };
  }
  if (typeof r.batchJobId !== 'string' || !JOB_ID.test(r.batchJobId))
    return invalid('batchJobId: not a batch id; use the jobId documents:batchStart answered');
  const source = path.join(exportsDir, batchFileOf(r.batchJobId));
  if (!fs.existsSync(source))
    return fail({
      code: 'NOT_FOUND',
      message: `batchJobId: the batch ${r.batchJobId} has no finished PDF (not done yet, or removed); print the batch again`,
    });
  return { fileName: r.fileName, source };
}

export function registerSavePdf(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  opts: SavePdfOptions,
): { dispose: () => void } {
  const log = opts.log ?? ((msg, err) => console.error(`[ocop-main] ${msg}`, err ?? ''));
  const handler = async (event: IpcMainInvokeEvent, request: unknown): Promise<Envelope<SavePdfResult>> => {
    // The same rule as ocop:invoke: only the main frame of the app's own page.
    const frame = event.senderFrame;
    const url = frame?.url ?? '';
    if (!frame || frame.parent !== null || !opts.isAppUrl(url)) {
      log(`refused a save from ${JSON.stringify(url)}`);
      return fail({
        code: 'FORBIDDEN_SENDER',
        message: `Saving is accepted only from the app's own page; refused a call from ${JSON.stringify(url || '(no frame)')}`,
      });
    }
    const what = parse(request, opts.exportsDir);
    if ('ok' in what) return what;
    const target = await askSavePath(opts.window(), {
      title: opts.title(),
      defaultPath: what.fileName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (target === null) return ok({ saved: false, path: null });
    try {
      if ('bytes' in what) await fs.promises.writeFile(target, what.bytes);
      else await fs.promises.copyFile(what.source, target);
    } catch (e) {
      log(`saving ${target} failed`, e);
      return fail({
        code: 'IO',
        message: `Cannot write ${target}: ${e instanceof Error ? e.message : String(e)}; choose another folder`,
      });
    }
    return ok({ saved: true, path: target });
  };
  ipcMain.handle(SAVE_PDF_CHANNEL, handler);
  return { dispose: () => ipcMain.removeHandler(SAVE_PDF_CHANNEL) };
}
