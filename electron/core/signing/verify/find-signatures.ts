/**
 * The signature fields of a PDF, as a verifier reads them: each field's /V dictionary with its
 * /ByteRange and the raw /Contents. Fields are found through the AcroForm (as Adobe and poppler
 * do), including fields nested under /Kids.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { PdfStructureError } from '../pdf/incremental';

export interface FoundSignature {
  fieldName: string;
  subFilter: string | null;
  byteRange: number[];
  /** The /Contents bytes (the CMS followed by zero padding). */
  contents: Uint8Array;
  /** The /M string (claimed signing time), as written. */
  m: string | null;
  reason: string | null;
  location: string | null;
}

const textOf = (d: PDFDict, key: string): string | null => {
  const v = d.lookup(PDFName.of(key));
  return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null;
};

export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-')
    throw new PdfStructureError('The file is not a PDF (it does not start with %PDF-)');
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    throw new PdfStructureError(`The PDF cannot be read: ${(e as Error).message}`);
  }
}

export function findSignatures(doc: PDFDocument): FoundSignature[] {
  const out: FoundSignature[] = [];
  const acro = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acro?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const visit = (field: PDFDict, prefix: string, depth: number) => {
    if (depth > 20) return;
    const partial = textOf(field, 'T');
    const name = partial === null ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    const ft = field.lookup(PDFName.of('FT'));
    const v = field.lookup(PDFName.of('V'));
    if (ft === PDFName.of('Sig') && v instanceof PDFDict) {
      const range = v.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
      const contents = v.lookup(PDFName.of('Contents'));
      const sub = v.lookup(PDFName.of('SubFilter'));
      out.push({
        fieldName: name,
        subFilter: sub instanceof PDFName ? sub.decodeText() : null,
        byteRange: range ? range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [],
        contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : new Uint8Array(0),
        m: textOf(v, 'M'),
        reason: textOf(v, 'Reason'),
        location: textOf(v, 'Location'),
      });
    }
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookupMaybe(i, PDFDict);
      if (kid) visit(kid, name, depth + 1);
    }
  };
  for (let i = 0; fields && i < fields.size(); i++) {
    const f = fields.lookupMaybe(i, PDFDict);
    if (f) visit(f, '', 0);
  }
  // In file order: the signature covering the fewest bytes was made first.
  return out.sort((a, b) => (a.byteRange[2] ?? 0) + (a.byteRange[3] ?? 0) - ((b.byteRange[2] ?? 0) + (b.byteRange[3] ?? 0)));
}
