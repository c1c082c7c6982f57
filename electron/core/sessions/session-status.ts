import type { Transaction } from 'kysely';
import { needsReason, transitionRefusal, type SessionStatusValue } from '../../../shared/ocop/session-status';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError } from '../errors';
import { sessionDetail } from './session-detail';
import { getSession, type SessionFacts } from './session-repo';

export interface TransitionOptions {
  /** Why the step is undone (closed → in_progress, finalized → closed): required there, audited. */
  reason?: string;
  /** End time of a meeting, when closing it. */
  endTime?: string;
}

const ACTIONS: Record<string, string> = {
  'preparing>in_progress': 'session.open',
  'in_progress>closed': 'session.close',
  'closed>in_progress': 'session.reopen',
  'closed>finalized': 'session.finalize',
  'finalized>closed': 'session.unfinalize',
};

const label = (s: SessionFacts) => `Session ${s.number} of ${s.date} (id ${s.id})`;

/**
 * Moves a session to another status, checking the state machine and what the step needs, and
 * audits it in the caller's transaction. The results area calls it with 'finalized' (and back
 * to 'closed' with a reason) inside its own finalization transaction.
 */
export async function transitionSession(
  trx: Transaction<DB>,
  ctx: CoreContext,
  actor: string,
  sessionId: number,
  to: SessionStatusValue,
  opts: TransitionOptions = {},
): Promise<void> {
  const s = await getSession(trx, sessionId);
  const from = s.status as SessionStatusValue;
  const refusal = transitionRefusal(from, to);
  if (refusal)
    throw new CoreError('FORBIDDEN_STATE', `${label(s)} cannot go from ${from} to ${to}: ${refusal}`, { from, to, sessionId });
  const reason = opts.reason?.trim() ?? '';
  if (needsReason(from, to) && reason === '') {
    throw new CoreError(
      'VALIDATION',
      `reason is required to take ${label(s)} back from ${from} to ${to}: say why (it is kept in the audit log)`,
      { field: 'reason', from, to },
    );
  }
  const at = ctx.now().toISOString();
  let endTime = s.endTime;
  if (from === 'preparing' && to === 'in_progress') {
    const { readiness } = await sessionDetail(trx, sessionId);
    if (!readiness.canOpen) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `${label(s)} cannot be opened yet: ${readiness.blockers.map((b) => b.message).join('; ')}`,
        { from, to, blockers: readiness.blockers },
      );
    }
  }
  if (from === 'in_progress' && to === 'closed') {
    endTime = opts.endTime ?? s.endTime;
    if (s.kind === 'meeting' && endTime === null) {
      throw new CoreError(
        'VALIDATION',
        `endTime is required to close ${label(s)}: the minutes record when the meeting ended (HH:MM)`,
        { field: 'endTime' },
      );
    }
    if (endTime !== null && s.startTime !== null && endTime <= s.startTime) {
      throw new CoreError('VALIDATION', `endTime ${endTime} must be after the start time ${s.startTime}`, { field: 'endTime' });
    }
  }
  await trx
    .updateTable('session')
    .set({
      status: to,
      end_time: endTime,
      opened_at: to === 'in_progress' ? (s.openedAt ?? at) : s.openedAt,
      closed_at: to === 'closed' ? at : to === 'in_progress' ? null : s.closedAt,
      finalized_at: to === 'finalized' ? at : to === 'closed' ? null : s.finalizedAt,
      updated_at: at,
    })
    .where('id', '=', sessionId)
    .execute();
  await appendAudit(trx, ctx.now(), {
    actor,
    action: ACTIONS[`${from}>${to}`] ?? 'session.status',
    entity: 'session',
    entityId: sessionId,
    before: { status: from },
    after: { status: to, ...(reason ? { reason } : {}), ...(endTime !== s.endTime ? { endTime } : {}) },
  });
}
