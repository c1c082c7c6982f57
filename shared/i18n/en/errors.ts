import type { Shape } from '../shape';
import type vi from '../vi/errors';

export default {
  VALIDATION: 'Some input is not valid. Please check the highlighted fields.',
  READ_ONLY:
    'View-only mode: the data folder cannot be written (the disk or folder is read-only, or this user may not write there), so this change was not saved; nothing was changed. To work normally: make the data folder writable, or copy it to a writable disk (or use “Save a copy to…” on the Backup screen), and open the app from there again.',
  DISK_FULL:
    'The disk is full, so nothing could be written. Free some space (or choose another disk) and try again; your data was not changed.',
  BAD_REQUEST: 'The request sent to the app could not be read (a damaged address or header). Please try again.',
  BAD_JSON: 'The request sent to the app was damaged. Please try again.',
  UNKNOWN_CHANNEL: 'This action is not supported. Please update the app.',
  UNAUTHORIZED: 'Your session has expired. Please reload the page.',
  FORBIDDEN_SENDER: 'The request did not come from the app and was refused.',
  PAYLOAD_TOO_LARGE: 'The data sent is too large. Please choose a smaller file.',
  UNSUPPORTED_MEDIA_TYPE: 'This data format is not supported.',
  NOT_FOUND: 'The data was not found. It may have been deleted.',
  CONFLICT: 'This duplicates or conflicts with existing data.',
  FORBIDDEN_STATE: 'This cannot be done in the current state.',
  IMMUTABLE: 'This data is already in use and cannot be changed.',
  IMPORT_INVALID: 'The file has errors; nothing was written. See the list of errors below.',
  DB_NEWER_VERSION: 'The database was created by a newer version of the app. Please install the newer version to open it.',
  DB_LOCKED: 'The database is in use by another program. Please close that program and try again.',
  DB_READ_ONLY:
    'The data folder cannot be written: the disk or folder is read-only, or this user may not write there. Make it writable (or copy the data folder to a writable disk and open it from there) and try again; saved data was not changed.',
  IO: 'A file could not be read or written.',
  INTERNAL: 'An unexpected error occurred in the app. The details were logged.',
  WRONG_PIN: 'The PIN is not right. Please try again or ask the secretary to reset it.',
  KEY_PASSWORD: 'The password of the signature file (.p12/.pfx) is not right, or the file is not a signature file. Please check.',
  TOKEN_PIN: 'The USB token PIN is not right. Too many wrong PINs lock the token.',
  TOKEN_LOCKED: 'The USB token is locked after too many wrong PINs. Please ask your certificate provider to unlock it.',
  TOKEN: 'The USB token cannot be used. Please check that it is plugged in and that the provider’s driver is installed.',
  CERTIFICATE_REFUSED: 'This certificate cannot sign (expired, not yet valid, or not meant for signing).',
  WRONG_CODE: "The pairing code is not right or has expired. Type the 6 digits shown on the secretary's screen.",
  RATE_LIMITED: 'Too many wrong attempts. Please wait a few minutes and try again, or ask the secretary.',
  FORBIDDEN_SCOPE: 'This device only scores the paired member’s own sheets; this action is not allowed from it.',
  network: 'Could not reach the application core. Please check that the app is still running.',
} satisfies Shape<typeof vi>;
