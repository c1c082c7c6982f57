/**
 * The preload of the sandboxed window. It exposes `window.ocop.invoke`, that forwards
 * `{ channel, input }` to main on the contract's IPC channel and resolves with the envelope, and
 * `window.ocop.savePdf`, the save dialog for a printed PDF (main validates and writes). `ipcRenderer` itself is never exposed: a page holding it could call any IPC channel
 * or listen to any message.
 *
 * Sandboxed preloads may `require` only 'electron': everything else imported here is type-only
 * (erased by the build; preload.test.ts checks the source and the bundle is checked after build).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  BackupFileRequest,
  BackupFileResult,
  LiveEvent,
  OcopBridge,
  SavePdfRequest,
  SavePdfResult,
} from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/envelope';
import type { ErrorCode } from '../../shared/api/errors';
import type { InvokeChannelName, InvokeRequest } from '../main/ipc';
import type { LiveEventChannelName } from '../main/room-host';
import type { SavePdfChannelName } from '../main/save-pdf';
import type { BackupFileChannelName } from '../main/backup-files';

/** Checked against main's constant by the type system (InvokeChannelName is its literal type). */
const INVOKE_CHANNEL: InvokeChannelName = 'ocop:invoke';
const SAVE_PDF_CHANNEL: SavePdfChannelName = 'ocop:savePdf';
const LIVE_EVENT_CHANNEL: LiveEventChannelName = 'ocop:event';
const BACKUP_FILE_CHANNEL: BackupFileChannelName = 'ocop:backupFile';

/** `area:verb`, as every contract channel is named; main checks the exact list. */
const CHANNEL_NAME = /^[a-z][a-zA-Z0-9]*:[a-z][a-zA-Z0-9]*$/;
const MAX_CHANNEL_LENGTH = 100;

const refuse = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

async function invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || channel.length > MAX_CHANNEL_LENGTH || !CHANNEL_NAME.test(channel)) {
    return refuse(
      'UNKNOWN_CHANNEL',
      `Channel names look like "area:verb"; got ${typeof channel === 'string' ? JSON.stringify(channel.slice(0, MAX_CHANNEL_LENGTH)) : typeof channel}`,
    );
  }
  const request: InvokeRequest = { channel, input: input ?? {} };
  try {
    return (await ipcRenderer.invoke(INVOKE_CHANNEL, request)) as Envelope<unknown>;
  } catch (e) {
    // Input that cannot be cloned (a function, a DOM node) or a main process that is shutting
    // down: still an envelope, so the renderer has one error path.
    return refuse(
      'INTERNAL',
      `The call ${channel} did not reach the application core: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Passes the request as it is: main checks the file name, the bytes and the batch id. */
async function savePdf(request: SavePdfRequest): Promise<Envelope<SavePdfResult>> {
  try {
    return (await ipcRenderer.invoke(SAVE_PDF_CHANNEL, request)) as Envelope<SavePdfResult>;
  } catch (e) {
    return refuse('INTERNAL', `Saving did not reach the application: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The core's change events (what changed, never the data): the scoring hub refreshes itself. */
function watchChanges(listener: (e: LiveEvent) => void): () => void {
  const forward = (_e: unknown, event: LiveEvent) => listener(event);
  ipcRenderer.on(LIVE_EVENT_CHANNEL, forward);
  return () => void ipcRenderer.removeListener(LIVE_EVENT_CHANNEL, forward);
}

/** Backup files: main shows the native dialog and calls the core on the chosen path. */
async function backupFile(request: BackupFileRequest): Promise<Envelope<BackupFileResult>> {
  try {
    return (await ipcRenderer.invoke(BACKUP_FILE_CHANNEL, request)) as Envelope<BackupFileResult>;
  } catch (e) {
    return refuse('INTERNAL', `The backup request did not reach the application: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const bridge: OcopBridge = { invoke: invoke as OcopBridge['invoke'], savePdf, watchChanges, backupFile };
contextBridge.exposeInMainWorld('ocop', bridge);
