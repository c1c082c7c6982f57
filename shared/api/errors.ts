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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
