/**
 * What was appended after a signature: the objects added or changed by later incremental
 * updates, grouped by kind. A later signature (its dictionary, widget, appearance and the
 * AcroForm/page /Annots entries that reference it) is the expected kind; anything touching page
 * content, other annotations or form fields is named so a reader can judge it.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

export type ChangeKind = 'signature' | 'page-content' | 'annotation' | 'form-field' | 'metadata' | 'other';

const bytesOf = (o: PDFObject): string => {
  const b = new Uint8Array(o.sizeInBytes());
  o.copyBytesInto(b, 0);
  return Buffer.from(b).toString('latin1');
};

function dictWithout(d: PDFDict, keys: string[]): string {
  const copy = d.clone();
  for (const k of keys) copy.delete(PDFName.of(k));
  return bytesOf(copy);
}

/** Refs reachable from `start` (appearance streams: forms, images, fonts and their parts). */
function reachable(doc: PDFDocument, start: PDFObject | undefined, into: Set<string>): void {
  const stack: PDFObject[] = start ? [start] : [];
  for (let n = 0; stack.length && n < 10_000; n++) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (into.has(o.tag)) continue;
      into.add(o.tag);
      const target = doc.context.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFDict) for (const [, v] of o.entries()) stack.push(v);
    else if (o instanceof PDFArray) stack.push(...o.asArray());
    else if (o instanceof PDFStream) stack.push(o.dict);
  }
}

/** Kinds of change between the signed revision `before` and the whole file `after`. */
export function classifyChanges(before: PDFDocument, after: PDFDocument): ChangeKind[] {
  const old = new Map(before.context.enumerateIndirectObjects().map(([r, o]) => [r.tag, o]));
  const changed: [PDFRef, PDFObject][] = after.context
    .enumerateIndirectObjects()
    .filter(([r, o]) => !old.has(r.tag) || bytesOf(old.get(r.tag)!) !== bytesOf(o));
  if (changed.length === 0) return [];

  // Everything that belongs to new signatures: sig dictionaries, their widgets, what the widgets draw.
  const signatureParts = new Set<string>();
  for (const [ref, o] of changed) {
    if (!(o instanceof PDFDict)) continue;
    const isSigWidget =
      o.lookup(PDFName.of('FT')) === PDFName.of('Sig') && o.lookup(PDFName.of('Subtype')) === PDFName.of('Widget');
    if (o.lookup(PDFName.of('Type')) === PDFName.of('Sig')) signatureParts.add(ref.tag);
    if (isSigWidget) {
      signatureParts.add(ref.tag);
      reachable(after, o.get(PDFName.of('AP')), signatureParts);
      const v = o.get(PDFName.of('V'));
      if (v instanceof PDFRef) signatureParts.add(v.tag);
    }
  }
  const pageRefs = new Set(after.getPages().map((p) => p.ref.tag));
  const contentRefs = new Set<string>();
  for (const p of after.getPages()) {
    const c = p.node.get(PDFName.of('Contents'));
    if (c instanceof PDFRef) contentRefs.add(c.tag);
    const arr = c instanceof PDFRef ? after.context.lookup(c) : c;
    if (arr instanceof PDFArray) for (const x of arr.asArray()) if (x instanceof PDFRef) contentRefs.add(x.tag);
  }
  const catalogTag = (after.context.trailerInfo.Root as PDFRef | undefined)?.tag;
  const infoTag = after.context.trailerInfo.Info instanceof PDFRef ? after.context.trailerInfo.Info.tag : null;
  const kinds = new Set<ChangeKind>();
  for (const [ref, o] of changed) {
    if (signatureParts.has(ref.tag)) {
      kinds.add('signature');
      continue;
    }
    const prev = old.get(ref.tag);
    if (pageRefs.has(ref.tag) && o instanceof PDFDict) {
      const onlyAnnots = prev instanceof PDFDict && dictWithout(prev, ['Annots']) === dictWithout(o, ['Annots']);
      kinds.add(onlyAnnots && prev instanceof PDFDict ? annotKind(prev, o, signatureParts, after, before) : 'page-content');
      continue;
    }
    if (contentRefs.has(ref.tag)) {
      kinds.add('page-content');
      continue;
    }
    if (ref.tag === catalogTag && o instanceof PDFDict) {
      const onlyForm = prev instanceof PDFDict && dictWithout(prev, ['AcroForm']) === dictWithout(o, ['AcroForm']);
      kinds.add(onlyForm ? 'signature' : 'other');
      continue;
    }
    if (ref.tag === infoTag || (o instanceof PDFStream && o.dict.lookup(PDFName.of('Type')) === PDFName.of('Metadata'))) {
      kinds.add('metadata');
      continue;
    }
    if (o instanceof PDFDict && o.has(PDFName.of('Fields'))) {
      kinds.add('signature'); // the AcroForm gaining the new signature field
      continue;
    }
    if (o instanceof PDFArray) {
      // An /Annots or /Fields array: a signature when every new entry is part of a signature.
      const prevTags = new Set(prev instanceof PDFArray ? prev.asArray().map((x) => String(x)) : []);
      const added = o.asArray().filter((x) => !prevTags.has(String(x)));
      kinds.add(added.every((x) => x instanceof PDFRef && signatureParts.has(x.tag)) ? 'signature' : 'annotation');
      continue;
    }
    if (o instanceof PDFDict && o.lookup(PDFName.of('Type')) === PDFName.of('Annot')) {
      kinds.add(o.has(PDFName.of('FT')) ? 'form-field' : 'annotation');
      continue;
    }
    if (o instanceof PDFDict && o.has(PDFName.of('FT'))) {
      kinds.add('form-field');
      continue;
    }
    kinds.add(o instanceof PDFStream ? 'page-content' : 'other');
  }
  return [...kinds];
}

/** A page whose /Annots gained entries: a signature when every new entry is a signature widget. */
function annotKind(before: PDFDict, page: PDFDict, signatureParts: Set<string>, doc: PDFDocument, old: PDFDocument): ChangeKind {
  const list = (d: PDFDict, from: PDFDocument) => {
    const raw = d.get(PDFName.of('Annots'));
    const arr = raw instanceof PDFRef ? from.context.lookup(raw) : raw;
    return arr instanceof PDFArray ? arr.asArray().map((x) => String(x)) : [];
  };
  const prev = new Set(list(before, old));
  const added = list(page, doc).filter((x) => !prev.has(x));
  return added.every((x) => signatureParts.has(x)) ? 'signature' : 'annotation';
}
