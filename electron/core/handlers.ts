import type Database from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { ChannelDef } from '../../shared/api/define';
import { appendAudit, type AuditInput } from './audit/audit-repo';
import { appendAuditSync } from './audit/audit-sync';
import type { CoreContext } from './context';
import type { DB } from './db/schema';
import type { DeviceIdentity } from './room/device-auth';
import { withWriteLock } from './db/sync-db';

/**
 * How every channel's handler is built (docs/CONVENTIONS.md, "Handlers"). A handler holds no
 * logic: it is one of the wrappers below around one service call.
 *
 *   read((ctx, input) => …)   a query: no transaction, nothing written
 *   write((w, input) => …)    a change: one transaction, one clock reading, the actor, the audit
 *   task((call, input) => …)  long work that opens its own transactions (jobs, files, backups)
 *   syncWrite((w, input) => …) the scoring autosave path only (see SyncWrite)
 *
 * Each wrapper marks the function it returns with its kind; handlers.test.ts checks that every
 * handler in api.ts carries a mark, so a handler written by hand fails the suite.
 */

/** Per-call facts from the host: who is acting (the audit log's actor). */
export interface CallMeta {
  actor?: string;
  /** Set only by the meeting-room listener: the paired device making the call (room/device-auth.ts). */
  device?: DeviceIdentity;
}

/** One audit event of a change; `actor` defaults to the caller (a member's own sheet names the member). */
export type AuditEvent = Omit<AuditInput, 'actor'> & { actor?: string };

/**
 * Everything a change needs, handed to the service by `write`: the transaction the change and its
 * audit record commit in, the moment of the change (read once, so every row and the audit event
 * carry the same time), who makes it, and the audit append bound to all three.
 */
export interface Write {
  ctx: CoreContext;
  trx: Transaction<DB>;
  at: Date;
  actor: string;
  /** See Call.device. */
  device?: DeviceIdentity;
  audit(event: AuditEvent): Promise<string>;
  /**
   * Runs `fn` if the transaction rolls back (a refusal, a trigger, a failed commit). For what the
   * change also keeps outside the database — the scoring undo stacks (scoring/answer-events.ts) —
   * so memory never holds what the database no longer has. The same function registered twice runs once.
   */
  onRollback(fn: () => void): void;
}

/** What a long task gets: the core and who started it. It opens its own transactions (`runWrite`). */
export interface Call {
  ctx: CoreContext;
  actor: string;
  /** The paired meeting-room device making the call, when the room listener is the host (CallMeta.device). */
  device?: DeviceIdentity;
}

/**
 * The scoring autosave's Write: the same moment, actor and audit, but on the raw better-sqlite3
 * connection with cached prepared statements instead of a Kysely transaction. It exists only
 * because an answer must save in well under a millisecond on a database of a million answers
 * (bench/scoring.bench.ts: setAnswer median < 1 ms, p99 < 5 ms), and Kysely prepares every
 * statement anew (db/sync-db.ts explains the measurements). Do not use it elsewhere.
 */
export interface SyncWrite {
  ctx: CoreContext;
  sqlite: Database.Database;
  at: Date;
  actor: string;
  /** See Call.device. */
  device?: DeviceIdentity;
  audit(event: AuditEvent): string;
  /** See Write.onRollback. */
  onRollback(fn: () => void): void;
}

export type HandlerKind = 'read' | 'write' | 'task';

const KIND: unique symbol = Symbol('ocop.handlerKind');

/** What api.ts calls for one channel: the parsed input, the core, the caller's facts. */
export interface CoreHandler<I, O> {
  (input: I, ctx: CoreContext, meta: CallMeta): Promise<O> | O;
  readonly [KIND]?: HandlerKind;
}

export type Handler<D extends ChannelDef> = CoreHandler<z.output<D['input']>, z.input<D['output']>>;

/** The handlers of one area, one per channel of that area's contract. */
export type AreaHandlers<M extends Record<string, ChannelDef>> = { [K in keyof M]: Handler<M[K]> };

/** The wrapper a handler was built with; undefined for a handler written by hand. */
export const handlerKind = (h: unknown): HandlerKind | undefined =>
  typeof h === 'function' ? (h as { [KIND]?: HandlerKind })[KIND] : undefined;

function mark<I, O>(kind: HandlerKind, fn: (input: I, ctx: CoreContext, meta: CallMeta) => Promise<O> | O): CoreHandler<I, O> {
  return Object.defineProperty(fn, KIND, { value: kind, enumerable: false }) as CoreHandler<I, O>;
}

/** Who the audit log names: the caller's stated actor, the operator name from settings, or 'local'. */
export const actorOf = (ctx: CoreContext, meta: CallMeta): string => meta.actor ?? ctx.defaultActor;

const callOf = (ctx: CoreContext, meta: CallMeta): Call => ({
  ctx,
  actor: actorOf(ctx, meta),
  ...(meta.device ? { device: meta.device } : {}),
});

/** A query: the service reads through `ctx.db` and writes nothing. */
export const read = <I, O>(fn: (ctx: CoreContext, input: I) => Promise<O> | O): CoreHandler<I, O> =>
  mark('read', (input: I, ctx: CoreContext) => fn(ctx, input));

/** A change: the service runs inside one transaction with `w` (see Write). */
export const write = <I, O>(fn: (w: Write, input: I) => Promise<O>): CoreHandler<I, O> =>
  mark('write', (input: I, ctx: CoreContext, meta: CallMeta) => runWrite(callOf(ctx, meta), (w) => fn(w, input)));

/** Long work that manages its own transactions: jobs, files, backups. */
export const task = <I, O>(fn: (call: Call, input: I) => Promise<O> | O): CoreHandler<I, O> =>
  mark('task', (input: I, ctx: CoreContext, meta: CallMeta) => fn(callOf(ctx, meta), input));

/** The scoring autosave: one better-sqlite3 transaction under the core's connection lock (see SyncWrite). */
export const syncWrite = <I, O>(fn: (w: SyncWrite, input: I) => O): CoreHandler<I, O> =>
  mark('write', (input: I, ctx: CoreContext, meta: CallMeta) => runSyncWrite(callOf(ctx, meta), (w) => fn(w, input)));

/** The functions a transaction runs if it rolls back (Write.onRollback); each one once. */
class RollbackHooks {
  private readonly fns = new Set<() => void>();
  readonly add = (fn: () => void): void => void this.fns.add(fn);
  run(): void {
    for (const fn of this.fns) fn();
    this.fns.clear();
  }
}

/** The Write of one transaction; for `write` and for a task that commits in steps. */
export async function runWrite<T>(call: Call, fn: (w: Write) => Promise<T>): Promise<T> {
  const hooks = new RollbackHooks();
  try {
    return await call.ctx.db.transaction().execute((trx) => fn(writeIn(call, trx, call.ctx.now(), hooks.add)));
  } catch (e) {
    hooks.run();
    throw e;
  }
}

/**
 * A Write on a transaction that is already open (a task's own transaction). Its rollback hooks
 * run only if the caller passes `onRollback` and calls what it collected; runWrite does both.
 */
export function writeIn(
  call: Call,
  trx: Transaction<DB>,
  at: Date = call.ctx.now(),
  onRollback: (fn: () => void) => void = () => {},
): Write {
  return {
    ctx: call.ctx,
    trx,
    at,
    actor: call.actor,
    ...(call.device ? { device: call.device } : {}),
    audit: (e) => appendAudit(trx, at, { ...e, actor: e.actor ?? call.actor }),
    onRollback,
  };
}

/** The SyncWrite of one better-sqlite3 transaction, holding the core's connection lock. */
export function runSyncWrite<T>(call: Call, fn: (w: SyncWrite) => T): Promise<T> {
  const hooks = new RollbackHooks();
  return withWriteLock(
    call.ctx,
    () => fn(syncWriteOn(call, call.ctx.now(), hooks.add)),
    () => hooks.run(),
  );
}

/**
 * The raw connection inside a Write's Kysely transaction, as a SyncWrite: the same moment, actor,
 * device and rollback hooks. The transaction holds the connection, so the synchronous statements
 * (the answer events of a paper commit, an import, a re-scoring carry-over) join it.
 */
export const syncWriteIn = (w: Write): SyncWrite => syncWriteOn(w, w.at, w.onRollback);

function syncWriteOn(call: Call, at: Date, onRollback: (fn: () => void) => void): SyncWrite {
  const sqlite = call.ctx.sqlite;
  return {
    ctx: call.ctx,
    sqlite,
    at,
    actor: call.actor,
    ...(call.device ? { device: call.device } : {}),
    audit: (e) => appendAuditSync(sqlite, at, { ...e, actor: e.actor ?? call.actor }),
    onRollback,
  };
}
