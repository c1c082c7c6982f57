/** Browser-side file helpers: the same code works in Electron's window and behind the HTTP bridge. */

/** Saves a file the core produced (text or base64) through the browser's download. */
export function downloadFile(file: { fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }): void {
  const data = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content;
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** base64 of a file's bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
