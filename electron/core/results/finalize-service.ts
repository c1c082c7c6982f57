import type { Kysely } from 'kysely';
import { autoBackup } from '../backup/backup-service';
import type { FinalizationCheck, SessionResults } from '../../../shared/api/channels/results';
import { canonicalJson } from '../../../shared/text/canonical-json';
import { auditHead } from '../audit/audit-repo';
import { GENESIS_HASH } from '../audit/chain';
import type { DB } from '../db/schema';
import { CoreError, fieldError } from '../errors';
import { transitionSession } from '../sessions/session-status';
import { getSession } from '../sessions/session-repo';
import { allFinalizations, insertFinalization, markReopened, openFinalization, toFinalization } from './finalization-repo';
import { describeDifferences, resultsDocument, sha256Hex, type ResultsDocument } from './results-digest';
import { readStoredAnswers } from './answer-reader';
import { computeSession, sessionResultsOf, type Computed, type Conn } from './results-service';
import { isSensitive } from './results-view';
import { withTriggerErrors } from '../dossiers/dossier-common';
import { recordOutcomes, withdrawOutcomes } from '../dossiers/registration-outcome';
import { assertSessionUndecided, syncSession } from '../registry/session-sync';
import { runWrite, type Call, type Write } from '../handlers';

/**
 * Finalizing (chốt kết quả) and reopening a session. Both run in one transaction with their audit
 * event; the triggers of migration 0006 keep the session status and the finalization rows in
 * step even if a caller bypassed this service.
 */

/**
 * A task: a finalized session is the council's record, so a copy of the database is taken just
 * before (kept always), then the finalization commits in one transaction.
 */
export async function finalizeSession(
  call: Call,
  input: { sessionId: number; acknowledgeSensitive: boolean; marginPoints: number },
): Promise<SessionResults> {
  await autoBackup(call.ctx, 'finalize');
  // Trigger aborts ("FORBIDDEN_STATE: …") carry the code the core reports.
  return withTriggerErrors(() =>
    runWrite(call, async (w) => {
      const { ctx, trx, actor } = w;
      const conn: Conn = { db: trx, sqlite: ctx.sqlite };
      const computed = await computeSession(conn, input.sessionId, input.marginPoints);
      const before = await sessionResultsOf(trx, computed, input.marginPoints);
      if (before.finalizeBlockers.length > 0) {
        throw new CoreError(
          'FORBIDDEN_STATE',
          `Session ${input.sessionId} cannot be finalized: ${before.finalizeBlockers.map((b) => b.message).join('; ')}`,
          {
            sessionId: input.sessionId,
            blockers: before.finalizeBlockers,
          },
        );
      }
      const sensitive = before.products.filter(isSensitive);
      if (sensitive.length > 0 && !input.acknowledgeSensitive) {
        throw new CoreError(
          'VALIDATION',
          `acknowledgeSensitive: ${sensitive.length} product(s) are near a band edge or would change star with one member's one-level change (${sensitive.map((p) => p.productCode).join(', ')}); the chair must review them and confirm with acknowledgeSensitive: true`,
          {
            field: 'acknowledgeSensitive',
            issues: [
              {
                path: ['acknowledgeSensitive'],
                message: 'the chair must confirm the sensitive results',
                code: 'custom',
                registrationIds: sensitive.map((p) => p.registrationId),
              },
            ],
          },
        );
      }
      const at = w.at.toISOString();
      const seq = before.history.length + 1;
      const head = (await auditHead(trx)) ?? GENESIS_HASH;
      const doc = documentOf(conn, computed, seq, head);
      const json = canonicalJson(doc);
      const digest = sha256Hex(json);
      const chairMemberId = computed.data.session.chairMemberId;
      const id = await insertFinalization(trx, {
        sessionId: input.sessionId,
        seq,
        auditHead: head,
        digest,
        json,
        at,
        by: actor,
        chairMemberId,
      });
      // The session's own status change (state machine, audit 'session.finalize') belongs to councils.
      await transitionSession(trx, ctx, actor, input.sessionId, 'finalized');
      // Each registration takes its outcome (star, recognised or not) and the stage 'result'.
      await recordOutcomes(trx, ctx, actor, {
        finalizationId: id,
        at,
        products: before.products.map((p) => ({
          registrationId: p.registrationId,
          status: p.status === 'disqualified' ? 'disqualified' : 'complete',
          finalStar: p.finalStar,
          recognised: p.recognised,
          proposedToCentral: p.proposedToCentral,
        })),
      });
      // The registry of OCOP products receives the council's proposals in the same transaction.
      await syncSession(w, input.sessionId);
      await w.audit({
        action: 'results.finalize',
        entity: 'session',
        entityId: input.sessionId,
        before: { status: 'closed' },
        after: {
          status: 'finalized',
          finalizationId: id,
          seq,
          auditHead: head,
          resultsDigest: digest,
          products: before.products.length,
          byFinalStar: before.summary.byFinalStar,
          acknowledgedSensitive: sensitive.map((p) => p.registrationId),
        },
      });
      const after = await computeSession(conn, input.sessionId, input.marginPoints);
      return sessionResultsOf(trx, after, input.marginPoints);
    }),
  );
}

export async function reopenSession(
  w: Write,
  input: { sessionId: number; chairMemberId: number; reason: string },
): Promise<SessionResults> {
  const { ctx, trx, actor } = w;
  return withTriggerErrors(async () => {
    const session = await getSession(trx, input.sessionId);
    const open = await openFinalization(trx, input.sessionId);
    if (session.status !== 'finalized' || !open) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `Session ${input.sessionId} is not finalized (it is ${session.status}); only a finalized session can be reopened`,
        { sessionId: input.sessionId, status: session.status },
      );
    }
    await assertPresiding(trx, input.sessionId, session.chairMemberId, input.chairMemberId);
    // Once the province's decision is recorded, the results it rests on stay as they are.
    await assertSessionUndecided(trx, input.sessionId);
    const at = w.at.toISOString();
    await markReopened(trx, open.id, { at, by: actor, reason: input.reason, chairMemberId: input.chairMemberId });
    await transitionSession(trx, ctx, actor, input.sessionId, 'closed', { reason: input.reason });
    await withdrawOutcomes(trx, ctx, actor, { finalizationId: open.id, reason: input.reason });
    await syncSession(w, input.sessionId);
    await w.audit({
      action: 'results.reopen',
      entity: 'session',
      entityId: input.sessionId,
      before: { status: 'finalized', finalizationId: open.id, seq: open.seq, resultsDigest: open.results_digest },
      after: { status: 'closed', reason: input.reason, chairMemberId: input.chairMemberId },
    });
    const after = await computeSession({ db: trx, sqlite: ctx.sqlite }, input.sessionId, 1);
    return sessionResultsOf(trx, after, 1);
  });
}

function documentOf(conn: Conn, c: Computed, seq: number, head: string): ResultsDocument {
  const stored = readStoredAnswers(
    conn.sqlite,
    c.products.flatMap((p) => p.sheets.map((s) => s.sheetId)),
  );
  return resultsDocument(c.data, c.products, stored, seq, head);
}

/** The member giving the reason must preside: the session's chair, or the council's chair when none is set. */
async function assertPresiding(db: Kysely<DB>, sessionId: number, sessionChair: number | null, memberId: number): Promise<void> {
  const m = await db
    .selectFrom('session_attendance as a')
    .innerJoin('council_member as cm', 'cm.id', 'a.member_id')
    .select(['cm.id', 'cm.full_name', 'cm.role'])
    .where('a.session_id', '=', sessionId)
    .where('a.member_id', '=', memberId)
    .executeTakeFirst();
  if (!m) throw fieldError('chairMemberId', `member ${memberId} is not listed for session ${sessionId}`);
  const presiding = sessionChair !== null ? m.id === sessionChair : m.role === 'chair';
  if (!presiding) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.full_name} does not preside over session ${sessionId}; only the chair of the session can reopen its finalized results`,
      { sessionId, memberId },
    );
  }
}

/**
 * Re-checks finalizations: the stored JSON still hashes to the stored digest, the audit head is
 * in the chain, and — for finalizations in force — the database still holds the same answers
 * and gives the same results. This is how an answer edited behind the triggers is found.
 */
export async function verifyFinalizations(conn: Conn, sessionId?: number): Promise<{ ok: boolean; checks: FinalizationCheck[] }> {
  const { db } = conn;
  const checks: FinalizationCheck[] = [];
  for (const row of await allFinalizations(db, sessionId)) {
    const problems: string[] = [];
    if (sha256Hex(row.results_json) !== row.results_digest)
      problems.push(
        `the stored results of finalization ${row.seq} do not match their digest (the finalization record was edited)`,
      );
    const inChain =
      row.audit_head === GENESIS_HASH ||
      (await db.selectFrom('audit_log').select('seq').where('hash', '=', row.audit_head).executeTakeFirst()) !== undefined;
    if (!inChain) problems.push(`the audit head ${row.audit_head.slice(0, 12)}… stored at finalization is not in the audit log`);
    if (row.reopened_at === null) {
      let stored: ResultsDocument | null = null;
      try {
        stored = JSON.parse(row.results_json) as ResultsDocument;
      } catch {
        problems.push('the stored results are not readable JSON');
      }
      if (stored) {
        try {
          const now = await computeSession(conn, row.session_id, 1);
          problems.push(...describeDifferences(stored, documentOf(conn, now, stored.seq, stored.auditHead)));
        } catch (e) {
          problems.push(`the results can no longer be computed from the database: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (!(await finalizeEventNames(db, row.session_id, row.results_digest)))
      problems.push(`no results.finalize event in the audit log names digest ${row.results_digest.slice(0, 12)}…`);
    const f = toFinalization(row);
    checks.push({
      sessionId: row.session_id,
      finalizationId: f.id,
      seq: f.seq,
      ok: problems.length === 0,
      storedDigest: f.resultsDigest,
      problems,
    });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

async function finalizeEventNames(db: Kysely<DB>, sessionId: number, digest: string): Promise<boolean> {
  const events = await db
    .selectFrom('audit_log')
    .select('after_json')
    .where('action', '=', 'results.finalize')
    .where('entity', '=', 'session')
    .where('entity_id', '=', String(sessionId))
    .execute();
  return events.some(
    (e) => e.after_json !== null && (JSON.parse(e.after_json) as { resultsDigest?: string }).resultsDigest === digest,
  );
}
