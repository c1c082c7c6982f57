import { contract, isChannel, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/api/contract';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import type { ApiErrorBody } from '../../shared/api/errors';
import { randomBytes } from 'node:crypto';
import { appHandlers } from './app/app-handlers';
import { criteriaHandlers } from './criteria/criteria-handlers';
import { dossiersHandlers } from './dossiers/dossiers-handlers';
import { backupHandlers } from './backup/backup-handlers';
import { placesHandlers } from './places/places-handlers';
import { councilsHandlers } from './councils/councils-handlers';
import { roundsHandlers } from './rounds/rounds-handlers';
import { sessionsHandlers } from './sessions/sessions-handlers';
import { demoHandlers } from './demo/demo-handlers';
import { resultsHandlers } from './results/results-handlers';
import { documentsHandlers } from './documents/documents-handlers';
import { documentSettingsHandlers } from './documents/settings/settings-handlers';
import { documentRegisterHandlers } from './documents/register/register-handlers';
import { scoringHandlers } from './scoring/scoring-handlers';
import { signaturesHandlers } from './signing/signatures-handlers';
import { registryHandlers } from './registry/registry-handlers';
import { roomHandlers } from './room/room-handlers';
import { statsHandlers } from './stats/stats-handlers';
import type { CoreContext } from './context';
import { CoreError } from './errors';
import { handlerKind, type CallMeta, type CoreHandler, type Handler } from './handlers';
import { integrityHandlers } from './integrity/integrity-handlers';
import { isReplacing } from './db/handle';
import { translateSqliteError } from './db/open';
import { LIVE_CHANNELS } from './events';
import { prepareInput } from './input-guard';

/**
 * Every channel's handler. Adding an area: define its channels in shared/api/channels/<area>.ts,
 * merge them in shared/api/contract.ts, and spread its handlers here; the type below fails the
 * build until every channel has exactly one handler, and api.test.ts fails until each is built
 * with read, write or task (handlers.ts).
 */
export const handlers: { [C in Channel]: Handler<(typeof contract)[C]> } = {
  ...appHandlers,
  ...criteriaHandlers,
  ...dossiersHandlers,
  ...backupHandlers,
  ...placesHandlers,
  ...councilsHandlers,
  ...roundsHandlers,
  ...sessionsHandlers,
  ...demoHandlers(invoke),
  ...resultsHandlers,
  ...documentsHandlers,
  ...documentSettingsHandlers,
  ...documentRegisterHandlers,
  ...scoringHandlers,
  ...signaturesHandlers,
  ...registryHandlers,
  ...roomHandlers,
  ...statsHandlers,
  ...integrityHandlers,
};

export type Logger = (msg: string, err?: unknown) => void;
const defaultLogger: Logger = (msg, err) => console.error(`[ocop-core] ${msg}`, err ?? '');

/**
 * The single entry into the core for every host (IPC, HTTP, CLI). Validates the input with the
 * channel's schema (after NFC-normalising every string), runs the handler, checks the output
 * against the contract and answers with the envelope; it never throws.
 */
export async function invoke<C extends Channel>(
  ctx: CoreContext,
  channel: C | string,
  rawInput: ChannelInput<C> | unknown,
  meta: CallMeta = {},
  log: Logger = defaultLogger,
): Promise<Envelope<ChannelOutput<C>>> {
  try {
    return await invokeChecked(ctx, channel, rawInput, meta, log);
  } catch (e) {
    // Nothing above should throw; if something does, the caller still gets a typed answer.
    return internal(typeof channel === 'string' ? channel : 'invoke', e, log);
  }
}

async function invokeChecked<C extends Channel>(
  ctx: CoreContext,
  channel: C | string,
  rawInput: unknown,
  meta: CallMeta,
  log: Logger,
): Promise<Envelope<ChannelOutput<C>>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(channel)}` });
  }
  if (isReplacing(ctx) && channel !== 'app:ping') {
    return fail({ code: 'DB_LOCKED', message: 'The database is being restored from a backup; try again in a moment' });
  }
  const def = contract[channel];
  // Shape limits, NUL/lone surrogates and NFC in one iterative pass before any recursive work.
  const prepared = prepareInput(rawInput ?? {});
  if (!prepared.ok) {
    const where = prepared.problem.path.join('.') || '(input)';
    return fail({
      code: 'VALIDATION',
      message: `Invalid input for ${channel}: ${where}: ${prepared.problem.message}`,
      details: {
        field: prepared.problem.path.join('.'),
        issues: [{ path: prepared.problem.path, message: prepared.problem.message, code: 'custom' }],
      },
    });
  }
  const parsed = def.input.safeParse(prepared.value);
  if (!parsed.success) {
    return fail({
      code: 'VALIDATION',
      message: `Invalid input for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
      details: {
        field: parsed.error.issues[0]?.path.map(String).join('.') ?? '',
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
      },
    });
  }
  const handler = handlers[channel] as unknown as CoreHandler<unknown, unknown>;
  if (ctx.readOnly && handlerKind(handler) !== 'read' && !WRITES_NOTHING_HERE.has(channel)) return fail(readOnlyRefusal(channel));
  try {
    const value = await handler(parsed.data, ctx, meta);
    const out = def.output.safeParse(value);
    if (!out.success) {
      log(`output of ${channel} does not match the contract`, out.error);
      return fail({ code: 'INTERNAL', message: `The core answered ${channel} with data that does not match the contract` });
    }
    if (LIVE_CHANNELS.has(channel)) emitChange(ctx, channel, parsed.data, meta);
    return ok(out.data as ChannelOutput<C>);
  } catch (e) {
    if (e instanceof CoreError) return fail(scrubbed(ctx, { code: e.code, message: e.message, details: e.details }));
    if (typeof (e as { code?: unknown }).code === 'string' && String((e as { code: string }).code).startsWith('SQLITE_')) {
      // A read that tried to write anyway (the view's connection is read-only): the same refusal.
      if (ctx.readOnly && String((e as { code: string }).code).startsWith('SQLITE_READONLY'))
        return fail(readOnlyRefusal(channel));
      const ce = translateSqliteError(e, ctx.paths.databasePath);
      if (ce.code !== 'INTERNAL') return fail(scrubbed(ctx, { code: ce.code, message: ce.message }));
    }
    return internal(channel, e, log);
  }
}

/**
 * Tasks that change nothing in the data folder, so they work in view-only mode too: saving a copy
 * of the data to a place the user chooses (the way out of a read-only disk) and listing USB tokens.
 * Every other write and task is refused with READ_ONLY before it starts.
 */
const WRITES_NOTHING_HERE: ReadonlySet<string> = new Set<Channel>(['backup:saveCopy', 'signatures:tokens']);

const readOnlyRefusal = (channel: string): ApiErrorBody => ({
  code: 'READ_ONLY',
  message: `${channel} would change data, but the app is in view-only mode: the data folder cannot be written (the disk or folder is read-only, or this user may not write there). Nothing was changed. To work normally, make the data folder writable or copy it to a writable disk (Backup → Save a copy to…), then open the app from there again.`,
  details: { channel },
});

/** Tells live screens what changed (events.ts): the channel and, where the input names it, the session. */
function emitChange(ctx: CoreContext, channel: string, input: unknown, meta: CallMeta): void {
  if (ctx.events.size === 0) return;
  const i = (input ?? {}) as { sessionId?: unknown; id?: unknown };
  const sessionId =
    meta.device?.sessionId ??
    (typeof i.sessionId === 'number' ? i.sessionId : channel.startsWith('sessions:') && typeof i.id === 'number' ? i.id : null);
  ctx.events.emit({ channel, sessionId, at: ctx.now().toISOString(), source: meta.device ? 'device' : 'local' });
}

/**
 * An unexpected failure: the log gets everything (message, SQL, stack); the caller gets the code
 * and a reference to find it in the log, never a path, an SQL text or a stack.
 */
export function internal(channel: string, e: unknown, log: Logger): Envelope<never> {
  const ref = randomBytes(4).toString('hex');
  log(`${channel} failed (ref ${ref})`, e);
  return fail({
    code: 'INTERNAL',
    message: `${channel} failed because of an internal error (reference ${ref} in the log). Nothing was changed by the failed step.`,
    details: { ref },
  });
}

/**
 * Error texts never show where the data lives (the HTTP bridge may answer another user of the
 * computer, and the meeting-room mode a phone): the database file and the data folder become
 * words, and a `file` detail is dropped. Paths the caller itself gave stay, they are its own.
 */
function scrubbed(ctx: CoreContext, body: ApiErrorBody): ApiErrorBody {
  const { databasePath, dataDir } = ctx.paths;
  let message = body.message;
  // "The database /x/ocop.sqlite is…" must not read "The database the database is…".
  if (databasePath !== ':memory:')
    message = message.split(`database ${databasePath}`).join('database').split(databasePath).join('the database');
  message = message.split(dataDir).join('the data folder');
  let details = body.details;
  if (details !== null && typeof details === 'object' && !Array.isArray(details) && 'file' in details) {
    const { file: _file, ...rest } = details as Record<string, unknown>;
    details = Object.keys(rest).length > 0 ? rest : undefined;
  }
  return details === undefined ? { code: body.code, message } : { code: body.code, message, details };
}
