/**
 * What evidence files may be: PDF, images the viewer shows inline, and office documents. The
 * type is decided by the file's extension and confirmed by its first bytes, so a renamed
 * executable or a broken download is refused with a message saying what was expected.
 */

type Family = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole';

const BY_EXTENSION: Record<string, { mime: string; family: Family }> = {
  pdf: { mime: 'application/pdf', family: 'pdf' },
  png: { mime: 'image/png', family: 'png' },
  jpg: { mime: 'image/jpeg', family: 'jpeg' },
  jpeg: { mime: 'image/jpeg', family: 'jpeg' },
  gif: { mime: 'image/gif', family: 'gif' },
  webp: { mime: 'image/webp', family: 'webp' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', family: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', family: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', family: 'zip' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', family: 'zip' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', family: 'zip' },
  doc: { mime: 'application/msword', family: 'ole' },
  xls: { mime: 'application/vnd.ms-excel', family: 'ole' },
  ppt: { mime: 'application/vnd.ms-powerpoint', family: 'ole' },
};

export const ALLOWED_EXTENSIONS = Object.keys(BY_EXTENSION);

const startsWith = (b: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function familyOf(b: Uint8Array): Family | null {
  if (startsWith(b, ascii('%PDF-'))) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return null;
}

export const extensionOf = (fileName: string): string => {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
};

export type FileTypeCheck = { ok: true; mime: string } | { ok: false; reason: 'extension' | 'content'; expected: string };

export function checkFileType(fileName: string, content: Uint8Array): FileTypeCheck {
  const ext = extensionOf(fileName);
  const known = BY_EXTENSION[ext];
  if (!known) return { ok: false, reason: 'extension', expected: ALLOWED_EXTENSIONS.join(', ') };
  if (familyOf(content) !== known.family) return { ok: false, reason: 'content', expected: ext.toUpperCase() };
  return { ok: true, mime: known.mime };
}
