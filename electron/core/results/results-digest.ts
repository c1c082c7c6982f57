import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/text/canonical-json';
import type { ComputedProduct } from './compute-results';
import type { CountingSheet, SessionData } from './session-data';

/**
 * The results document a finalization hashes: what the council decided and what it decided it
 * from. Stored verbatim (canonical JSON) beside its SHA-256, so a later check can say whether the
 * database still holds the same answers and gives the same results. Printed documents carry the
 * digest. Changing this shape needs a new formatVersion (old finalizations keep theirs).
 */

export const RESULTS_FORMAT = 'ocop-session-results';
export const RESULTS_FORMAT_VERSION = 1;

export interface ResultsDocSheet {
  sheetId: number;
  memberId: number;
  /** SHA-256 of the sheet's answers and declarations (see sheetAnswersHash). */
  answersHash: string;
}

export interface ResultsDocProduct {
  registrationId: number;
  registrationNo: string;
  productCode: string;
  criteriaSetVersionId: number;
  criteriaSetContentHash: string;
  rescoringRound: number;
  sheets: ResultsDocSheet[];
  /** [memberId, total centi-points], by member id. */
  memberTotalsCenti: [number, number][];
  meanSumCenti: number | null;
  meanCount: number | null;
  spreadCenti: number | null;
  bandStar: number | null;
  cap: number | null;
  cappingCriteria: string[];
  finalStar: number | null;
  status: string;
  recognised: boolean;
  proposedToCentral: boolean;
}

export interface ResultsDocument {
  format: typeof RESULTS_FORMAT;
  formatVersion: typeof RESULTS_FORMAT_VERSION;
  sessionId: number;
  /** Which finalization of the session (1, 2 …): a re-finalization never repeats a digest. */
  seq: number;
  auditHead: string;
  legalBasis: string;
  councilRulesId: number;
  products: ResultsDocProduct[];
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Hash of what a member answered (stored code, level and points, and declarations), independent of row order. */
export function sheetAnswersHash(sheet: CountingSheet, stored: readonly (readonly [string, number, number])[]): string {
  const answers = [...stored].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const declarations = sheet.declarations
    .map((d) => [d.ruleId, d.holds, d.reason] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(canonicalJson({ answers, declarations }));
}

/** `stored`: sheet id → its stored answers (readStoredAnswers). */
export function resultsDocument(
  data: SessionData,
  products: readonly ComputedProduct[],
  stored: ReadonlyMap<number, readonly (readonly [string, number, number])[]>,
  seq: number,
  auditHead: string,
): ResultsDocument {
  return {
    format: RESULTS_FORMAT,
    formatVersion: RESULTS_FORMAT_VERSION,
    sessionId: data.session.id,
    seq,
    auditHead,
    legalBasis: data.session.round.legalBasis,
    councilRulesId: data.session.rules.id,
    products: products.map((c) => {
      const r = c.ranking;
      return {
        registrationId: c.agenda.registrationId,
        registrationNo: c.agenda.registrationNo,
        productCode: c.agenda.productCode,
        criteriaSetVersionId: c.version.versionId,
        criteriaSetContentHash: c.version.contentHash,
        rescoringRound: c.rescoringRound,
        sheets: c.sheets.map((s) => ({
          sheetId: s.sheetId,
          memberId: s.memberId,
          answersHash: sheetAnswersHash(s, stored.get(s.sheetId) ?? []),
        })),
        memberTotalsCenti: r.members.map((m) => [m.memberId, m.totalCenti] as [number, number]),
        meanSumCenti: r.mean?.sumCenti ?? null,
        meanCount: r.mean?.count ?? null,
        spreadCenti: r.spread?.spreadCenti ?? null,
        bandStar: r.bandStar,
        cap: r.cap,
        cappingCriteria: r.cappingCriteria.map((s) => s.code),
        finalStar: r.finalStar,
        status: r.status,
        recognised: r.recognition.recognised,
        proposedToCentral: r.proposedToCentral,
      };
    }),
  };
}

/**
 * Differences between the document stored at finalization and the one the database gives now,
 * in words a log reader can act on (which product, which member's sheet). Empty = identical.
 */
export function describeDifferences(stored: ResultsDocument, now: ResultsDocument): string[] {
  const out: string[] = [];
  const nowById = new Map(now.products.map((p) => [p.registrationId, p]));
  const storedIds = new Set(stored.products.map((p) => p.registrationId));
  for (const p of stored.products) {
    const q = nowById.get(p.registrationId);
    if (!q) {
      out.push(`product ${p.productCode} (registration ${p.registrationNo}) is no longer on the agenda`);
      continue;
    }
    const sheetsNow = new Map(q.sheets.map((s) => [s.sheetId, s]));
    for (const s of p.sheets) {
      const t = sheetsNow.get(s.sheetId);
      if (!t) out.push(`product ${p.productCode}: sheet ${s.sheetId} of member ${s.memberId} no longer counts`);
      else if (t.answersHash !== s.answersHash)
        out.push(
          `product ${p.productCode}: the answers of sheet ${s.sheetId} (member ${s.memberId}) were changed after finalization`,
        );
    }
    for (const t of q.sheets)
      if (!p.sheets.some((s) => s.sheetId === t.sheetId))
        out.push(`product ${p.productCode}: sheet ${t.sheetId} of member ${t.memberId} counts now but did not at finalization`);
    const { sheets: _a, ...restStored } = p;
    const { sheets: _b, ...restNow } = q;
    if (canonicalJson(restStored) !== canonicalJson(restNow))
      out.push(
        `product ${p.productCode}: the result differs from the finalized one (${diffKeys(restStored, restNow).join(', ')})`,
      );
  }
  for (const q of now.products)
    if (!storedIds.has(q.registrationId))
      out.push(`product ${q.productCode} (registration ${q.registrationNo}) is on the agenda but was not finalized`);
  for (const k of ['legalBasis', 'councilRulesId'] as const)
    if (stored[k] !== now[k]) out.push(`${k} changed from ${String(stored[k])} to ${String(now[k])}`);
  return out;
}

function diffKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return Object.keys(a).filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}
