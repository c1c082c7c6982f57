import { GENESIS_HASH, auditHash } from '../audit/chain';
import type { AuditIndex } from './audit-index';
import type { Collector } from './collector';

/** The hash chain itself: every link and every hash recomputed. Stops at the first broken event (later ones cannot be trusted). */
export function checkChain(audit: AuditIndex, c: Collector): void {
  let prev = GENESIS_HASH;
  let expectedSeq = audit.rows[0]?.seq ?? 1;
  for (const r of audit.rows) {
    c.checked('chain');
    if (r.seq !== expectedSeq) {
      c.add(
        'chain',
        'audit_log',
        `event ${expectedSeq}`,
        'present (sequence numbers have no gaps)',
        `missing; the next event is ${r.seq}`,
      );
      return;
    }
    expectedSeq += 1;
    if (r.prevHash !== prev) {
      c.add('chain', 'audit_log', `event ${r.seq}, prev_hash`, prev, r.prevHash);
      return;
    }
    if (r.rawBefore === undefined || r.rawAfter === undefined) {
      c.add('chain', 'audit_log', `event ${r.seq}`, 'readable JSON in before/after', 'unreadable');
      return;
    }
    const expected = auditHash(prev, {
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.rawBefore,
      after: r.rawAfter,
    });
    if (expected !== r.hash) {
      c.add('chain', 'audit_log', `event ${r.seq}, hash`, expected, r.hash);
      return;
    }
    prev = r.hash;
  }
}
