import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';

/** One audit event of this area, written in the caller's transaction. */
export function auditDossier(
  trx: Transaction<DB>,
  ctx: CoreContext,
  e: { actor: string; action: string; entity: string; entityId: number | null; before?: unknown; after?: unknown },
): Promise<string> {
  return appendAudit(trx, ctx.now(), {
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}
