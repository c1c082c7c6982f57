/** `documents:render`: one document of a session, filled from the database and rendered to PDF. */
import type { DocumentsRenderInput, DocumentsRenderOutput } from '../../../../shared/api/channels/documents';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/text/canonical-json';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { documentFontOptions } from '../document-font';
import { renderDocument, type DocumentRequest } from '../render-document';
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
}

export async function sessionRequest(ctx: CoreContext, input: DocumentsRenderInput, f: DocumentFacts): Promise<SessionRequest> {
  let request: DocumentRequest;
  const suffix: string[] = [];
  switch (input.kind) {
    case 'minutes':
      request = { kind: 'minutes', data: await minutesForPrint(ctx, f) };
      break;
    case 'summary':
      request = { kind: 'summary', data: await summaryForPrint(ctx, f) };
      break;
    case 'decision':
      request = { kind: 'decision', data: await decisionForPrint(ctx, f) };
      break;
    case 'certificate': {
      const reg = need(input.registrationId, 'registrationId', 'certificate');
      request = { kind: 'certificate', data: await certificateForPrint(ctx, f, reg) };
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
  };
}

export async function renderSessionDocument(
  ctx: CoreContext,
  input: DocumentsRenderInput,
  facts?: DocumentFacts,
  /** The request already built for `input` from `facts` (verify builds it first to look for a kept file). */
  built?: SessionRequest,
): Promise<SessionDocument> {
  const f = facts ?? (await loadDocumentFacts(ctx, input.sessionId));
  const { request, fileName, inputSha256 } = built ?? (await sessionRequest(ctx, input, f));
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
  };
}

export async function renderFromSession(ctx: CoreContext, input: DocumentsRenderInput): Promise<DocumentsRenderOutput> {
  const d = await renderSessionDocument(ctx, input);
  return { fileName: d.fileName, pdfBase64: d.pdf.toString('base64'), pages: d.pageCount, font: d.font };
}
