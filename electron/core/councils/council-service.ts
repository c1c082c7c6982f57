import type { Kysely } from 'kysely';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import {
  DEFAULT_COUNCIL_RULES,
  rulesSettings,
  type CouncilDetail,
  type CouncilRulesInput,
  type MemberRole,
} from '../../../shared/api/channels/councils';
import { canonicalJson } from '../../../shared/text/canonical-json';
import { foldForSearch } from '../../../shared/text/normalize';
import { appendAudit } from '../audit/audit-repo';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { actorOf, type CallMeta } from '../handlers';
import { syncPreparingSessions } from '../sessions/session-members-sync';
import { councilDetail } from './council-detail';
import { findCouncilRow, getCouncil, insertCouncil, updateCouncilRow } from './council-repo';
import { assertOneChairAt } from './member-rules';
import { getMemberRow, insertMember, isMemberUsed, lastSessionDateOf, listMemberRows, memberSnapshot } from './member-repo';
import { currentRules, insertRulesVersion } from './rules-repo';
import { vietnamToday } from './today';

type In<C extends Channel> = ChannelParsedInput<C>;

const run = <T>(ctx: CoreContext, fn: (trx: Kysely<DB>, at: Date) => Promise<T>): Promise<T> =>
  ctx.db.transaction().execute((trx) => fn(trx, ctx.now()));

async function detail(db: Kysely<DB>, ctx: CoreContext, id: number): Promise<CouncilDetail> {
  return councilDetail(db, id, vietnamToday(ctx.now()));
}

export async function createCouncil(ctx: CoreContext, meta: CallMeta, input: In<'councils:create'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    if (input.level === 'advisory_group') {
      if (input.parentCouncilId === null) {
        throw new CoreError(
          'VALIDATION',
          'parentCouncilId is required for an advisory group (Tổ tư vấn): give the council it assists',
          { field: 'parentCouncilId' },
        );
      }
      const parent = await findCouncilRow(trx, input.parentCouncilId);
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
    const id = await insertCouncil(trx, input, at);
    const rules = input.rules ?? DEFAULT_COUNCIL_RULES;
    await insertRulesVersion(trx, id, rules, { at, actor: actorOf(ctx, meta), reason: null });
    for (const [i, m] of input.members.entries()) {
      if (m.role === 'chair') await assertOneChairAt(trx, id, m.activeFrom, null, null, m.fullName);
      await insertMember(trx, { councilId: id, ...m, sortOrder: i + 1 }, at);
    }
    const out = await detail(trx, ctx, id);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.create',
      entity: 'council',
      entityId: id,
      after: { council: out.council, rules: rulesSettings(out.rules), members: out.members.map((m) => m.fullName) },
    });
    return out;
  });
}

export async function updateCouncil(ctx: CoreContext, meta: CallMeta, input: In<'councils:update'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const before = await getCouncil(trx, input.id);
    const { id, ...patch } = input;
    await updateCouncilRow(trx, id, patch, now.toISOString());
    const after = await getCouncil(trx, id);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.update',
      entity: 'council',
      entityId: id,
      before,
      after,
    });
    return detail(trx, ctx, id);
  });
}

/**
 * Saves a new rules version and moves every session that is not finalized onto it. Sessions
 * already under way need an explicit confirmation (and reason): their results may change.
 */
export async function setCouncilRules(ctx: CoreContext, meta: CallMeta, input: In<'councils:setRules'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    await getCouncil(trx, input.id);
    const before = await currentRules(trx, input.id);
    const next: CouncilRulesInput = input.rules;
    if (canonicalJson(rulesSettings(before)) === canonicalJson(next)) return detail(trx, ctx, input.id);
    const underWay = await trx
      .selectFrom('session')
      .select(['id', 'number', 'status', 'date'])
      .where('council_id', '=', input.id)
      .where('status', 'in', ['in_progress', 'closed'])
      .orderBy('date')
      .execute();
    const reason = input.reason?.trim() || null;
    if (underWay.length > 0 && (!input.confirm || !reason)) {
      const list = underWay.map((s) => `session ${s.number} of ${s.date} (${s.status})`).join(', ');
      throw new CoreError(
        'CONFLICT',
        `Changing the rules affects sessions already under way: ${list}. Their checks (quorum, spread, minima) will use the new rules. Resend with confirm: true and a reason to apply the change.`,
        {
          sessions: underWay.map((s) => ({ id: s.id, number: s.number, status: s.status, date: s.date })),
          needs: ['confirm', 'reason'],
        },
      );
    }
    const rulesId = await insertRulesVersion(trx, input.id, next, { at: now.toISOString(), actor: actorOf(ctx, meta), reason });
    const moved = await trx
      .updateTable('session')
      .set({ rules_id: rulesId, updated_at: now.toISOString() })
      .where('council_id', '=', input.id)
      .where('status', '<>', 'finalized')
      .returning('id')
      .execute();
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.rules.set',
      entity: 'council',
      entityId: input.id,
      before: { version: before.version, ...rulesSettings(before) },
      after: {
        version: before.version + 1,
        ...next,
        reason,
        sessions: moved.map((s) => s.id),
        confirmedSessionsUnderWay: underWay.map((s) => s.id),
      },
    });
    return detail(trx, ctx, input.id);
  });
}

export async function addMember(ctx: CoreContext, meta: CallMeta, input: In<'councils:addMember'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    const { councilId, ...m } = input;
    await getCouncil(trx, councilId);
    if (m.role === 'chair') await assertOneChairAt(trx, councilId, m.activeFrom, null, null, m.fullName);
    const id = await insertMember(trx, { councilId, ...m }, at);
    await syncPreparingSessions(trx, councilId, at);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.member.add',
      entity: 'council_member',
      entityId: id,
      after: memberSnapshot(await getMemberRow(trx, id)),
    });
    return detail(trx, ctx, councilId);
  });
}

/** Fixes a typo. Periods listed in a session past preparation are history: refused with IMMUTABLE. */
export async function correctMember(
  ctx: CoreContext,
  meta: CallMeta,
  input: In<'councils:correctMember'>,
): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    const row = await getMemberRow(trx, input.id);
    if (await isMemberUsed(trx, row.id)) {
      throw new CoreError(
        'IMMUTABLE',
        `${row.full_name} already took part in a session in this role, so the record is history and cannot be corrected. To record a change, use councils:changeMember (new period from a date) or councils:endMember.`,
        { memberId: row.id },
      );
    }
    const activeFrom = input.activeFrom ?? row.active_from;
    if (row.active_to !== null && activeFrom >= row.active_to) {
      throw new CoreError('VALIDATION', `activeFrom ${activeFrom} must be before the end of the period (${row.active_to})`, {
        field: 'activeFrom',
      });
    }
    if (row.role === 'chair' && activeFrom !== row.active_from)
      await assertOneChairAt(trx, row.council_id, activeFrom, row.active_to, row.id, row.full_name);
    const before = memberSnapshot(row);
    const fullName = input.fullName ?? row.full_name;
    await trx
      .updateTable('council_member')
      .set({
        full_name: fullName,
        full_name_folded: foldForSearch(fullName),
        office: input.office ?? row.office,
        position: input.position ?? row.position,
        active_from: activeFrom,
      })
      .where('id', '=', row.id)
      .execute();
    await syncPreparingSessions(trx, row.council_id, at);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.member.correct',
      entity: 'council_member',
      entityId: row.id,
      before,
      after: memberSnapshot(await getMemberRow(trx, row.id)),
    });
    return detail(trx, ctx, row.council_id);
  });
}

async function assertCanEndOn(trx: Kysely<DB>, row: Awaited<ReturnType<typeof getMemberRow>>, endOn: string): Promise<void> {
  if (row.active_to !== null) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${row.full_name}'s membership already ended on ${row.active_to}; history is not rewritten`,
      { memberId: row.id, activeTo: row.active_to },
    );
  }
  if (endOn <= row.active_from) {
    throw new CoreError(
      'VALIDATION',
      `The end date ${endOn} must be after the start of the membership (${row.active_from}); to remove a member added by mistake, correct or end it from a later date`,
      { field: 'activeTo' },
    );
  }
  const last = await lastSessionDateOf(trx, row.id);
  if (last && last.date >= endOn) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${row.full_name} took part in session ${last.sessionId} on ${last.date}; the membership cannot end on or before that day (choose a date after ${last.date})`,
      { memberId: row.id, sessionId: last.sessionId, sessionDate: last.date },
    );
  }
}

export async function endMember(ctx: CoreContext, meta: CallMeta, input: In<'councils:endMember'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    const row = await getMemberRow(trx, input.id);
    await assertCanEndOn(trx, row, input.activeTo);
    const before = memberSnapshot(row);
    await trx
      .updateTable('council_member')
      .set({ active_to: input.activeTo, end_reason: input.reason || null })
      .where('id', '=', row.id)
      .execute();
    await syncPreparingSessions(trx, row.council_id, at);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.member.end',
      entity: 'council_member',
      entityId: row.id,
      before,
      after: { ...memberSnapshot(await getMemberRow(trx, row.id)), reason: input.reason },
    });
    return detail(trx, ctx, row.council_id);
  });
}

/** A change of role, office or position from a date: the old period ends, a linked new one starts. */
export async function changeMember(ctx: CoreContext, meta: CallMeta, input: In<'councils:changeMember'>): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    const row = await getMemberRow(trx, input.id);
    const role = input.role ?? (row.role as MemberRole);
    const office = input.office ?? row.office;
    const position = input.position ?? row.position;
    if (role === row.role && office === row.office && position === row.position) {
      throw new CoreError('VALIDATION', `Nothing changes for ${row.full_name}: give a new role, office or position`, {
        field: 'role',
      });
    }
    await assertCanEndOn(trx, row, input.from);
    if (role === 'chair') await assertOneChairAt(trx, row.council_id, input.from, null, row.id, row.full_name);
    await trx
      .updateTable('council_member')
      .set({ active_to: input.from, end_reason: input.reason || null })
      .where('id', '=', row.id)
      .execute();
    const newId = await insertMember(
      trx,
      {
        councilId: row.council_id,
        fullName: row.full_name,
        office,
        position,
        role,
        activeFrom: input.from,
        sortOrder: row.sort_order,
        previousId: row.id,
      },
      at,
    );
    await syncPreparingSessions(trx, row.council_id, at);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.member.change',
      entity: 'council_member',
      entityId: newId,
      before: memberSnapshot(row),
      after: { ...memberSnapshot(await getMemberRow(trx, newId)), reason: input.reason },
    });
    return detail(trx, ctx, row.council_id);
  });
}

export async function reorderMembers(
  ctx: CoreContext,
  meta: CallMeta,
  input: In<'councils:reorderMembers'>,
): Promise<CouncilDetail> {
  return run(ctx, async (trx, now) => {
    const at = now.toISOString();
    await getCouncil(trx, input.councilId);
    const rows = await listMemberRows(trx, input.councilId);
    const known = new Set(rows.map((r) => r.id));
    const given = new Set(input.memberIds);
    if (given.size !== input.memberIds.length)
      throw new CoreError('VALIDATION', 'memberIds lists a member twice; give each membership period once', {
        field: 'memberIds',
      });
    const unknown = input.memberIds.filter((id) => !known.has(id));
    const missing = rows.filter((r) => !given.has(r.id)).map((r) => r.id);
    if (unknown.length > 0 || missing.length > 0) {
      throw new CoreError(
        'VALIDATION',
        `memberIds must list every membership period of council ${input.councilId} exactly once${unknown.length ? `; not of this council: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
        { field: 'memberIds', unknown, missing },
      );
    }
    const before = rows.map((r) => r.id);
    for (const [i, memberId] of input.memberIds.entries()) {
      await trx
        .updateTable('council_member')
        .set({ sort_order: i + 1 })
        .where('id', '=', memberId)
        .execute();
    }
    await syncPreparingSessions(trx, input.councilId, at);
    await appendAudit(trx, now, {
      actor: actorOf(ctx, meta),
      action: 'council.member.reorder',
      entity: 'council',
      entityId: input.councilId,
      before: { order: before },
      after: { order: input.memberIds },
    });
    return detail(trx, ctx, input.councilId);
  });
}

export const getCouncilDetail = (ctx: CoreContext, id: number, onDate?: string): Promise<CouncilDetail> =>
  councilDetail(ctx.db, id, onDate ?? vietnamToday(ctx.now()));
