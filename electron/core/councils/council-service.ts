import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import {
  DEFAULT_COUNCIL_RULES,
  rulesSettings,
  type CouncilDetail,
  type CouncilListItem,
  type CouncilRulesInput,
} from '../../../shared/api/channels/councils';
import { vnToday } from '../../../shared/ocop/vn-time';
import { canonicalJson } from '../../../shared/text/canonical-json';
import type { CoreContext } from '../context';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { moveOpenSessionsToRules, sessionsUnderWay } from '../sessions/session-repo';
import { syncPreparingSessions } from '../sessions/session-members-sync';
import { councilDetail, councilList } from './council-detail';
import { findCouncil, getCouncil, insertCouncil, updateCouncilFields } from './council-repo';
import { assertOneChairAt } from './member-rules';
import {
  correctMemberPeriod,
  endMemberPeriod,
  getMemberPeriod,
  insertMember,
  isMemberUsed,
  lastSessionDateOf,
  listMemberPeriods,
  memberSnapshot,
  setMemberOrder,
  type MemberPeriod,
} from './member-repo';
import { currentRules, insertRulesVersion } from './rules-repo';

/**
 * Councils: the council, its versioned rules and its membership periods. Every change runs in
 * `write` (handlers.ts): `w.trx` is the transaction, `w.at` the one clock reading, `w.audit` the
 * audit append; every change answers with the council as the screen shows it.
 */

type In<C extends Channel> = ChannelParsedInput<C>;

/** The council as its screen shows it, with the members active today (Vietnam time). */
const detailAfter = (w: Write, id: number): Promise<CouncilDetail> => councilDetail(w.trx, id, vnToday(w.at));

export const listCouncils = (ctx: CoreContext, input: In<'councils:list'>): Promise<CouncilListItem[]> =>
  councilList(ctx.db, input, vnToday(ctx.now()));

export const getCouncilDetail = (ctx: CoreContext, input: In<'councils:get'>): Promise<CouncilDetail> =>
  councilDetail(ctx.db, input.id, input.onDate ?? vnToday(ctx.now()));

export async function createCouncil(w: Write, input: In<'councils:create'>): Promise<CouncilDetail> {
  const at = w.at.toISOString();
  if (input.level === 'advisory_group') {
    if (input.parentCouncilId === null) {
      throw new CoreError(
        'VALIDATION',
        'parentCouncilId is required for an advisory group (Tổ tư vấn): give the council it assists',
        { field: 'parentCouncilId' },
      );
    }
    const parent = await findCouncil(w.trx, input.parentCouncilId);
    if (!parent) throw notFound('Council', input.parentCouncilId);
    if (parent.level === 'advisory_group') {
      throw new CoreError(
        'VALIDATION',
        `parentCouncilId ${parent.id} is itself an advisory group; an advisory group assists a council`,
        { field: 'parentCouncilId' },
      );
    }
  } else if (input.parentCouncilId !== null) {
    throw new CoreError(
      'VALIDATION',
      `parentCouncilId is only for an advisory group (level advisory_group), not for level ${input.level}`,
      { field: 'parentCouncilId' },
    );
  }
  const id = await insertCouncil(w.trx, input, at);
  await insertRulesVersion(w.trx, id, input.rules ?? DEFAULT_COUNCIL_RULES, { at, actor: w.actor, reason: null });
  for (const [i, m] of input.members.entries()) {
    if (m.role === 'chair') await assertOneChairAt(w.trx, id, m.activeFrom, null, null, m.fullName);
    await insertMember(w.trx, { councilId: id, ...m, sortOrder: i + 1 }, at);
  }
  const out = await detailAfter(w, id);
  await w.audit({
    action: 'council.create',
    entity: 'council',
    entityId: id,
    after: { council: out.council, rules: rulesSettings(out.rules), members: out.members.map((m) => m.fullName) },
  });
  return out;
}

export async function updateCouncil(w: Write, input: In<'councils:update'>): Promise<CouncilDetail> {
  const { id, ...patch } = input;
  const before = await getCouncil(w.trx, id);
  await updateCouncilFields(w.trx, id, patch, w.at.toISOString());
  const after = await getCouncil(w.trx, id);
  await w.audit({ action: 'council.update', entity: 'council', entityId: id, before, after });
  return detailAfter(w, id);
}

/**
 * Saves a new rules version and moves every session that is not finalized onto it. Sessions
 * already under way need an explicit confirmation (and reason): their results may change.
 */
export async function setCouncilRules(w: Write, input: In<'councils:setRules'>): Promise<CouncilDetail> {
  await getCouncil(w.trx, input.id);
  const before = await currentRules(w.trx, input.id);
  const next: CouncilRulesInput = input.rules;
  if (canonicalJson(rulesSettings(before)) === canonicalJson(next)) return detailAfter(w, input.id);
  const underWay = await sessionsUnderWay(w.trx, input.id);
  const reason = input.reason?.trim() || null;
  if (underWay.length > 0 && (!input.confirm || !reason)) {
    const list = underWay.map((s) => `session ${s.number} of ${s.date} (${s.status})`).join(', ');
    throw new CoreError(
      'CONFLICT',
      `Changing the rules affects sessions already under way: ${list}. Their checks (quorum, spread, minima) will use the new rules. Resend with confirm: true and a reason to apply the change.`,
      { sessions: underWay, needs: ['confirm', 'reason'] },
    );
  }
  const at = w.at.toISOString();
  const rulesId = await insertRulesVersion(w.trx, input.id, next, { at, actor: w.actor, reason });
  const moved = await moveOpenSessionsToRules(w.trx, input.id, rulesId, at);
  await w.audit({
    action: 'council.rules.set',
    entity: 'council',
    entityId: input.id,
    before: { version: before.version, ...rulesSettings(before) },
    after: {
      version: before.version + 1,
      ...next,
      reason,
      sessions: moved,
      confirmedSessionsUnderWay: underWay.map((s) => s.id),
    },
  });
  return detailAfter(w, input.id);
}

export async function addMember(w: Write, input: In<'councils:addMember'>): Promise<CouncilDetail> {
  const at = w.at.toISOString();
  const { councilId, ...m } = input;
  await getCouncil(w.trx, councilId);
  if (m.role === 'chair') await assertOneChairAt(w.trx, councilId, m.activeFrom, null, null, m.fullName);
  const id = await insertMember(w.trx, { councilId, ...m }, at);
  await syncPreparingSessions(w.trx, councilId, at);
  await w.audit({
    action: 'council.member.add',
    entity: 'council_member',
    entityId: id,
    after: memberSnapshot(await getMemberPeriod(w.trx, id)),
  });
  return detailAfter(w, councilId);
}

/** Fixes a typo. Periods listed in a session past preparation are history: refused with IMMUTABLE. */
export async function correctMember(w: Write, input: In<'councils:correctMember'>): Promise<CouncilDetail> {
  const p = await getMemberPeriod(w.trx, input.id);
  if (await isMemberUsed(w.trx, p.id)) {
    throw new CoreError(
      'IMMUTABLE',
      `${p.fullName} already took part in a session in this role, so the record is history and cannot be corrected. To record a change, use councils:changeMember (new period from a date) or councils:endMember.`,
      { memberId: p.id },
    );
  }
  const activeFrom = input.activeFrom ?? p.activeFrom;
  if (p.activeTo !== null && activeFrom >= p.activeTo) {
    throw new CoreError('VALIDATION', `activeFrom ${activeFrom} must be before the end of the period (${p.activeTo})`, {
      field: 'activeFrom',
    });
  }
  if (p.role === 'chair' && activeFrom !== p.activeFrom)
    await assertOneChairAt(w.trx, p.councilId, activeFrom, p.activeTo, p.id, p.fullName);
  await correctMemberPeriod(w.trx, p.id, {
    fullName: input.fullName ?? p.fullName,
    office: input.office ?? p.office,
    position: input.position ?? p.position,
    activeFrom,
  });
  await syncPreparingSessions(w.trx, p.councilId, w.at.toISOString());
  await w.audit({
    action: 'council.member.correct',
    entity: 'council_member',
    entityId: p.id,
    before: memberSnapshot(p),
    after: memberSnapshot(await getMemberPeriod(w.trx, p.id)),
  });
  return detailAfter(w, p.councilId);
}

async function assertCanEndOn(w: Write, p: MemberPeriod, endOn: string): Promise<void> {
  if (p.activeTo !== null) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${p.fullName}'s membership already ended on ${p.activeTo}; history is not rewritten`,
      {
        memberId: p.id,
        activeTo: p.activeTo,
      },
    );
  }
  if (endOn <= p.activeFrom) {
    throw new CoreError(
      'VALIDATION',
      `The end date ${endOn} must be after the start of the membership (${p.activeFrom}); to remove a member added by mistake, correct or end it from a later date`,
      { field: 'activeTo' },
    );
  }
  const last = await lastSessionDateOf(w.trx, p.id);
  if (last && last.date >= endOn) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${p.fullName} took part in session ${last.sessionId} on ${last.date}; the membership cannot end on or before that day (choose a date after ${last.date})`,
      { memberId: p.id, sessionId: last.sessionId, sessionDate: last.date },
    );
  }
}

export async function endMember(w: Write, input: In<'councils:endMember'>): Promise<CouncilDetail> {
  const p = await getMemberPeriod(w.trx, input.id);
  await assertCanEndOn(w, p, input.activeTo);
  await endMemberPeriod(w.trx, p.id, input.activeTo, input.reason || null);
  await syncPreparingSessions(w.trx, p.councilId, w.at.toISOString());
  await w.audit({
    action: 'council.member.end',
    entity: 'council_member',
    entityId: p.id,
    before: memberSnapshot(p),
    after: { ...memberSnapshot(await getMemberPeriod(w.trx, p.id)), reason: input.reason },
  });
  return detailAfter(w, p.councilId);
}

/** A change of role, office or position from a date: the old period ends, a linked new one starts. */
export async function changeMember(w: Write, input: In<'councils:changeMember'>): Promise<CouncilDetail> {
  const at = w.at.toISOString();
  const p = await getMemberPeriod(w.trx, input.id);
  const role = input.role ?? p.role;
  const office = input.office ?? p.office;
  const position = input.position ?? p.position;
  if (role === p.role && office === p.office && position === p.position) {
    throw new CoreError('VALIDATION', `Nothing changes for ${p.fullName}: give a new role, office or position`, {
      field: 'role',
    });
  }
  await assertCanEndOn(w, p, input.from);
  if (role === 'chair') await assertOneChairAt(w.trx, p.councilId, input.from, null, p.id, p.fullName);
  await endMemberPeriod(w.trx, p.id, input.from, input.reason || null);
  const newId = await insertMember(
    w.trx,
    {
      councilId: p.councilId,
      fullName: p.fullName,
      office,
      position,
      role,
      activeFrom: input.from,
      sortOrder: p.sortOrder,
      previousId: p.id,
    },
    at,
  );
  await syncPreparingSessions(w.trx, p.councilId, at);
  await w.audit({
    action: 'council.member.change',
    entity: 'council_member',
    entityId: newId,
    before: memberSnapshot(p),
    after: { ...memberSnapshot(await getMemberPeriod(w.trx, newId)), reason: input.reason },
  });
  return detailAfter(w, p.councilId);
}

export async function reorderMembers(w: Write, input: In<'councils:reorderMembers'>): Promise<CouncilDetail> {
  await getCouncil(w.trx, input.councilId);
  const periods = await listMemberPeriods(w.trx, input.councilId);
  const known = new Set(periods.map((p) => p.id));
  const given = new Set(input.memberIds);
  if (given.size !== input.memberIds.length)
    throw new CoreError('VALIDATION', 'memberIds lists a member twice; give each membership period once', {
      field: 'memberIds',
    });
  const unknown = input.memberIds.filter((id) => !known.has(id));
  const missing = periods.filter((p) => !given.has(p.id)).map((p) => p.id);
  if (unknown.length > 0 || missing.length > 0) {
    throw new CoreError(
      'VALIDATION',
      `memberIds must list every membership period of council ${input.councilId} exactly once${unknown.length ? `; not of this council: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
      { field: 'memberIds', unknown, missing },
    );
  }
  await setMemberOrder(w.trx, input.memberIds);
  await syncPreparingSessions(w.trx, input.councilId, w.at.toISOString());
  await w.audit({
    action: 'council.member.reorder',
    entity: 'council',
    entityId: input.councilId,
    before: { order: periods.map((p) => p.id) },
    after: { order: input.memberIds },
  });
  return detailAfter(w, input.councilId);
}
