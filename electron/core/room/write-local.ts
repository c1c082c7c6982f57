import type { Transaction } from 'kysely';
import { appendAudit, type AuditInput } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';

/**
 * Interim copy of issue 12's `Write` / `runWrite` (electron/core/handlers.ts once it lands):
 * the room services are written in that shape and switch to the real wrappers on rebase.
 */
export type AuditEvent = Omit<AuditInput, 'actor'> & { actor?: string };

export interface Write {
  ctx: CoreContext;
  trx: Transaction<DB>;
  at: Date;
  actor: string;
  audit(event: AuditEvent): Promise<string>;
}

export interface Call {
  ctx: CoreContext;
  actor: string;
}

export function runWrite<T>(call: Call, fn: (w: Write) => Promise<T>): Promise<T> {
  return call.ctx.db.transaction().execute((trx) => {
    const at = call.ctx.now();
    return fn({
      ctx: call.ctx,
      trx,
      at,
      actor: call.actor,
      audit: (e) => appendAudit(trx, at, { ...e, actor: e.actor ?? call.actor }),
    });
  });
}
