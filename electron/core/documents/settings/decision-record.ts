/**
 * The provincial decision of a session (quyết định công nhận) is ONE record: the registry's (issue
 * 17, `registry_entry.decision_no/decision_date/decision_signer` of the session's entries). The
 * documents' "Quyết định đã được ký ban hành" writes it through the registry's own recordDecision /
 * updateDecision, and the decision and certificates print what the registry holds — whether it was
 * recorded here or in Sổ sản phẩm OCOP. The stored print settings keep only how the decision looks.
 */
import type { Kysely } from 'kysely';
import type { DocumentSettings } from '../../../../shared/api/channels/document-settings';
import { formatDocNumber, parseDocNumber } from '../../../../shared/ocop/document-number';
import type { DB } from '../../db/schema';
import { CoreError } from '../../errors';
import type { Write } from '../../handlers';
import { recordDecision, updateDecision } from '../../registry/decision-service';
import { sessionDecisionEntries, type SessionDecisionEntry } from '../../registry/entry-repo';
import { syncSession } from '../../registry/session-sync';

export interface DecisionRecord {
  /** As printed after "Số:", e.g. "125/QĐ-UBND". */
  decisionNo: string;
  date: string;
  signer: string;
}

const DECIDED = new Set(['recognised', 'superseded', 'revoked']);
const keyOf = (r: DecisionRecord) => `${r.decisionNo}\u0000${r.date}\u0000${r.signer}`;

function recordOf(e: SessionDecisionEntry): DecisionRecord | null {
  return DECIDED.has(e.state) && e.decisionNo && e.decisionDate
    ? { decisionNo: e.decisionNo, date: e.decisionDate, signer: e.decisionSigner }
    : null;
}

/** The decision the registry holds for a session: the one most of its decided entries carry (null: none yet). */
export async function sessionDecision(db: Kysely<DB>, sessionId: number): Promise<DecisionRecord | null> {
  const counts = new Map<string, { r: DecisionRecord; n: number }>();
  for (const e of await sessionDecisionEntries(db, sessionId)) {
    const r = recordOf(e);
    if (!r) continue;
    const c = counts.get(keyOf(r)) ?? { r, n: 0 };
    c.n++;
    counts.set(keyOf(r), c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.r.date.localeCompare(b.r.date))[0]?.r ?? null;
}

/** "125/QĐ-UBND" → 125 and "QĐ-UBND"; null when the registry holds a number in another form. */
/** The decision's print settings with the registry's record laid over them (recorded or not, number, date, signer). */
export function withRecord(s: DocumentSettings, r: DecisionRecord | null): DocumentSettings {
  if (!r) return { ...s, decisionRecorded: false };
  return {
    ...s,
    ...(parseDocNumber(r.decisionNo) ?? {}),
    date: r.date,
    signer: { ...s.signer, name: r.signer || s.signer.name },
    decisionRecorded: true,
  };
}

/**
 * Writes what the secretary ticked into the registry, in the caller's transaction: records the
 * decision on the session's proposals, corrects decided entries that say otherwise; refuses to
 * "un-record" a decision the registry holds (reopening is refused too once decided).
 */
export async function recordSessionDecision(w: Write, sessionId: number, s: DocumentSettings): Promise<void> {
  let entries = await sessionDecisionEntries(w.trx, sessionId);
  const held = await sessionDecision(w.trx, sessionId);
  if (!s.decisionRecorded) {
    if (held)
      throw new CoreError(
        'FORBIDDEN_STATE',
        `decisionRecorded: the decision ${held.decisionNo} of ${held.date} is recorded for session ${sessionId} in the registry (Sổ sản phẩm OCOP); a recorded decision is corrected, not withdrawn — keep it ticked and change its number, date or signer`,
        { field: 'decisionRecorded', sessionId },
      );
    return;
  }
  const want: DecisionRecord = { decisionNo: formatDocNumber(s.number, s.symbol), date: s.date!, signer: s.signer.name.trim() };
  // A session finalized before the registry existed has no entries yet: propose its products first.
  if (entries.length === 0) {
    await syncSession(w, sessionId);
    entries = await sessionDecisionEntries(w.trx, sessionId);
  }
  if (entries.some((e) => e.state === 'proposed')) {
    await recordDecision(w, { sessionId, decisionNo: want.decisionNo, decisionDate: want.date, signer: want.signer });
  } else if (!entries.some((e) => DECIDED.has(e.state))) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `decisionRecorded: no product of session ${sessionId} is proposed for recognition (none reached 3 sao), so there is no decision to record`,
      { field: 'decisionRecorded', sessionId },
    );
  }
  for (const e of entries) {
    const r = recordOf(e);
    if (r && e.state !== 'revoked' && keyOf(r) !== keyOf(want))
      await updateDecision(w, {
        id: e.id,
        decisionNo: want.decisionNo,
        decisionDate: want.date,
        signer: want.signer,
        certificateNo: e.certificateNo,
        // Reached only before the decision or a certificate is issued (their print details lock then).
        reason: '',
      });
  }
}
