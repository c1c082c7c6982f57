/**
 * PAdES baseline B-B signing of a PDF (ETSI EN 319 142-1): a signature field appended as an
 * incremental update, /SubFilter /ETSI.CAdES.detached, the CMS of cms/cades.ts over the whole
 * file but the /Contents hole, the claimed signing time in /M. A second signer signs the result
 * the same way, so the first signature keeps covering exactly the bytes it signed.
 */
import crypto from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { buildCadesDetached } from '../cms/cades';
import type { SigningKey } from '../keys/signing-key';
import { buildAppearance, type Rect, type VisibleSignature } from './appearance';
import { openForUpdate, touch, writeUpdate, PdfStructureError, type UpdateTarget } from './incremental';
import { pdfDate, pdfTextString } from './pdf-syntax';

export interface SignPdfOptions {
  key: SigningKey;
  /** The claimed signing time (/M); the visible info line shows the same instant. */
  signingTime: Date;
  /** The field's name, unique in the document (ASCII, no dots), e.g. "secretary-1". */
  fieldName: string;
  reason?: string;
  location?: string;
  /** Where and what to draw; null = an invisible signature. Page index 0-based. */
  appearance?: (VisibleSignature & { pageIndex: number }) | null;
}

export interface SignedPdf {
  pdf: Uint8Array;
  /** [offset1, length1, offset2, length2] of the signed bytes. */
  byteRange: [number, number, number, number];
  /** SHA-256 of the signed bytes, hex. */
  contentDigest: string;
  /** Bytes of the CMS actually used inside the /Contents placeholder. */
  cmsLength: number;
  /** The widget rectangle on the page (absent for an invisible signature). */
  rect: Rect | null;
}

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/** Room for the CMS: the certificates it embeds, the signature and the attributes, with margin. */
export function contentsSize(key: SigningKey): number {
  const certs = key.certificate.der.length + key.chain.reduce((n, c) => n + c.length, 0);
  return Math.max(8192, Math.ceil((certs + 4096) / 1024) * 1024);
}

/** Signs `pdf` with `opts.key`; answers the signed file (the input bytes, then the update). */
export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<SignedPdf> {
  if (!/^[A-Za-z0-9_-]{1,64}$/u.test(opts.fieldName))
    throw new Error(`signPdf: field name ${JSON.stringify(opts.fieldName)} must be ASCII letters, digits, - or _`);
  const t = await openForUpdate(pdf);
  const ctx = t.doc.context;
  if (existingFieldNames(t).has(opts.fieldName))
    throw new PdfStructureError(
      `The PDF already has a field named ${JSON.stringify(opts.fieldName)}; it was signed in this role already`,
    );

  const pages = t.doc.getPages();
  const pageIndex = opts.appearance ? opts.appearance.pageIndex : pages.length - 1;
  const page = pages[pageIndex];
  if (!page) throw new PdfStructureError(`The PDF has ${pages.length} page(s); there is no page ${pageIndex + 1} to sign on`);

  // The signature dictionary is written by hand below; its number is reserved now.
  const sigRef = ctx.nextRef();
  let rect: Rect | null = null;
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(opts.fieldName),
    V: sigRef,
    F: 4,
    P: page.ref,
    Rect: [0, 0, 0, 0],
  });
  if (opts.appearance) {
    const ap = await buildAppearance(t.doc, opts.appearance);
    rect = ap.rect;
    widget.set(PDFName.of('Rect'), ctx.obj(ap.rect.map((n) => Math.round(n * 100) / 100)));
    widget.set(PDFName.of('AP'), ctx.obj({ N: ap.ref }));
  }
  const widgetRef = ctx.register(widget);
  addToPageAnnots(t, page.ref, page.node, widgetRef);
  addToAcroForm(t, widgetRef);

  const size = contentsSize(opts.key);
  const entries = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${'0'.repeat(size * 2)}>`,
    `/M (${pdfDate(opts.signingTime)})`,
    `/Name ${pdfTextString(opts.key.certificate.commonName)}`,
    ...(opts.reason ? [`/Reason ${pdfTextString(opts.reason)}`] : []),
    ...(opts.location ? [`/Location ${pdfTextString(opts.location)}`] : []),
    '/Prop_Build << /App << /Name /OCOP#20Council >> >>',
  ];
  const body = `<< ${entries.join(' ')} >>`;
  const written = writeUpdate(t, new Map([[sigRef.tag, { ref: sigRef, body }]]));
  const out = Buffer.from(written.bytes);
  const objStart = written.rawOffsets.get(sigRef.tag)! + `${sigRef.objectNumber} ${sigRef.generationNumber} obj\n`.length;
  const contentsStart = objStart + body.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + size * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new PdfStructureError('The signed PDF would exceed 9.9 GB');
  out.write(rangeText, objStart + body.indexOf('/ByteRange ') + '/ByteRange '.length, 'latin1');

  const hash = crypto.createHash('sha256');
  hash.update(out.subarray(0, contentsStart));
  hash.update(out.subarray(contentsEnd));
  const digest = hash.digest();
  const cms = await buildCadesDetached(digest, opts.key);
  if (cms.length > size)
    throw new Error(`signPdf: the signature (${cms.length} bytes) is larger than the space reserved for it (${size} bytes)`);
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return { pdf: new Uint8Array(out), byteRange, contentDigest: digest.toString('hex'), cmsLength: cms.length, rect };
}

/** Names of every form field of the document (fully qualified names are not needed: signature fields are top-level). */
function existingFieldNames(t: UpdateTarget): Set<string> {
  const names = new Set<string>();
  const acro = t.doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acro?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; fields && i < fields.size(); i++) {
    const f = fields.lookupMaybe(i, PDFDict);
    const name = f?.lookupMaybe(PDFName.of('T'), PDFString);
    if (name) names.add(name.decodeText());
  }
  return names;
}

function addToPageAnnots(t: UpdateTarget, pageRef: PDFRef, pageDict: PDFDict, widgetRef: PDFRef): void {
  const raw = pageDict.get(PDFName.of('Annots'));
  if (raw instanceof PDFRef) {
    t.doc.context.lookup(raw, PDFArray).push(widgetRef);
    touch(t, raw);
  } else if (raw instanceof PDFArray) {
    raw.push(widgetRef);
    touch(t, pageRef);
  } else {
    pageDict.set(PDFName.of('Annots'), t.doc.context.obj([widgetRef]));
    touch(t, pageRef);
  }
}

function addToAcroForm(t: UpdateTarget, fieldRef: PDFRef): void {
  const ctx = t.doc.context;
  const catalog = t.doc.catalog;
  const catalogRef = ctx.trailerInfo.Root as PDFRef;
  const raw = catalog.get(PDFName.of('AcroForm'));
  let acro: PDFDict;
  if (raw instanceof PDFRef) {
    acro = ctx.lookup(raw, PDFDict);
    touch(t, raw);
  } else if (raw instanceof PDFDict) {
    acro = raw;
    touch(t, catalogRef);
  } else {
    acro = ctx.obj({ Fields: [] });
    catalog.set(PDFName.of('AcroForm'), ctx.register(acro));
    touch(t, catalogRef);
  }
  const fields = acro.get(PDFName.of('Fields'));
  if (fields instanceof PDFRef) {
    ctx.lookup(fields, PDFArray).push(fieldRef);
    touch(t, fields);
  } else if (fields instanceof PDFArray) fields.push(fieldRef);
  else acro.set(PDFName.of('Fields'), ctx.obj([fieldRef]));
  // SignaturesExist | AppendOnly: viewers keep later changes as incremental updates.
  acro.set(PDFName.of('SigFlags'), ctx.obj(3));
}
