/**
 * Issued documents never change silently (issue 13). The decision and the certificates of a
 * session print the provincial decision the registry holds (number, date, signer). Once one is
 * issued, the register row keeps the decision it printed (meta.decision), and laying that document
 * out again — a re-render, a re-issue, verify's comparison — uses that decision, so it gives the
 * issued bytes whatever the registry says since. A correction made in the registry after issue
 * is recorded (registry_correction: who, when, what, why); issuing a corrected version is an
 * explicit act (documents:issue with `corrected`), a new register row that replaces the old one.
 */
import type { SessionCorrections } from '../../../../shared/api/channels/document-register';
import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../../context';
import type { DB } from '../../db/schema';
import { sessionCorrections } from '../../registry/correction-repo';
import { sessionDecision, type DecisionRecord } from '../settings/decision-record';
import { latestIssue, latestIssues, type LatestIssue } from './register-repo';

type Db = Kysely<DB> | Transaction<DB>;

const same = (a: DecisionRecord | null, b: DecisionRecord | null): boolean =>
  a === b || (a !== null && b !== null && a.decisionNo === b.decisionNo && a.date === b.date && a.signer === b.signer);

/**
 * The decision an issued document printed: what its register row kept; for a row issued before
 * rows kept it, the values before the first correction recorded since (none since: the registry's
 * record is still what it printed → undefined). Undefined also when the document was never issued.
 */
async function printedBy(db: Db, sessionId: number, last: LatestIssue | undefined): Promise<DecisionRecord | null | undefined> {
  if (!last) return undefined;
  if (last.decision !== undefined) return last.decision;
  const first = (await sessionCorrections(db, sessionId)).find((c) => c.correctedAt > last.issuedAt);
  if (!first) return undefined;
  const now = await sessionDecision(db, sessionId);
  const before = (field: 'decisionNo' | 'decisionDate' | 'signer', value: string) =>
    first.changes.find((c) => c.field === field)?.from ?? value;
  return now
    ? {
        decisionNo: before('decisionNo', now.decisionNo),
        date: before('decisionDate', now.date),
        signer: before('signer', now.signer),
      }
    : undefined;
}

/** The decision the issued version of a document (by reference: QD, GCN-<reg>) printed; undefined: not issued. */
export async function printedDecision(db: Db, sessionId: number, docRef: string): Promise<DecisionRecord | null | undefined> {
  return printedBy(db, sessionId, await latestIssue(db, sessionId, docRef));
}

/** documents:corrections — the session's corrections after issue, and the issued documents that do not carry them. */
export async function correctionsOfSession(db: Db, sessionId: number): Promise<SessionCorrections> {
  const corrections = await sessionCorrections(db, sessionId);
  const now = await sessionDecision(db, sessionId);
  const pending: SessionCorrections['pending'] = [];
  for (const d of await latestIssues(db, sessionId, ['decision', 'certificate'])) {
    const printed = await printedBy(db, sessionId, d);
    if (printed === undefined || same(printed, now)) continue;
    pending.push({
      issueId: d.id,
      kind: d.kind as 'decision' | 'certificate',
      registrationId: d.registrationId,
      docRef: d.docRef,
      title: d.title,
      number: d.number,
      issuedAt: d.issuedAt,
      corrections: corrections.filter((c) => c.correctedAt > d.issuedAt).map((c) => c.id),
    });
  }
  return { corrections, pending };
}

/** documents:corrections (a read). */
export const documentCorrections = (ctx: CoreContext, input: { sessionId: number }): Promise<SessionCorrections> =>
  correctionsOfSession(ctx.db, input.sessionId);
