import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { canonicalJson } from '../../../../shared/text/canonical-json';
import { FORM_TABLE, MARKER_RE, SHEET_IDS, sheetContent, type SheetMode } from '../builders/scoring-sheet';
import type { DocT } from '../doc-t';
import { loadPdfjs } from '../integrity/pdf-text';
import { ASCENDER } from '../layout/lines';
import { DOC_STYLES, SIZE, SINGLE } from '../layout/styles';
import { A4, DECREE_MARGINS } from '../layout/units';
import { renderPdf, type RenderOptions } from '../render';
import type { ScoringSheetData } from '../types';

/** Where a placeholder is: 1-based page, and the top-left of its text line (pt, from the page's top-left). */
export interface Spot {
  page: number;
  left: number;
  top: number;
}

export interface SheetTemplate {
  /** The template pages (the form with empty boxes and score cells, no page numbers or digest). */
  pdf: Buffer;
  pageCount: number;
  /** Placeholder id → where it is (see SHEET_IDS). */
  spots: Map<string, Spot>;
}

/**
 * What makes two sheets share a template: the same form, the same optional header, and whether
 * a re-scoring line is printed (it adds a line to the heading). Values never change the layout:
 * identification values stay on one line and scores fit their cells.
 */
export function templateKey(d: ScoringSheetData): string {
  return canonicalJson({ form: d.form, setup: d.setup ?? null, rescoring: d.rescoringRound > 0 });
}

function templateDoc(
  sample: ScoringSheetData,
  t: DocT,
  mode: SheetMode,
  onNode?: (id: string, page: number, left: number, top: number) => void,
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: DECREE_MARGINS,
    content: sheetContent(sample, t, mode),
    styles: DOC_STYLES,
    defaultStyle: { fontSize: SIZE.body, lineHeight: SINGLE, color: 'black' },
    info: { title: 'template' },
    ...(onNode
      ? {
          // pdfmake reports node positions only to pageBreakBefore, called for every node after
          // layout; it never asks for a break, so the layout runs once.
          pageBreakBefore: (node: unknown) => {
            const info = node as { id?: string; startPosition?: { pageNumber: number; left: number; top: number } };
            if (info.id && info.startPosition)
              onNode(info.id, info.startPosition.pageNumber, info.startPosition.left, info.startPosition.top);
            return false;
          },
        }
      : {}),
  };
}

/**
 * Lays out a sheet's template with pdfmake and finds its placeholders: the identification lines
 * and the closing marker from pdfmake's node positions (they are outside the table, where those
 * are right), the score cells from the 1-pt markers read back with pdf.js (table rows moved to a
 * new page keep stale positions in pdfmake). The clean template, without markers, is what gets
 * printed; both layouts are the same.
 */
export async function renderSheetTemplate(sample: ScoringSheetData, t: DocT, opts: RenderOptions = {}): Promise<SheetTemplate> {
  const spots = new Map<string, Spot>();
  const marked = await renderPdf(
    templateDoc(sample, t, 'markers', (id, page, left, top) => {
      if (!id.startsWith('s:')) spots.set(id, { page, left, top });
    }),
    opts,
  );
  const pdfjs = await loadPdfjs();
  const loading = pdfjs.getDocument({ data: new Uint8Array(marked), useSystemFonts: false, verbosity: 0 });
  const doc = await loading.promise;
  const pageCount = doc.numPages;
  try {
    for (let p = 1; p <= pageCount; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        for (const m of item.str.matchAll(MARKER_RE)) {
          const baseline = item.transform[5] as number;
          if (m[1] === SHEET_IDS.tail) {
            // The closing part's marker (1 pt, at the text margin): pdfmake's own position for it
            // is stale when the group that holds it moved to the next page.
            spots.set(SHEET_IDS.tail, { page: p, left: DECREE_MARGINS[0], top: A4.height - baseline - ASCENDER });
            continue;
          }
          // Score cells are 12-pt lines: the top is the baseline less the ascender.
          spots.set(m[1]!, {
            page: p,
            left: DECREE_MARGINS[0] + FORM_TABLE.scoreX,
            top: A4.height - baseline - ASCENDER * FORM_TABLE.size - FORM_TABLE.padTop,
          });
        }
      }
      page.cleanup();
    }
  } finally {
    await loading.destroy();
  }
  if (!spots.has('tail'))
    throw new Error('renderSheetTemplate: the layout did not report the placeholders (pdfmake pageBreakBefore)');
  const pdf = await renderPdf(templateDoc(sample, t, 'template'), opts);
  return { pdf, pageCount, spots };
}
