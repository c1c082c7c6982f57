/**
 * Incremental updates (ISO 32000-1 §7.5.6): new and changed objects appended after the last
 * %%EOF with their own cross-reference section, leaving every earlier byte — and so every
 * earlier signature — untouched.
 *
 * pdf-lib reads the document (it understands object and cross-reference streams) and builds the
 * new objects; it never saves it (a pdf-lib save rewrites the whole file). This module writes
 * only the objects the caller touched, in the same kind of cross-reference section as the file
 * already uses.
 */
import { PDFDocument, PDFRef, type PDFObject } from 'pdf-lib';

export interface UpdateTarget {
  original: Uint8Array;
  doc: PDFDocument;
  /** Offset of the last cross-reference section (the file's final startxref). */
  prevXref: number;
  /** Whether that section is a cross-reference stream (PDF 1.5+) rather than a table. */
  xrefStream: boolean;
  /** Objects numbered at or above this were created for the update. */
  firstNew: number;
  /** Existing objects the update replaces. */
  changed: Map<string, PDFRef>;
}

export class PdfStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfStructureError';
  }
}

const latin1 = (b: Uint8Array, from = 0, to = b.length) =>
  Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');

/** Where the last cross-reference section starts, its kind, and the trailer's /Size. */
export function lastXref(pdf: Uint8Array): { offset: number; stream: boolean; size: number } {
  const tail = latin1(pdf, Math.max(0, pdf.length - 2048));
  const m = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/gu)].at(-1);
  if (!m) throw new PdfStructureError('The PDF has no startxref … %%EOF at its end (the file is cut short or not a PDF)');
  const offset = Number(m[1]);
  if (!(offset > 0 && offset < pdf.length))
    throw new PdfStructureError(`The PDF's startxref (${offset}) points outside the file`);
  const at = latin1(pdf, offset, Math.min(pdf.length, offset + 64));
  if (at.startsWith('xref')) {
    const trailerAt = latin1(pdf, offset).indexOf('trailer');
    const size =
      trailerAt >= 0
        ? /\/Size\s+(\d+)/u.exec(latin1(pdf, offset + trailerAt, Math.min(pdf.length, offset + trailerAt + 4096)))
        : null;
    if (!size) throw new PdfStructureError('The PDF trailer has no /Size');
    return { offset, stream: false, size: Number(size[1]) };
  }
  if (/^\d+\s+\d+\s+obj/u.test(at)) {
    const head = latin1(pdf, offset, Math.min(pdf.length, offset + 4096));
    const size = /\/Size\s+(\d+)/u.exec(head.slice(0, head.indexOf('stream') >= 0 ? head.indexOf('stream') : head.length));
    if (!size || !/\/Type\s*\/XRef/u.test(head))
      throw new PdfStructureError('The PDF startxref points at an object that is not a cross-reference stream');
    return { offset, stream: true, size: Number(size[1]) };
  }
  throw new PdfStructureError(`The PDF startxref (${offset}) points at neither "xref" nor a cross-reference stream`);
}

/** Loads `pdf` for an incremental update; refuses encrypted files. */
export async function openForUpdate(pdf: Uint8Array): Promise<UpdateTarget> {
  if (latin1(pdf, 0, 5) !== '%PDF-') throw new PdfStructureError('The file is not a PDF (it does not start with %PDF-)');
  const xref = lastXref(pdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    const msg = (e as Error).message;
    if (/encrypt/iu.test(msg))
      throw new PdfStructureError('The PDF is encrypted (password-protected); sign the unprotected file');
    throw new PdfStructureError(`The PDF cannot be read: ${msg}`);
  }
  if (doc.context.trailerInfo.Encrypt)
    throw new PdfStructureError('The PDF is encrypted (password-protected); sign the unprotected file');
  // pdf-lib does not count cross-reference stream objects; /Size does.
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, xref.size - 1);
  return {
    original: pdf,
    doc,
    prevXref: xref.offset,
    xrefStream: xref.stream,
    firstNew: doc.context.largestObjectNumber + 1,
    changed: new Map(),
  };
}

/** Marks an existing object as changed (its new state is written in the update). */
export function touch(t: UpdateTarget, ref: PDFRef): void {
  if (ref.objectNumber < t.firstNew) t.changed.set(ref.tag, ref);
}

function serialise(obj: PDFObject): Uint8Array {
  const out = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(out, 0);
  return out;
}

export interface WrittenUpdate {
  bytes: Uint8Array;
  /** Offset of each object written by hand (`raw`), in `bytes`. */
  rawOffsets: Map<string, number>;
}

/**
 * Appends the update: every object created since `openForUpdate`, every `touch`ed one, and the
 * `raw` objects whose bytes the caller wrote itself (the signature dictionary, whose /Contents
 * offset must be known).
 */
export function writeUpdate(t: UpdateTarget, raw: Map<string, { ref: PDFRef; body: string }> = new Map()): WrittenUpdate {
  const parts: Uint8Array[] = [t.original];
  let offset = t.original.length;
  const push = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(bytes);
    offset += bytes.length;
  };
  const last = t.original[t.original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push('\n');

  const entries: { num: number; gen: number; offset: number }[] = [];
  const rawOffsets = new Map<string, number>();
  const objects: [PDFRef, PDFObject][] = t.doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => (ref.objectNumber >= t.firstNew || t.changed.has(ref.tag)) && !raw.has(ref.tag));
  for (const [ref, obj] of objects) {
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset });
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(serialise(obj));
    push('\nendobj\n');
  }
  for (const [tag, { ref, body }] of raw) {
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset });
    rawOffsets.set(tag, offset);
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n${body}\nendobj\n`);
  }
  const size = Math.max(t.doc.context.largestObjectNumber + 1, ...entries.map((e) => e.num + 1));
  const info = t.doc.context.trailerInfo;
  const trailerKeys = [
    `/Root ${String(info.Root)}`,
    ...(info.Info ? [`/Info ${String(info.Info)}`] : []),
    ...(info.ID ? [`/ID ${String(info.ID)}`] : []),
    `/Prev ${t.prevXref}`,
  ];
  const xrefAt = offset;
  if (!t.xrefStream) {
    push('xref\n');
    for (const run of runs(entries)) {
      push(`${run[0]!.num} ${run.length}\n`);
      for (const e of run) push(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`);
    }
    push(`trailer\n<< /Size ${size} ${trailerKeys.join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  } else {
    // The stream describes itself too (§7.5.8.3: its own entry is in the section it starts).
    const self = { num: size, gen: 0, offset: xrefAt };
    const all = [...entries, self];
    const rows = Buffer.alloc(all.length * 7);
    const ordered = [...all].sort((a, b) => a.num - b.num);
    ordered.forEach((e, i) => {
      rows.writeUInt8(1, i * 7);
      rows.writeUInt32BE(e.offset, i * 7 + 1);
      rows.writeUInt16BE(e.gen, i * 7 + 5);
    });
    const index = runs(ordered).flatMap((r) => [r[0]!.num, r.length]);
    push(
      `${size} 0 obj\n<< /Type /XRef /Size ${size + 1} /W [1 4 2] /Index [${index.join(' ')}] ${trailerKeys.join(' ')} /Length ${rows.length} >>\nstream\n`,
    );
    push(rows);
    push(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  }
  return { bytes: Buffer.concat(parts), rawOffsets };
}

/** Entries grouped into runs of consecutive object numbers (cross-reference subsections). */
function runs<T extends { num: number }>(entries: T[]): T[][] {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const out: T[][] = [];
  for (const e of sorted) {
    const run = out.at(-1);
    if (run && run.at(-1)!.num + 1 === e.num) run.push(e);
    else out.push([e]);
  }
  return out;
}
