/** `documents:render`: one document of a session, filled from the database and rendered to PDF. */
import type { DocumentsRenderInput, DocumentsRenderOutput } from '../../../../shared/api/channels/documents';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/text/canonical-json';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { documentFontOptions } from '../document-font';
import { renderDocument, type DocumentRequest } from '../render-document';
import { docRefOf } from '../integrity/doc-ref';
import { printedDecision } from '../register/corrections';
import { sessionDecision, type DecisionRecord } from '../settings/decision-record';
import { certificateForPrint, decisionForPrint, minutesForPrint, summaryForPrint } from '../settings/for-print';
import { loadDocumentFacts, type DocumentFacts } from './document-facts';
import { sheetFromSession } from './sheet-data';
import { blankSheetFromSession } from './session-sheets';

const need = (v: number | undefined, field: 'registrationId' | 'memberId', kind: string): number => {
  if (v === undefined)
    throw new CoreError(
      'VALIDATION',
      `${field}: required to print a ${kind}; choose the ${field === 'memberId' ? 'member' : 'product'}`,
    );
  return v;
};

/** "bien-ban-phien-12.pdf": ASCII names survive every file system and e-mail client. */
const FILE_STEM: Record<DocumentsRenderInput['kind'], string> = {
  minutes: 'bien-ban',
  summary: 'bang-tong-hop',
  sheet: 'phieu-danh-gia',
  'blank-sheet': 'phieu-danh-gia-trang',
  decision: 'du-thao-quyet-dinh',
  certificate: 'giay-chung-nhan',
};

/** A session's document rendered: the PDF bytes and what was printed (the register records it). */
export interface SessionDocument {
  pdf: Buffer;
  fileName: string;
  /** See SessionRequest.inputSha256. */
  inputSha256: string;
  pageCount: number;
  font: DocumentsRenderOutput['font'];
  request: DocumentRequest;
  facts: DocumentFacts;
  /** See SessionRequest.decision. */
  decision?: DecisionRecord | null;
}

/**
 * The creation date written into a session's PDFs: the finalization's time (or the meeting day
 * before finalization), never the clock — issuing the same version again gives the same bytes.
 */
export function pinnedCreationDate(f: DocumentFacts): Date {
  const at = f.results.finalization?.finalizedAt;
  return at ? new Date(at) : new Date(`${f.detail.session.date}T00:00:00+07:00`);
}

/** What a session's document prints (before rendering): its data and its file name. */
export interface SessionRequest {
  request: DocumentRequest;
  fileName: string;
  /** SHA-256 of the canonical JSON of the request: the same hash prints the same text. */
  inputSha256: string;
  /** A decision or certificate: the provincial decision it prints (null: none recorded; the register keeps it). */
  decision?: DecisionRecord | null;
}

export interface RequestOptions {
  /**
   * Lay an issued decision or certificate out with the registry's decision now (a corrected
   * version) instead of the one it printed when issued.
   */
  corrected?: boolean;
}

/** The decision a decision or certificate prints: the one its issued version printed, else the registry's now. */
async function decisionToPrint(
  ctx: CoreContext,
  sessionId: number,
  docRef: string,
  opts: RequestOptions,
): Promise<DecisionRecord | null> {
  const printed = opts.corrected ? undefined : await printedDecision(ctx.db, sessionId, docRef);
  return printed !== undefined ? printed : sessionDecision(ctx.db, sessionId);
}

export async function sessionRequest(
  ctx: CoreContext,
  input: DocumentsRenderInput,
  f: DocumentFacts,
  opts: RequestOptions = {},
): Promise<SessionRequest> {
  let request: DocumentRequest;
  let decision: DecisionRecord | null | undefined;
  const suffix: string[] = [];
  switch (input.kind) {
    case 'minutes':
      request = { kind: 'minutes', data: await minutesForPrint(ctx, f) };
      break;
    case 'summary':
      request = { kind: 'summary', data: await summaryForPrint(ctx, f) };
      break;
    case 'decision':
      decision = await decisionToPrint(ctx, input.sessionId, docRefOf.decision(), opts);
      request = { kind: 'decision', data: await decisionForPrint(ctx, f, decision) };
      break;
    case 'certificate': {
      const reg = need(input.registrationId, 'registrationId', 'certificate');
      decision = await decisionToPrint(ctx, input.sessionId, docRefOf.certificate(reg), opts);
      request = { kind: 'certificate', data: await certificateForPrint(ctx, f, reg, decision) };
      suffix.push(`dk-${reg}`);
      break;
    }
    case 'sheet': {
      const reg = need(input.registrationId, 'registrationId', 'scoring sheet');
      const member = need(input.memberId, 'memberId', 'scoring sheet');
      request = { kind: 'sheet', data: await sheetFromSession(ctx, f, reg, member) };
      suffix.push(`dk-${reg}`, `tv-${member}`);
      break;
    }
    case 'blank-sheet': {
      const reg = need(input.registrationId, 'registrationId', 'blank scoring sheet');
      const prefill = input.prefill ?? true;
      request = {
        kind: 'blank-sheet',
        data: await blankSheetFromSession(ctx, f, { registrationId: reg, memberId: input.memberId, prefill }),
      };
      suffix.push(`dk-${reg}`, ...(prefill && input.memberId !== undefined ? [`tv-${input.memberId}`] : []));
      break;
    }
  }
  return {
    request,
    fileName: [FILE_STEM[input.kind], `phien-${input.sessionId}`, ...suffix].join('-') + '.pdf',
    inputSha256: createHash('sha256').update(canonicalJson(request)).digest('hex'),
    ...(decision !== undefined ? { decision } : {}),
  };
}

export async function renderSessionDocument(
  ctx: CoreContext,
  input: DocumentsRenderInput,
  facts?: DocumentFacts,
  /** The request already built for `input` from `facts` (verify builds it first to look for a kept file). */
  built?: SessionRequest,
  opts: RequestOptions = {},
): Promise<SessionDocument> {
  const f = facts ?? (await loadDocumentFacts(ctx, input.sessionId));
  const { request, fileName, inputSha256, decision } = built ?? (await sessionRequest(ctx, input, f, opts));
  // The font of the settings (Tinos, or the computer's Times New Roman when chosen and installed).
  const r = await renderDocument(request, f.t, { ...(await documentFontOptions(ctx)), createdAt: pinnedCreationDate(f) });
  return {
    pdf: r.pdf,
    fileName,
    inputSha256,
    pageCount: r.pageCount,
    font: { family: r.font.family, fallbackReason: r.font.fallbackReason ?? null },
    request,
    facts: f,
    ...(decision !== undefined ? { decision } : {}),
  };
}

export async function renderFromSession(ctx: CoreContext, input: DocumentsRenderInput): Promise<DocumentsRenderOutput> {
  const d = await renderSessionDocument(ctx, input);
  return { fileName: d.fileName, pdfBase64: d.pdf.toString('base64'), pages: d.pageCount, font: d.font };
}
