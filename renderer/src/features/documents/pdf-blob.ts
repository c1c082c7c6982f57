/** A PDF the core sent as base64, as bytes (for the pdf.js preview and saving). */
export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** A blob URL the download link can use; revoke it when done. */
export function pdfBlobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}

/** A PDF printed on this screen, ready to preview and save. */
export interface PrintedPdf {
  bytes: Uint8Array;
  fileName: string;
  pages: number;
  /** A whole-session batch: the desktop shell copies it from the data folder instead of the bytes. */
  batchJobId?: string;
}
