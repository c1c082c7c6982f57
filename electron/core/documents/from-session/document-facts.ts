/**
 * What every document of a session is printed from: the results exactly as `results:session`
 * reports them, the session detail (attendance, chair, secretary, place) and the council's header
 * lines. Reading the results through the results service (not recomputing here) is what makes a
 * printed total or mean equal to the one on screen.
 */
import type { SessionResults } from '../../../../shared/api/channels/results';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import type { Lang } from '../../../../shared/i18n/resources';
import { getLegalBasis, isLegalBasisId, type LegalBasisId } from '../../../../shared/ocop/legal-basis';
import type { CoreContext } from '../../context';
import { getCouncil } from '../../councils/council-repo';
import { CoreError } from '../../errors';
import { sessionResults } from '../../results/results-service';
import { sessionDetail } from '../../sessions/session-detail';
import { documentT, type DocT } from '../doc-t';
import { loadProducerContacts, type ProducerContact } from './producer-contacts';
import type { CouncilSigner, SignerSettings } from '../../../../shared/api/channels/document-settings';
import { councilSigners, signerMap, type SignerKey } from '../settings/signers';
import type { DocumentSetup, Integrity, Signer } from '../types';

export interface DocumentFacts {
  /** As results:session reports them; each product also carries its producer's address and phone. */
  results: SessionResults & { products: (SessionResults['products'][number] & ProducerContact)[] };
  detail: SessionDetail;
  council: {
    issuerParent: string;
    issuerNameLines: string[];
    docSymbol: string;
    placeName: string;
    name: string;
    /** The decision that set the council up (number, date, signer's title), for the decision's căn cứ. */
    decisionNo: string;
    decisionDate: string | null;
    decisionSignerTitle: string;
  };
  legalBasis: LegalBasisId;
  /** The finalization digest in force, printed on every page; absent while not finalized. */
  integrity: Integrity | undefined;
  /** The council's default signers per kind and slot (built-in defaults where it set none). */
  signers: Map<SignerKey, CouncilSigner>;
  t: DocT;
}

export async function loadDocumentFacts(ctx: CoreContext, sessionId: number, lang: Lang = 'vi'): Promise<DocumentFacts> {
  // sessionDetail throws NOT_FOUND naming the session when it does not exist.
  const detail = await sessionDetail(ctx.db, sessionId);
  const plain = await sessionResults({ db: ctx.db, sqlite: ctx.sqlite }, sessionId, 1);
  const contacts = await loadProducerContacts(ctx.db, sessionId);
  const none: ProducerContact = { producerAddress: '', producerPhone: '' };
  const results = { ...plain, products: plain.products.map((p) => ({ ...p, ...(contacts.get(p.registrationId) ?? none) })) };
  const c = await getCouncil(ctx.db, detail.council.id);
  // Blank lines (and anything but text, should the stored JSON hold it) print nothing.
  const lines: unknown[] = Array.isArray(c.issuerNameLines) ? c.issuerNameLines : [];
  const issuerNameLines = lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');
  const basis = results.session.legalBasis;
  if (!isLegalBasisId(basis))
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${sessionId}: its round cites an unknown legal basis "${basis}"; fix the round before printing`,
    );
  const fin = results.finalization;
  return {
    results,
    detail,
    council: {
      name: c.name,
      issuerParent: c.issuerParent.trim(),
      issuerNameLines,
      docSymbol: c.docSymbol,
      placeName: c.placeName.trim(),
      decisionNo: c.decisionNo.trim(),
      decisionDate: c.decisionDate,
      decisionSignerTitle: c.decisionSignerTitle.trim(),
    },
    legalBasis: basis,
    integrity: fin ? await integrityOf(ctx, sessionId, fin) : undefined,
    signers: signerMap(await councilSigners(ctx.db, detail.council.id)),
    t: documentT(lang),
  };
}

/**
 * The anchor a finalized session's documents carry: the finalization (version, digest) and the
 * audit event its digest was computed on (seq and hash; seq 0 for an empty log).
 */
export async function integrityOf(
  ctx: CoreContext,
  sessionId: number,
  fin: { seq: number; resultsDigest: string; auditHead: string },
): Promise<Integrity> {
  const row = await ctx.db.selectFrom('audit_log').select('seq').where('hash', '=', fin.auditHead).executeTakeFirst();
  return {
    sessionRef: String(sessionId),
    digest: fin.resultsDigest,
    version: fin.seq,
    auditSeq: row?.seq ?? 0,
    auditHash: fin.auditHead,
  };
}

/** The council's own header (biên bản, bảng tổng hợp); the number is left blank for the văn thư. */
export function councilSetup(f: DocumentFacts, symbolKind: 'BB', recipients: string[]): DocumentSetup {
  const body = f.council.issuerNameLines.length > 0 ? f.council.issuerNameLines : [f.council.name.toLocaleUpperCase('vi')];
  return {
    issuer: { parentLines: f.council.issuerParent ? [f.council.issuerParent] : [], bodyLines: body.slice(0, 4) },
    number: { number: null, symbol: f.council.docSymbol ? `${symbolKind}-${f.council.docSymbol}` : symbolKind },
    placeDate: { place: f.council.placeName || f.detail.session.place || '…', date: f.detail.session.date },
    showPlaceDate: true,
    recipients,
  };
}

/** "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ". */
export function legalBasisCitation(f: DocumentFacts): string {
  const [y, m, d] = getLegalBasis(f.legalBasis).signed.split('-').map(Number);
  return f.t('defaults.citation', { id: f.legalBasis, date: `${d}/${m}/${y}` });
}

/** Refuses to print a document that needs a person the session does not name. */
export function requireMember<T>(m: T | undefined, sessionId: number, what: 'chair' | 'secretary'): T {
  if (!m)
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Session ${sessionId} has no ${what}; choose the ${what} on the Sessions screen before printing`,
    );
  return m;
}

/** A signer as the builders take it (empty authority and office line left out). */
export const signerOf = (s: SignerSettings): Signer => ({
  ...(s.authority ? { authority: s.authority } : {}),
  title: s.title,
  ...(s.officeLine ? { officeLine: s.officeLine } : {}),
  name: s.name,
});

/** The council's default signer of a kind and slot; an empty name takes `person` (the session's chair or secretary). */
export function defaultSigner(f: DocumentFacts, key: SignerKey, person = ''): Signer {
  const s = f.signers.get(key)!.signer;
  return signerOf({ ...s, name: s.name || person });
}
