import { contract, isChannel, type Channel, type ChannelInput, type ChannelOutput } from '../../../shared/api/contract';
import { fail, type Envelope } from '../../../shared/api/envelope';
import { nfcDeep } from '../../../shared/text/normalize';
import { invoke, type Logger } from '../api';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { agendaOf } from '../scoring/session-access';
import { recusalsOf } from '../sessions/session-repo';
import type { DeviceIdentity } from './device-auth';

/**
 * What a paired device may call, checked on the host before the core runs anything: each
 * allowed channel with the check that keeps the call inside the device's own member, session
 * and assigned products. Everything else is refused and nothing is written. The independence
 * rule ("others' scores hidden until one's own is submitted") is applied by forcing the viewer
 * of the spread and product-sheet queries to be the device's member.
 */

type Scope = (ctx: CoreContext, d: DeviceIdentity, input: Record<string, unknown>) => Promise<Record<string, unknown>>;

const outOfScope = (d: DeviceIdentity, what: string) =>
  new CoreError('FORBIDDEN_SCOPE', `This device is paired for ${d.memberName} in session ${d.sessionId}; ${what} is not theirs`, {
    deviceId: d.deviceId,
  });

const ownSession: Scope = async (_ctx, d, input) => {
  if (input.sessionId !== d.sessionId) throw outOfScope(d, `session ${String(input.sessionId)}`);
  return input;
};

const ownMember: Scope = async (ctx, d, input) => {
  await ownSession(ctx, d, input);
  if (input.memberId !== d.memberId) throw outOfScope(d, `member ${String(input.memberId)}'s work`);
  return input;
};

/** A sheet of the device's member in its session, scored on a device (never a paper sheet). */
const ownSheet: Scope = async (ctx, d, input) => {
  const sheet = await ctx.db
    .selectFrom('score_sheet')
    .select(['session_id', 'member_id', 'source'])
    .where('id', '=', Number(input.sheetId))
    .executeTakeFirst();
  if (!sheet || sheet.session_id !== d.sessionId || sheet.member_id !== d.memberId || sheet.source !== 'member')
    throw outOfScope(d, `sheet ${String(input.sheetId)}`);
  return input;
};

/** Products on the agenda the member is not recused from. */
async function assigned(ctx: CoreContext, d: DeviceIdentity): Promise<Set<number>> {
  const recused = await recusalsOf(ctx.db, d.sessionId);
  return new Set(
    (await agendaOf(ctx.db, d.sessionId)).map((a) => a.registrationId).filter((id) => !recused.get(id)?.has(d.memberId)),
  );
}

const viewerIsMember: Scope = async (ctx, d, input) => {
  await ownSession(ctx, d, input);
  if (input.registrationId !== undefined && !(await assigned(ctx, d)).has(Number(input.registrationId)))
    throw outOfScope(d, `product ${String(input.registrationId)}`);
  return { ...input, viewerMemberId: d.memberId };
};

const assignedEvidence: Scope = async (ctx, d, input) => {
  const a = await ctx.db.selectFrom('attachment').select('registration_id').where('id', '=', Number(input.id)).executeTakeFirst();
  if (!a || !(await assigned(ctx, d)).has(a.registration_id)) throw outOfScope(d, `evidence file ${String(input.id)}`);
  return input;
};

const always: Scope = async (_ctx, _d, input) => input;

/** The allowlist: channel → its scope check. A channel not listed here is refused. */
export const DEVICE_CHANNELS: Partial<Record<Channel, Scope>> = {
  'room:me': always,
  'room:heartbeat': always,
  'scoring:assignments': ownMember,
  'scoring:open': ownMember,
  'scoring:keepPrevious': ownMember,
  'scoring:get': ownSheet,
  'scoring:context': ownSheet,
  'scoring:setAnswer': ownSheet,
  'scoring:setNote': ownSheet,
  'scoring:setDeclaration': ownSheet,
  'scoring:setOpinion': ownSheet,
  'scoring:undo': ownSheet,
  'scoring:submit': ownSheet,
  'scoring:productSheets': viewerIsMember,
  'scoring:spread': viewerIsMember,
  'attachments:content': assignedEvidence,
};

export const isDeviceChannel = (channel: string): boolean => isChannel(channel) && DEVICE_CHANNELS[channel] !== undefined;

/** The answer to a channel outside the allowlist (the host may give it before reading the body). */
export const refusedChannel = (channel: string) =>
  fail({
    code: 'FORBIDDEN_SCOPE',
    message: `A member's device cannot call ${JSON.stringify(channel)}; only the member's own scoring is reachable from it`,
    details: { channel },
  });

/**
 * The one entry for a device's call: the allowlist, the input's own schema, the scope check,
 * then the core as for any host (invoke), with the device as the caller.
 */
export async function invokeForDevice<C extends Channel>(
  ctx: CoreContext,
  device: DeviceIdentity,
  channel: C | string,
  rawInput: ChannelInput<C> | unknown,
  log?: Logger,
): Promise<Envelope<ChannelOutput<C>>> {
  if (!isChannel(channel) || !DEVICE_CHANNELS[channel]) return refusedChannel(channel);
  const parsed = contract[channel].input.safeParse(nfcDeep(rawInput ?? {}));
  // Invalid input: let invoke word the validation error the usual way.
  if (!parsed.success) return invoke<C>(ctx, channel, rawInput, { actor: device.memberName, device }, log);
  let scoped: Record<string, unknown>;
  try {
    scoped = await DEVICE_CHANNELS[channel](ctx, device, parsed.data);
  } catch (e) {
    if (e instanceof CoreError) return fail({ code: e.code, message: e.message, details: e.details });
    throw e;
  }
  return invoke<C>(ctx, channel, scoped, { actor: device.memberName, device }, log);
}
