/**
 * Browser-side file helpers, the same in Electron's window and behind the HTTP bridge: the core
 * sends and receives file contents as base64 in JSON, and the browser saves through a download.
 */

/** base64 → bytes (the core sends files as base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** base64 of a file's bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Saves content through the browser's download. */
export function downloadBlob(fileName: string, data: BlobPart, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadBase64 = (fileName: string, mimeType: string, base64: string): void =>
  downloadBlob(fileName, base64ToBytes(base64), mimeType);

/** A pretty-printed UTF-8 JSON file. */
export const downloadJson = (fileName: string, value: unknown): void =>
  downloadBlob(fileName, `${JSON.stringify(value, null, 2)}\n`, 'application/json');

/** A file the core produced as text or base64 (criteria exports). */
export const downloadFile = (file: { fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }): void =>
  file.encoding === 'base64'
    ? downloadBase64(file.fileName, file.mimeType, file.content)
    : downloadBlob(file.fileName, file.content, file.mimeType);
