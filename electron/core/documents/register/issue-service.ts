/**
 * Issuing a finalized session's document (documents:issue): render it exactly as documents:render
 * does (same data, creation date pinned to the finalization, so the same version always gives the
 * same bytes), keep the file by its SHA-256, and record it in the register with its audit event in
 * one transaction. The register row is what locks the print details the document shows (0010).
 */
import fs from 'node:fs';
import type { IssueInput, IssueKind, IssueOutput, RegistryCorrection } from '../../../../shared/api/channels/document-register';
import { formatDocNumber } from '../../../../shared/ocop/document-number';
import { appendAudit } from '../../audit/audit-repo';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { openFinalization } from '../../results/finalization-repo';
import { batchJobsOf } from '../batch/batch-jobs';
import { batchFileName } from '../batch/batch-service';
import { renderSessionDocument } from '../from-session/render-from-session';
import { loadDocumentFacts, type DocumentFacts } from '../from-session/document-facts';
import { docRefOf } from '../integrity/doc-ref';
import type { DocumentRequest } from '../render-document';
import { storeIssued } from './issued-store';
import type { DecisionRecord } from '../settings/decision-record';
import { correctionsOfSession } from './corrections';
import { insertIssue, issueByHash, issueById, latestIssue, type LatestIssue } from './register-repo';

/** Who calls a long-running service (issue 12's `task` shape). */
export interface Call {
  ctx: CoreContext;
  actor: string;
}

/** The reference of every sheet of a session printed as one file. */
export const ALL_SHEETS_REF = 'ALL-PD';

interface Described {
  docRef: string;
  number: string | null;
  date: string | null;
  title: string;
  registrationId: number | null;
  memberId: number | null;
}

const asId = (v: number | string): number | null => (typeof v === 'number' ? v : /^\d+$/u.test(v) ? Number(v) : null);

/** What the register says about a rendered document: its reference, number, date and title. */
export function describeIssued(r: DocumentRequest, f: DocumentFacts): Described {
  const none = { registrationId: null, memberId: null };
  switch (r.kind) {
    case 'minutes': {
      const s = r.data.setup;
      return {
        docRef: docRefOf.minutes(),
        number: s.number.number === null ? null : formatDocNumber(s.number.number, s.number.symbol),
        date: s.placeDate.date,
        title: `Biên bản ${r.data.meetingTitle}`,
        ...none,
      };
    }
    case 'summary':
      return {
        docRef: docRefOf.summary(),
        number: null,
        date: r.data.minutesDate,
        title: 'Bảng tổng hợp kết quả chấm điểm, phân hạng sản phẩm OCOP',
        ...none,
      };
    case 'decision': {
      const s = r.data.setup;
      return {
        docRef: docRefOf.decision(),
        number: s.number.number === null ? null : formatDocNumber(s.number.number, s.number.symbol),
        date: s.placeDate.date,
        title: `Quyết định về việc ${r.data.subject}`,
        ...none,
      };
    }
    case 'certificate':
      return {
        docRef: docRefOf.certificate(r.data.product.registrationId),
        number: r.data.certificateNo || null,
        date: r.data.placeDate.date,
        title: `Giấy chứng nhận ${r.data.star} sao – ${r.data.product.name} – ${r.data.product.producerName}`,
        registrationId: asId(r.data.product.registrationId),
        memberId: null,
      };
    case 'sheet': {
      const p = r.data.product!;
      const m = r.data.member!;
      return {
        docRef: docRefOf.sheet(p.registrationId, m.id),
        number: null,
        date: r.data.placeDate?.date ?? null,
        title: `Phiếu đánh giá – ${p.name} – ${m.fullName}`,
        registrationId: asId(p.registrationId),
        memberId: asId(m.id),
      };
    }
    case 'blank-sheet':
    case 'sheets':
      throw new CoreError('VALIDATION', `kind: a ${r.kind} is not issued (${f.council.name})`);
  }
}

/** Why a document of a finalized session cannot be issued yet (null: it can). */
function notIssuable(r: DocumentRequest, sessionId: number): string | null {
  switch (r.kind) {
    case 'decision':
      return r.data.draft
        ? `the provincial decision of session ${sessionId} is not recorded yet; record its number, date and signer first (Văn bản → Quyết định đã ban hành, or CLI documents record-decision); until then it prints as a draft`
        : null;
    case 'certificate':
      return r.data.issuedOn === null
        ? `certificates of session ${sessionId} take their validity from the provincial decision, which is not recorded yet; record its number, date and signer first`
        : null;
    case 'sheet':
      return r.data.draft
        ? `the sheet of ${r.data.member?.fullName ?? 'this member'} for ${r.data.product?.name ?? 'this product'} was never submitted; only submitted sheets are issued`
        : null;
    default:
      return null;
  }
}

/** A corrected version being issued: the version it replaces and the corrections it carries. */
interface Correcting {
  docRef: string;
  issue: LatestIssue;
  corrections: RegistryCorrection[];
}

/**
 * Issuing a corrected version is for a decision or certificate already issued whose decision was
 * corrected in the registry since; anything else is refused with what to do instead.
 */
async function whatIsCorrected(ctx: CoreContext, input: IssueInput): Promise<Correcting> {
  if (input.kind !== 'decision' && input.kind !== 'certificate')
    throw new CoreError(
      'VALIDATION',
      `corrected: only a decision or a certificate is issued again as a corrected version (they print the registry's decision); the ${input.kind} prints nothing the registry corrects`,
      { field: 'corrected' },
    );
  if (input.kind === 'certificate' && input.registrationId === undefined)
    throw new CoreError('VALIDATION', 'registrationId: required to issue a corrected certificate; choose the product', {
      field: 'registrationId',
    });
  const docRef = input.kind === 'decision' ? docRefOf.decision() : docRefOf.certificate(input.registrationId!);
  const state = await correctionsOfSession(ctx.db, input.sessionId);
  const pending = state.pending.find((p) => p.docRef === docRef);
  if (!pending) {
    const last = await latestIssue(ctx.db, input.sessionId, docRef);
    throw new CoreError(
      'FORBIDDEN_STATE',
      last
        ? `Nothing to correct: the ${input.kind} issued on ${last.issuedAt} (register entry ${last.id}) prints the decision the registry holds now; issue it normally`
        : `The ${input.kind} of session ${input.sessionId} was never issued: issue it normally (a corrected version replaces an issued one)`,
      { field: 'corrected' },
    );
  }
  const issue = (await latestIssue(ctx.db, input.sessionId, docRef))!;
  return { docRef, issue, corrections: state.corrections.filter((c) => pending.corrections.includes(c.id)) };
}

interface Prepared {
  pdf: Buffer;
  pages: number;
  fileName: string;
  described: Described;
  /** Hash of what was printed (verify reads the kept file instead of rendering again when it still matches). */
  inputSha256: string | null;
  /** A decision or certificate: the provincial decision it prints (kept with the register row). */
  decision?: DecisionRecord | null;
}

async function prepareSheets(call: Call, f: DocumentFacts, input: IssueInput, version: number): Promise<Prepared> {
  if (!input.jobId)
    throw new CoreError(
      'VALIDATION',
      'jobId: required to issue all sheets; print them with documents:batchStart first, then issue the finished job',
      { field: 'jobId' },
    );
  const job = batchJobsOf(call.ctx).get(input.jobId);
  if (job.sessionId !== input.sessionId)
    throw new CoreError('VALIDATION', `jobId: that batch printed session ${job.sessionId}, not session ${input.sessionId}`, {
      field: 'jobId',
    });
  if (job.state !== 'done' || !job.file)
    throw new CoreError('FORBIDDEN_STATE', `The batch ${input.jobId} is ${job.state}; issue it once it is done`, {
      field: 'jobId',
    });
  if (job.version !== version)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `The batch was printed ${job.version === null ? 'before the session was finalized' : `from finalization ${job.version}`}; the finalization in force is ${version}: print all sheets again, then issue`,
      { field: 'jobId' },
    );
  const pdf = fs.readFileSync(job.file);
  return {
    pdf,
    pages: job.pages ?? 1,
    fileName: batchFileName(input.sessionId),
    inputSha256: null,
    described: {
      docRef: ALL_SHEETS_REF,
      number: null,
      date: null,
      title: `Tất cả phiếu đánh giá – ${f.detail.session.title || f.council.name}`,
      registrationId: null,
      memberId: null,
    },
  };
}

/**
 * Issues one document of a finalized session (or the finished batch of all its sheets). The same
 * bytes issued again answer the register's existing entry, and the re-issue is audited.
 */
export async function issueDocument(call: Call, input: IssueInput): Promise<IssueOutput> {
  const { ctx } = call;
  const f = await loadDocumentFacts(ctx, input.sessionId);
  const fin = f.results.finalization;
  if (!fin)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${input.sessionId} is not finalized: documents are issued from finalized results; finalize on the Results screen first (a preview can be printed any time)`,
      { sessionId: input.sessionId },
    );
  let prepared: Prepared;
  let correcting: Correcting | null = null;
  if (input.kind === 'sheets') prepared = await prepareSheets(call, f, input, fin.seq);
  else {
    if (input.corrected) correcting = await whatIsCorrected(ctx, input);
    const doc = await renderSessionDocument(ctx, { ...input, kind: input.kind }, f, undefined, {
      corrected: input.corrected === true,
    });
    const why = notIssuable(doc.request, input.sessionId);
    if (why) throw new CoreError('FORBIDDEN_STATE', `Cannot issue: ${why}`, { kind: input.kind });
    prepared = {
      pdf: doc.pdf,
      pages: doc.pageCount,
      fileName: doc.fileName,
      described: describeIssued(doc.request, f),
      inputSha256: doc.inputSha256,
      ...(doc.decision !== undefined ? { decision: doc.decision } : {}),
    };
  }
  const sha256 = storeIssued(ctx.paths.issuedDir, prepared.pdf);
  const { entryId, reissued } = await ctx.db.transaction().execute(async (trx) => {
    const open = await openFinalization(trx, input.sessionId);
    if (!open || open.id !== fin.id)
      throw new CoreError(
        'CONFLICT',
        `Session ${input.sessionId} was reopened while the document was being printed; print it again from the finalization in force`,
      );
    const at = ctx.now();
    if (correcting) {
      // The version corrected must still be the last one issued (another desk may have corrected it meanwhile).
      const last = await latestIssue(trx, input.sessionId, correcting.docRef);
      if (last?.id !== correcting.issue.id)
        throw new CoreError(
          'CONFLICT',
          `The ${input.kind} was issued again while the corrected version was being printed; look at the register and issue the correction again`,
        );
    }
    const known = await issueByHash(trx, sha256);
    const d = prepared.described;
    if (known) {
      await appendAudit(trx, at, {
        actor: call.actor,
        action: 'documents.reissue',
        entity: 'session',
        entityId: input.sessionId,
        before: null,
        after: { issueId: known.id, kind: known.kind, docRef: known.docRef, version: known.version, sha256 },
      });
      return { entryId: known.id, reissued: true };
    }
    const id = await insertIssue(trx, {
      sessionId: input.sessionId,
      finalizationId: fin.id,
      version: fin.seq,
      kind: input.kind satisfies IssueKind,
      registrationId: d.registrationId,
      memberId: d.memberId,
      docRef: d.docRef,
      number: d.number,
      date: d.date,
      title: d.title,
      fileName: prepared.fileName,
      sha256,
      bytes: prepared.pdf.length,
      pages: prepared.pages,
      ...(prepared.inputSha256
        ? {
            meta: {
              inputSha256: prepared.inputSha256,
              // The decision it prints: re-rendering it later prints this one, whatever the registry says then.
              ...(prepared.decision !== undefined ? { decision: prepared.decision } : {}),
              ...(correcting ? { correctionOf: correcting.issue.id, corrections: correcting.corrections.map((c) => c.id) } : {}),
            },
          }
        : {}),
      issuedAt: at.toISOString(),
      issuedBy: call.actor,
    });
    await appendAudit(trx, at, {
      actor: call.actor,
      action: correcting ? 'documents.issueCorrected' : 'documents.issue',
      entity: 'session',
      entityId: input.sessionId,
      before: correcting
        ? { issueId: correcting.issue.id, number: correcting.issue.number, sha256: correcting.issue.sha256 }
        : null,
      after: {
        issueId: id,
        kind: input.kind,
        docRef: d.docRef,
        version: fin.seq,
        number: d.number,
        date: d.date,
        sha256,
        ...(correcting
          ? {
              correctionOf: correcting.issue.id,
              corrections: correcting.corrections.map((c) => ({ id: c.id, reason: c.reason, changes: c.changes })),
            }
          : {}),
      },
    });
    return { entryId: id, reissued: false };
  });
  const entry = (await issueById(ctx.db, entryId))!;
  return { entry, reissued, pdfBase64: input.kind === 'sheets' ? null : prepared.pdf.toString('base64') };
}
