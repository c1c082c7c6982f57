import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/text/canonical-json';

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditPayload {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** hash = SHA-256(prev_hash + "\n" + canonical JSON of the event). Changing this breaks every chain. */
export function auditHash(prevHash: string, p: AuditPayload): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        at: p.at,
        actor: p.actor,
        action: p.action,
        entity: p.entity,
        entityId: p.entityId,
        before: p.before ?? null,
        after: p.after ?? null,
      }),
    )
    .digest('hex');
}
