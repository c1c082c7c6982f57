/**
 * Stable error codes crossing the API boundary. The renderer translates `code` with i18next
 * (`errors:<code>`); `message` is the developer-facing English text, also logged.
 * Codes are part of the contract: never rename one, only add.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'BAD_JSON',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'FORBIDDEN_SENDER',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN_STATE',
  'IMMUTABLE',
  'IMPORT_INVALID',
  'DB_NEWER_VERSION',
  'DB_LOCKED',
  'DB_READ_ONLY',
  'IO',
  'INTERNAL',
  'WRONG_PIN',
  // Digital signatures (issue 15): details carry the specifics (token PIN state, certificate problems).
  'KEY_PASSWORD',
  'TOKEN_PIN',
  'TOKEN_LOCKED',
  'TOKEN',
  'CERTIFICATE_REFUSED',
  'WRONG_CODE',
  'RATE_LIMITED',
  'FORBIDDEN_SCOPE',
  // The HTTP bridge (issue 14): a request whose address or headers cannot be decoded.
  'BAD_REQUEST',
  // Disk and file faults (issue 14): the disk (or the chosen place) has no space left.
  'DISK_FULL',
  // View-only mode (issue 14): the data folder cannot be written, so every change is refused.
  'READ_ONLY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

import type { SectorReview } from './channels/registry';

/** One problem with one input field: zod's issues and the core's own field checks alike. */
export interface FieldIssue {
  /** Where in the channel's input, e.g. ['data', 'taxCode']. */
  path: string[];
  message: string;
  /** zod's issue code, or 'custom' for the core's own checks. */
  code: string;
  [extra: string]: unknown;
}

/** One problem of an imported file (the same fields as ImportRowError and CriteriaImportError). */
export interface FileProblem {
  sheet?: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
  params?: Record<string, string | number>;
  /** Criteria files: the criterion the problem is in. */
  criterionCode?: string;
  [extra: string]: unknown;
}

/**
 * The one shape of an error's `details`, whatever the code: an object whose keys each keep one
 * meaning everywhere. Read the keys you know; an area may add its own (typed here when a screen
 * reads them), never a different meaning for a key listed here.
 */
export interface ErrorDetails {
  /** The input field to fix, dotted when nested ('data.taxCode'): VALIDATION, CONFLICT, NOT_FOUND… */
  field?: string;
  /** VALIDATION: every problem, field by field (the first one's path is `field`). */
  issues?: FieldIssue[];
  /** CONFLICT: the record that already holds the value. */
  existingId?: number;
  /** IMPORT_INVALID: the file's problems (a first part when there are many) and how many there are. */
  errors?: FileProblem[];
  total?: number;
  /** A stable word for why, worded by the UI from i18n ('expired', 'unpaired', 'content'…). */
  reason?: string;
  /** RATE_LIMITED: seconds until another attempt is accepted (the meeting-room listener sends it as Retry-After). */
  retryAfterSeconds?: number;
  /** CONFLICT of a job already running: that job. */
  jobId?: string;
  /** The renderer's HTTP transport could not reach the app (never sent by the core). */
  network?: boolean;
  /** registry:import: the sectors of the file's products the secretary must place (IMPORT_INVALID). */
  sectors?: SectorReview[];
  /** councils:setRules: the sessions under way that a change of rules would affect (CONFLICT). */
  sessions?: { number: number; date: string; status: string }[];
  [key: string]: unknown;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}
