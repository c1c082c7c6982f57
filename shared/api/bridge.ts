import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './envelope';

/** What the preload exposes as `window.ocop` (type-only: the preload imports nothing at run time). */
export interface OcopBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  /** Desktop only: the system's save dialog for a printed PDF (bytes, or a finished batch by id). */
  savePdf?(request: SavePdfRequest): Promise<Envelope<SavePdfResult>>;
  /** Desktop only: the core's change events (meeting-room devices saving); returns the unsubscribe. */
  watchChanges?(listener: (e: LiveEvent) => void): () => void;
  /** Desktop only: native dialogs for backup files (save a copy, restore from a file, export the archive). */
  backupFile?(request: BackupFileRequest): Promise<Envelope<BackupFileResult>>;
}

/** What changed on the host (electron/core/events.ts CoreEvent): the channel, never the data. */
export interface LiveEvent {
  channel: string;
  sessionId: number | null;
  at: string;
  source: 'device' | 'local';
}

export type BackupFileRequest =
  { action: 'saveCopy'; name?: string } | { action: 'pickRestoreFile' } | { action: 'exportArchive' };
export interface BackupFileResult {
  /** false when the user cancelled the dialog. */
  done: boolean;
  path: string | null;
  /** exportArchive: how many files the archive holds. */
  files?: number;
}

export type SavePdfRequest = { fileName: string; bytes: Uint8Array } | { fileName: string; batchJobId: string };
export interface SavePdfResult {
  /** false when the user cancelled the dialog. */
  saved: boolean;
  path: string | null;
}
