/** Messages between the batch job runner (main thread) and its worker (batch-worker.ts). */
import type { Lang } from '../../../../shared/i18n/resources';
import type { ErrorCode } from '../../../../shared/api/errors';
import type { FontOptions } from '../fonts';
import type { ScoringSheetData } from '../types';

/** workerData: the sheets as loaded by the main thread (see docs/decisions/0014-*). */
export interface BatchWorkerInput {
  sheets: ScoringSheetData[];
  lang: Lang;
  font: FontOptions;
  /** ISO time written as the PDF's creation date. */
  createdAt: string;
  /** Each sheet starts on a new leaf (blank backs after odd-length sheets) for double-sided printing. */
  newLeaf?: boolean;
}

export type BatchWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** The PDF's bytes, transferred (not copied) to the main thread. */
  | { type: 'done'; pdf: ArrayBuffer; pageCount: number }
  | { type: 'error'; code: ErrorCode; message: string };
