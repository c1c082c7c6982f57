/**
 * `verify` (documents:verify, CLI `verify FILE`): what can be said about a file that claims to be
 * one of this council's documents.
 *
 * (a) Its exact bytes are in the register → "this exact document was issued on …, number …".
 * (b) Otherwise, if it carries an anchor, the text of every page is compared with the document
 *     re-rendered from the database (same finalization): any difference refuses it, naming the
 *     page, the expected text and the text found.
 * (c) An anchor (or register entry) of a finalization later reopened → which version, and when
 *     and why it was superseded.
 * (d) No anchor → not a document of this council's finalized sessions.
 * A photo or scan (PNG/JPEG) is read through its QR code: is it the code of the finalization in
 * force? Its text cannot be compared.
 *
 * What "verified" means: the text on the pages is the text the database gives. It does not say
 * who signed or printed the paper; only a digital signature can (issue 15).
 */
import fs from 'node:fs';
import type { ParsedAnchor } from './../integrity/digest-code';
import type { RegisterEntry, VerifyReport } from '../../../../shared/api/channels/document-register';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { FinalizationRow } from '../../results/finalization-repo';
import { finalizationRows } from '../../results/finalization-repo';
import { renderScoringSheetsBatch } from '../batch/sheet-batch';
import { documentFontOptions } from '../document-font';
import { resolveFont } from '../fonts';
import { pinnedCreationDate, renderSessionDocument, sessionRequest } from '../from-session/render-from-session';
import { loadDocumentFacts, type DocumentFacts } from '../from-session/document-facts';
import { sessionSheetsData } from '../from-session/session-sheets';
import { readImageAnchor, readPdfAnchors, sniffFile } from '../integrity/anchor';
import { comparePages, type Comparison } from '../integrity/compare';
import { AUDIT_PREFIX, DIGEST_PREFIX } from '../integrity/digest-code';
import { parseDocRef } from '../integrity/doc-ref';
import { extractPdfText, type PageText } from '../integrity/pdf-text';
import { chainOf } from '../../signing/document-signature-repo';
import { readIssued, sha256Hex } from './issued-store';
import { correctionsOfSession } from './corrections';
import { issueById, issueByHash, issuedOriginals } from './register-repo';

type Report = VerifyReport;

const KIND_VI: Record<string, string> = {
  minutes: 'minutes',
  summary: 'summary table',
  decision: 'decision',
  certificate: 'certificate',
  sheet: 'scoring sheet',
  sheets: 'scoring sheets',
};

function finalizationView(row: FinalizationRow, rows: FinalizationRow[]): NonNullable<Report['finalization']> {
  return {
    version: row.seq,
    finalizedAt: row.finalized_at,
    reopenedAt: row.reopened_at,
    reopenReason: row.reopen_reason,
    currentVersion: rows.find((r) => r.reopened_at === null)?.seq ?? null,
  };
}

const supersededMessage = (f: NonNullable<Report['finalization']>): string =>
  `It was printed from finalization ${f.version} of its session, which was reopened on ${f.reopenedAt} (${f.reopenReason ?? 'no reason recorded'}); ${
    f.currentVersion === null ? 'the session is not finalized now' : `finalization ${f.currentVersion} is in force now`
  }. The document is superseded.`;

async function sessionOf(ctx: CoreContext, id: number): Promise<Report['session']> {
  const s = await ctx.db.selectFrom('session').select(['id', 'title', 'date']).where('id', '=', id).executeTakeFirst();
  return s ? { id: s.id, title: s.title, date: s.date } : null;
}

/** The finalization an anchor names, and whether its digest and audit head match the record. */
async function matchAnchor(
  ctx: CoreContext,
  a: ParsedAnchor,
): Promise<{ row: FinalizationRow; rows: FinalizationRow[] } | { problem: string }> {
  const sessionId = Number(a.sessionRef);
  const rows = await finalizationRows(ctx.db, sessionId);
  if (rows.length === 0)
    return { problem: `The code names session ${sessionId}, which has never been finalized in this database.` };
  const row =
    a.version === null
      ? rows.find((r) => r.results_digest.toUpperCase() === a.digestPrefix)
      : rows.find((r) => r.seq === a.version);
  if (!row)
    return {
      problem:
        a.version === null
          ? `The code's digest matches no finalization of session ${sessionId}.`
          : `The code names finalization ${a.version} of session ${sessionId}, which this database does not have.`,
    };
  if (!row.results_digest.toUpperCase().startsWith(a.digestPrefix.slice(0, DIGEST_PREFIX)))
    return {
      problem: `The code's digest ${a.digestPrefix} is not the digest of finalization ${row.seq} of session ${sessionId} (${row.results_digest.slice(0, DIGEST_PREFIX).toUpperCase()}…): the code was altered, or the paper comes from another database.`,
    };
  if (a.auditHashPrefix !== null) {
    const head = await ctx.db.selectFrom('audit_log').select('seq').where('hash', '=', row.audit_head).executeTakeFirst();
    const seq = head?.seq ?? 0;
    if (seq !== a.auditSeq || !row.audit_head.toUpperCase().startsWith(a.auditHashPrefix.slice(0, AUDIT_PREFIX)))
      return {
        problem: `The code's audit head (${a.auditSeq}:${a.auditHashPrefix}) is not the one finalization ${row.seq} was computed on (${seq}:${row.audit_head.slice(0, AUDIT_PREFIX).toUpperCase()}).`,
      };
  }
  return { row, rows };
}

/** The pages of the documents a file's pages name, re-rendered from the database, in file order. */
async function expectedPages(ctx: CoreContext, f: DocumentFacts, refs: string[]): Promise<PageText[]> {
  const sheets = refs.map(parseDocRef).filter((r) => r?.kind === 'sheet');
  const out: PageText[] = [];
  if (sheets.length > 1) {
    // A session's sheets printed at once: render them the same way (the batch renderer).
    const all = await sessionSheetsData(ctx, f);
    const want = sheets.map((r) =>
      all.find((s) => s.product?.registrationId === r.registrationId && s.member?.id === r.memberId),
    );
    const missing = sheets.filter((_, i) => !want[i]);
    if (missing.length)
      throw new CoreError('NOT_FOUND', `The file has sheets this session does not have (${missing.length}); compare refused`);
    const b = await renderScoringSheetsBatch(
      want.map((s) => s!),
      f.t,
      { ...(await documentFontOptions(ctx)), createdAt: pinnedCreationDate(f) },
    );
    return extractPdfText(b.pdf);
  }
  for (const ref of refs) {
    const r = parseDocRef(ref);
    if (!r) continue;
    const sessionId = f.detail.session.id;
    const input =
      r.kind === 'certificate'
        ? { sessionId, kind: r.kind, registrationId: r.registrationId }
        : r.kind === 'sheet'
          ? { sessionId, kind: r.kind, registrationId: r.registrationId, memberId: r.memberId }
          : { sessionId, kind: r.kind };
    out.push(...(await expectedText(ctx, f, input, ref)));
  }
  return out;
}

/**
 * Pages' text of documents already read, by what determines them: a kept issued file by its
 * SHA-256, a re-render by its input hash with the font files and creation date (the same input
 * lays out the same text, so a document checked again is not laid out again). The file checked
 * is always read in full; only the database's side is remembered. A few documents are verified
 * again and again (a desk checking the copies of one minutes), so a handful are kept.
 */
const knownText = new Map<string, PageText[]>();
const KEEP = 8;

function remember(key: string, text: PageText[]): PageText[] {
  knownText.delete(key);
  knownText.set(key, text);
  if (knownText.size > KEEP) knownText.delete(knownText.keys().next().value!);
  return text;
}

/** Forgets the remembered texts (the bench measures a first check). */
export function forgetVerifiedText(): void {
  knownText.clear();
}

/** What a re-render's text depends on besides its input: the font files embedded and the pinned date. */
function renderKey(inputSha256: string, font: Awaited<ReturnType<typeof documentFontOptions>>, createdAt: Date): string {
  const files = Object.values(resolveFont(font).files).map((file) => {
    try {
      const st = fs.statSync(file);
      return `${file}:${st.size}:${st.mtimeMs}`;
    } catch {
      return `${file}:missing`;
    }
  });
  return `render:${inputSha256}:${createdAt.toISOString()}:${files.join('|')}`;
}

/**
 * The text the database gives for one document. The request is built once: its input hash
 * finds the file issued for this finalization from exactly this data (the kept file is that
 * render, byte for byte: its text is read instead of laying the document out again), or a
 * re-render of the same input read before; otherwise the document is laid out again from it.
 */
async function expectedText(
  ctx: CoreContext,
  f: DocumentFacts,
  input: Parameters<typeof renderSessionDocument>[1],
  ref: string,
): Promise<PageText[]> {
  const built = await sessionRequest(ctx, input, f);
  const version = f.results.finalization?.seq;
  if (version !== undefined) {
    const kept = (await issuedOriginals(ctx.db, { sessionId: f.detail.session.id, version, docRef: ref })).find(
      (k) => k.inputSha256 === built.inputSha256,
    );
    if (kept) {
      const key = `issued:${kept.sha256}`;
      const known = knownText.get(key);
      if (known) return known;
      try {
        return remember(key, await extractPdfText(readIssued(ctx.paths.issuedDir, kept.sha256)));
      } catch {
        // the kept file is missing or damaged: lay the document out again below
      }
    }
  }
  const key = renderKey(built.inputSha256, await documentFontOptions(ctx), pinnedCreationDate(f));
  const known = knownText.get(key);
  if (known) return known;
  const d = await renderSessionDocument(ctx, input, f, built);
  return remember(key, await extractPdfText(d.pdf));
}

/** Why an issued document is no longer in force though its finalization is: a corrected version replaced it. */
async function replacement(ctx: CoreContext, entry: RegisterEntry): Promise<string | null> {
  const by = entry.replacedBy === null ? undefined : await issueById(ctx.db, entry.replacedBy);
  if (!by) return null;
  const corrections = (await correctionsOfSession(ctx.db, entry.sessionId)).corrections.filter(
    (c) => c.correctedAt > entry.issuedAt && c.correctedAt <= by.issuedAt,
  );
  const what = corrections
    .map(
      (c) =>
        `${c.changes.map((x) => `${x.field} ${x.from} → ${x.to}`).join(', ')} (corrected by ${c.correctedBy} on ${c.correctedAt}: ${c.reason})`,
    )
    .join('; ');
  return `It was replaced on ${by.issuedAt} by a corrected version (register entry ${by.id}${by.number ? `, number ${by.number}` : ''})${what ? ` after a correction in the registry: ${what}` : ''}. The document is superseded.`;
}

/**
 * A copy whose text differs from the version in force may be the text of an issued version a
 * corrected one replaced (same finalization, same document): say so rather than "altered".
 */
async function replacedVersionMatching(
  ctx: CoreContext,
  sessionId: number,
  version: number,
  refs: string[],
  found: PageText[],
): Promise<RegisterEntry | null> {
  if (refs.length !== 1) return null;
  for (const kept of await issuedOriginals(ctx.db, { sessionId, version, docRef: refs[0]! })) {
    const entry = await issueByHash(ctx.db, kept.sha256);
    if (!entry || entry.replacedBy === null) continue;
    const key = `issued:${kept.sha256}`;
    let text = knownText.get(key);
    if (!text) {
      try {
        text = remember(key, await extractPdfText(readIssued(ctx.paths.issuedDir, kept.sha256)));
      } catch {
        continue;
      }
    }
    const cmp = comparePages(text, found);
    if (cmp.compared > 0 && cmp.differences.length === 0) return entry;
  }
  return null;
}

/** Verifies a file (PDF, PNG or JPEG). Never throws for what the file says; only for unreadable input. */
export async function verifyFile(ctx: CoreContext, bytes: Uint8Array): Promise<VerifyReport> {
  const source = sniffFile(bytes);
  if (!source)
    throw new CoreError(
      'VALIDATION',
      'file: not a PDF, PNG or JPEG file; give the PDF the app printed, or a photo or scan of a printed page',
    );
  const sha256 = sha256Hex(bytes);
  const base: Report = {
    ok: false,
    outcome: 'no-anchor',
    source,
    sha256,
    pageCount: 1,
    anchor: null,
    issued: null,
    session: null,
    finalization: null,
    comparedPages: 0,
    differences: [],
    signedBy: [],
    message: '',
  };

  // (a) The exact bytes of an issued document.
  const entry: RegisterEntry | undefined = source === 'pdf' ? await issueByHash(ctx.db, sha256) : undefined;
  if (entry) {
    const rows = await finalizationRows(ctx.db, entry.sessionId);
    const row = rows.find((r) => r.seq === entry.version)!;
    const fin = finalizationView(row, rows);
    const chain = entry.variant === 'signed' ? await chainOf(ctx.db, entry.id) : [];
    const signedBy = chain.map((c) => ({ role: c.role, signerName: c.signerName, signedAt: c.signedAt }));
    const replaced = entry.replacedBy !== null && row.reopened_at === null ? await replacement(ctx, entry) : null;
    const what = `${entry.title} (${KIND_VI[entry.kind]}${entry.number ? `, number ${entry.number}` : ''}${entry.date ? `, dated ${entry.date}` : ''})`;
    const said =
      entry.variant === 'signed'
        ? `This exact file is the ${chain.at(-1)?.role === 'scan' ? 'hand-signed scan' : 'signed copy'} of ${what}, register entry ${entry.derivedFrom}: ${signedBy
            .map((c) =>
              c.role === 'scan'
                ? `scan attached by ${c.signerName} at ${c.signedAt}`
                : `signed by ${c.signerName} (${c.role}) at ${c.signedAt}`,
            )
            .join(
              '; ',
            )}; recorded on ${entry.issuedAt} by ${entry.issuedBy}, from finalization ${entry.version} of session ${entry.sessionId}.`
        : `This exact file is ${what}, issued on ${entry.issuedAt} by ${entry.issuedBy} from finalization ${entry.version} of session ${entry.sessionId}.`;
    return {
      ...base,
      ok: entry.current,
      outcome: entry.current ? 'issued' : 'superseded',
      pageCount: entry.pages,
      issued: entry,
      signedBy,
      session: await sessionOf(ctx, entry.sessionId),
      finalization: fin,
      message: entry.current ? said : `${said} ${replaced ?? supersededMessage(fin)}`,
    };
  }

  // The anchor: of every page of a PDF, or from the QR code of a picture.
  let anchors: (ParsedAnchor | null)[];
  let found: PageText[] = [];
  if (source === 'pdf') {
    const r = await readPdfAnchors(bytes);
    anchors = r.pages;
    found = r.text;
  } else anchors = [readImageAnchor(bytes, source)];
  const pageCount = anchors.length;
  const primary = anchors.find((a) => a !== null && /^\d{1,9}$/u.test(a.sessionRef)) ?? null;
  if (!primary)
    return {
      ...base,
      pageCount,
      message:
        source === 'pdf'
          ? 'The file carries no verification code: it is not a document of this council’s finalized sessions (or it was printed before finalization).'
          : 'No verification QR code was found in the picture: photograph or scan the whole page, flat and in focus.',
    };
  const sessionId = Number(primary.sessionRef);
  const anchor = {
    sessionId,
    version: primary.version,
    digestPrefix: primary.digestPrefix,
    auditSeq: primary.auditSeq,
    auditHashPrefix: primary.auditHashPrefix,
    docRef: primary.docRef,
  };
  const withAnchor = { ...base, pageCount, anchor, session: await sessionOf(ctx, sessionId) };
  const m = await matchAnchor(ctx, primary);
  if ('problem' in m) return { ...withAnchor, outcome: 'code-mismatch', message: m.problem };
  const fin = finalizationView(m.row, m.rows);
  if (m.row.reopened_at !== null)
    return { ...withAnchor, outcome: 'superseded', finalization: fin, message: supersededMessage(fin) };
  if (source !== 'pdf')
    return {
      ...withAnchor,
      ok: true,
      outcome: 'current-code',
      finalization: fin,
      message: `The QR code is the code of finalization ${fin.version} of session ${sessionId}, in force now. A picture's text cannot be compared: verify the PDF for that.`,
    };

  // (b) Compare the text of every page with the documents the pages name, re-rendered.
  const f = await loadDocumentFacts(ctx, sessionId);
  const refs: string[] = [];
  for (const a of anchors)
    if (a && a.sessionRef === primary.sessionRef && a.docRef && !refs.includes(a.docRef)) refs.push(a.docRef);
  let cmp: Comparison;
  if (refs.length > 0) cmp = comparePages(await expectedPages(ctx, f, refs), found);
  else {
    // A page printed before documents carried their reference: the closest of the session's documents.
    const tries: Comparison[] = [];
    for (const ref of ['BB', 'TH', 'QD']) {
      const exp = await expectedPages(ctx, f, [ref]).catch(() => null);
      if (exp) tries.push(comparePages(exp, found));
    }
    cmp = tries.sort((x, y) => x.differences.length - y.differences.length)[0] ?? { compared: 0, differences: [] };
  }
  const ok = cmp.differences.length === 0 && cmp.compared > 0;
  if (!ok) {
    const old = await replacedVersionMatching(ctx, sessionId, fin.version, refs, found);
    const why = old ? await replacement(ctx, old) : null;
    if (old && why)
      return {
        ...withAnchor,
        outcome: 'superseded',
        finalization: fin,
        issued: old,
        comparedPages: cmp.compared,
        differences: cmp.differences,
        message: `The text is the text of ${old.title}${old.number ? ` (number ${old.number})` : ''}, issued on ${old.issuedAt}. ${why}`,
      };
  }
  return {
    ...withAnchor,
    ok,
    outcome: ok ? 'matches' : 'differs',
    finalization: fin,
    comparedPages: cmp.compared,
    differences: cmp.differences,
    message: ok
      ? `The text of all ${cmp.compared} page(s) is the text the database gives for finalization ${fin.version} of session ${sessionId}. These exact bytes are not in the register (not issued from this computer, or saved again by another program).`
      : `The text differs from what the database gives for finalization ${fin.version} of session ${sessionId} on ${cmp.differences.length} page(s): ${cmp.differences
          .slice(0, 3)
          .map(
            (d) =>
              `page ${d.page || '(missing)'}: expected "${d.expected[0] ?? '(nothing)'}", found "${d.found[0] ?? '(nothing)'}"`,
          )
          .join('; ')}.`,
  };
}
