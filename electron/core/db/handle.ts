import type { CoreContext } from '../context';
import type { OpenedDatabase } from './open';

/**
 * Which opened database a core context uses. Restore replaces the database under a running core
 * (main process, `ocop serve`): the new connection goes into the same context object, so every
 * holder of `ctx` sees it, and Core.close closes whichever is current.
 */
const handles = new WeakMap<CoreContext, OpenedDatabase>();

export function registerDatabase(ctx: CoreContext, opened: OpenedDatabase): void {
  handles.set(ctx, opened);
}

export function currentDatabase(ctx: CoreContext): OpenedDatabase | undefined {
  return handles.get(ctx);
}

export function swapDatabase(ctx: CoreContext, opened: OpenedDatabase): void {
  handles.set(ctx, opened);
  ctx.db = opened.db;
  ctx.sqlite = opened.sqlite;
}

/** Contexts whose database is being replaced: calls are refused meanwhile (api.ts). */
const replacing = new WeakSet<CoreContext>();

export const isReplacing = (ctx: CoreContext): boolean => replacing.has(ctx);

export async function whileReplacing<T>(ctx: CoreContext, f: () => Promise<T>): Promise<T> {
  replacing.add(ctx);
  try {
    return await f();
  } finally {
    replacing.delete(ctx);
  }
}
