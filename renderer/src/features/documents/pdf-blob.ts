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
