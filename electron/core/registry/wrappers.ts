import type { Transaction } from 'kysely';
import { appendAudit, type AuditInput } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { actorOf, type CallMeta } from '../handlers';

/**
 * LOCAL ADAPTER until issue 12 lands `read`/`write`/`task` in electron/core/handlers.ts: the same
 * names and shapes (Write = { ctx, trx, at, actor, audit }, Call = { ctx, actor }), so switching
 * is a change of import path. Delete this file then.
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

type Fn<I, O> = (input: I, ctx: CoreContext, meta: CallMeta) => Promise<O> | O;

export const read =
  <I, O>(fn: (ctx: CoreContext, input: I) => Promise<O> | O): Fn<I, O> =>
  (input, ctx) =>
    fn(ctx, input);

export const write =
  <I, O>(fn: (w: Write, input: I) => Promise<O>): Fn<I, O> =>
  (input, ctx, meta) =>
    runWrite({ ctx, actor: actorOf(ctx, meta) }, (w) => fn(w, input));

export const task =
  <I, O>(fn: (call: Call, input: I) => Promise<O> | O): Fn<I, O> =>
  (input, ctx, meta) =>
    fn({ ctx, actor: actorOf(ctx, meta) }, input);

export function runWrite<T>(call: Call, fn: (w: Write) => Promise<T>): Promise<T> {
  return call.ctx.db.transaction().execute((trx) => fn(writeIn(call, trx)));
}

export function writeIn(call: Call, trx: Transaction<DB>, at: Date = call.ctx.now()): Write {
  return {
    ctx: call.ctx,
    trx,
    at,
    actor: call.actor,
    audit: (e) => appendAudit(trx, at, { ...e, actor: e.actor ?? call.actor }),
  };
}
