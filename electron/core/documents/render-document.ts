/**
 * The documents area's entry point for hosts (channels, CLI): validate a document request,
 * build it and render it. The results area fills the data from the database; this function
 * trusts nothing it is given — every field goes through the zod schemas of types.ts (with NFC).
 */
import { z } from 'zod';
import { nfcDeep } from '../../../shared/text/normalize';
import { CoreError } from '../errors';
import { renderScoringSheetsBatch, type BatchOptions } from './batch/sheet-batch';
import { buildCertificate } from './builders/certificate';
import { buildDecision } from './builders/decision';
import { buildMinutes } from './builders/minutes';
import { buildScoringSheet } from './builders/scoring-sheet';
import { buildSummary } from './builders/summary';
import type { DocT } from './doc-t';
import type { ResolvedFont } from './fonts';
import { renderPdfWithInfo } from './render';
import { CertificateData, DecisionData, MinutesData, ScoringSheetData, SummaryData } from './types';

export const DocumentRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sheet'), data: ScoringSheetData }).strict(),
  z.object({ kind: z.literal('blank-sheet'), data: ScoringSheetData }).strict(),
  z.object({ kind: z.literal('sheets'), data: z.array(ScoringSheetData).min(1) }).strict(),
  z.object({ kind: z.literal('summary'), data: SummaryData }).strict(),
  z.object({ kind: z.literal('minutes'), data: MinutesData }).strict(),
  z.object({ kind: z.literal('decision'), data: DecisionData }).strict(),
  z.object({ kind: z.literal('certificate'), data: CertificateData }).strict(),
]);
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export interface RenderedDocument {
  pdf: Buffer;
  pageCount: number;
  font: ResolvedFont;
}

/** Validates, builds and renders one document (a batch of sheets for kind 'sheets'). */
export async function renderDocument(request: unknown, t: DocT, opts: BatchOptions = {}): Promise<RenderedDocument> {
  const parsed = DocumentRequest.safeParse(nfcDeep(request));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`);
    throw new CoreError('VALIDATION', `Cannot print the document: ${issues.join('; ')}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
    });
  }
  const r = parsed.data;
  switch (r.kind) {
    case 'sheets': {
      const b = await renderScoringSheetsBatch(r.data, t, opts);
      return { pdf: b.pdf, pageCount: b.pageCount, font: b.font };
    }
    case 'sheet':
      return renderPdfWithInfo(buildScoringSheet(r.data, t), opts);
    case 'blank-sheet':
      // A paper sheet: the product (and member) may be pre-filled, the answers never are.
      return renderPdfWithInfo(buildScoringSheet({ ...r.data, answers: null, criterionNotes: {}, opinion: '' }, t), opts);
    case 'summary':
      return renderPdfWithInfo(buildSummary(r.data, t), opts);
    case 'minutes':
      return renderPdfWithInfo(buildMinutes(r.data, t), opts);
    case 'decision':
      return renderPdfWithInfo(buildDecision(r.data, t), opts);
    case 'certificate':
      return renderPdfWithInfo(buildCertificate(r.data, t), opts);
  }
}
