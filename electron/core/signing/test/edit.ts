/** An edit appended to a signed PDF as an incremental update (what a tamperer's tool would do): text drawn on page 1. */
import { PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { openForUpdate, touch, writeUpdate } from '../pdf/incremental';

export async function appendPageEdit(pdf: Uint8Array, text = 'DA SUA'): Promise<Uint8Array> {
  const t = await openForUpdate(pdf);
  const page = t.doc.getPages()[0]!;
  const resources = page.node.get(PDFName.of('Resources'));
  if (resources instanceof PDFRef) touch(t, resources);
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) touch(t, contents);
  touch(t, page.ref);
  const font = await t.doc.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 100, y: 500, size: 30, font });
  await font.embed();
  return writeUpdate(t).bytes;
}
