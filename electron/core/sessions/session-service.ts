import type { Kysely } from 'kysely';
import type { Channel, ChannelParsedInput } from '../../../shared/api/contract';
import type { AgendaCandidate, SessionDetail } from '../../../shared/api/channels/sessions';
import { isFrozenStatus, type RegistrationStatus } from '../../../shared/ocop/dossier-model';
import {
  frozenReason,
  sessionPermissions,
  type SessionPermissions,
  type SessionStatusValue,
} from '../../../shared/ocop/session-status';
import { foldForSearch } from '../../../shared/text/normalize';
import type { CoreContext } from '../context';
import { activeMembers, isVotingRole } from '../councils/member-repo';
import { currentRules } from '../councils/rules-repo';
import type { DB } from '../db/schema';
import { CoreError, notFound } from '../errors';
import type { Write } from '../handlers';
import { agendaRows, registrationInfos, scheduledElsewhere, searchRoundRegistrations } from './agenda-repo';
import { markOffAgenda, markOnAgenda } from './agenda-status';
import { countScoreSheets } from './score-presence';
import { sessionDetail } from './session-detail';
import { syncSessionMembers } from './session-members-sync';
import { getSession, listedMemberOf, sessionOnly, type SessionFacts } from './session-repo';
import { transitionSession } from './session-status';

type In<C extends Channel> = ChannelParsedInput<C>;

const label = (s: SessionFacts) => `session ${s.number} of ${s.date} (id ${s.id})`;

function assertAllowed(s: SessionFacts, what: keyof SessionPermissions, noun: string): void {
  const status = s.status as SessionStatusValue;
  if (!sessionPermissions(status)[what]) {
    throw new CoreError('FORBIDDEN_STATE', `Cannot change ${label(s)}: ${frozenReason(status, noun)}`, {
      sessionId: s.id,
      status,
      action: what,
    });
  }
}

/** A member named as chair or secretary must be listed in the session; the chair must also vote. */
async function assertSeat(trx: Kysely<DB>, sessionId: number, memberId: number, seat: 'chair' | 'secretary'): Promise<void> {
  const row = await listedMemberOf(trx, sessionId, memberId);
  const field = seat === 'chair' ? 'chairMemberId' : 'secretaryMemberId';
  if (!row)
    throw new CoreError(
      'VALIDATION',
      `${field} ${memberId} is not a member listed for this session (members active on the session date)`,
      { field },
    );
  if (seat === 'chair' && !isVotingRole(row.role)) {
    throw new CoreError(
      'VALIDATION',
      `${row.fullName} is the secretary (not a council member) and cannot chair the session; choose a voting member`,
      { field },
    );
  }
}

export async function createSession(w: Write, input: In<'sessions:create'>): Promise<SessionDetail> {
  const { trx } = w;
  const at = w.at.toISOString();
  const council = await trx
    .selectFrom('council')
    .select(['id', 'name', 'level'])
    .where('id', '=', input.councilId)
    .executeTakeFirst();
  if (!council) throw notFound('Council', input.councilId);
  if (council.level === 'advisory_group') {
    throw new CoreError(
      'VALIDATION',
      `${council.name} is an advisory group (Tổ tư vấn); scoring sessions are held by the council it assists`,
      { field: 'councilId' },
    );
  }
  const round = await trx.selectFrom('evaluation_round').select(['id']).where('id', '=', input.roundId).executeTakeFirst();
  if (!round) throw notFound('Evaluation round', input.roundId);
  if (input.kind === 'meeting' && input.opinionDeadline !== null) {
    throw new CoreError('VALIDATION', 'opinionDeadline is only for a written-opinion session (kind written_opinion)', {
      field: 'opinionDeadline',
    });
  }
  if (input.opinionDeadline !== null && input.opinionDeadline < input.date) {
    throw new CoreError('VALIDATION', `opinionDeadline ${input.opinionDeadline} is before the session date ${input.date}`, {
      field: 'opinionDeadline',
    });
  }
  const last = await trx
    .selectFrom('session')
    .select('number')
    .where('council_id', '=', input.councilId)
    .where('round_id', '=', input.roundId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rules = await currentRules(trx, input.councilId);
  const { id } = await trx
    .insertInto('session')
    .values({
      council_id: input.councilId,
      round_id: input.roundId,
      kind: input.kind,
      number: (last?.number ?? 0) + 1,
      title: input.title,
      date: input.date,
      place: input.place,
      start_time: input.startTime,
      end_time: null,
      opinion_deadline: input.opinionDeadline,
      chair_member_id: null,
      secretary_member_id: null,
      rules_id: rules.id,
      status: 'preparing',
      opened_at: null,
      closed_at: null,
      finalized_at: null,
      note: input.note,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await syncSessionMembers(trx, id, at);
  // Seats default to the council's Chủ tịch and its (Ủy viên kiêm) Thư ký on that date.
  const active = await activeMembers(trx, input.councilId, input.date);
  const chair = input.chairMemberId ?? active.find((m) => m.role === 'chair')?.id ?? null;
  const secretary =
    input.secretaryMemberId ??
    active.find((m) => m.role === 'member_secretary')?.id ??
    active.find((m) => m.role === 'secretary')?.id ??
    null;
  if (chair !== null) await assertSeat(trx, id, chair, 'chair');
  if (secretary !== null) await assertSeat(trx, id, secretary, 'secretary');
  await trx.updateTable('session').set({ chair_member_id: chair, secretary_member_id: secretary }).where('id', '=', id).execute();
  const detail = await sessionDetail(trx, id);
  await w.audit({
    action: 'session.create',
    entity: 'session',
    entityId: id,
    after: { ...detail.session, members: detail.members.map((m) => m.memberId) },
  });
  return detail;
}

export async function updateSession(w: Write, input: In<'sessions:update'>): Promise<SessionDetail> {
  const { trx } = w;
  const at = w.at.toISOString();
  const s = await getSession(trx, input.id);
  assertAllowed(s, 'editDetails', 'details');
  const status = s.status as SessionStatusValue;
  if (input.date !== undefined && input.date !== s.date)
    assertAllowed(s, 'editSchedule', 'date (which decides the members listed)');
  const seatsChange =
    (input.chairMemberId !== undefined && input.chairMemberId !== s.chairMemberId) ||
    (input.secretaryMemberId !== undefined && input.secretaryMemberId !== s.secretaryMemberId);
  if (seatsChange && status === 'closed') {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `Cannot change the chair or secretary of ${label(s)}: the session is closed; reopen it first`,
      { sessionId: s.id, status },
    );
  }
  if (input.startTime !== undefined && input.startTime !== s.startTime && status !== 'preparing' && status !== 'in_progress') {
    throw new CoreError('FORBIDDEN_STATE', `Cannot change the start time of ${label(s)}: the session is ${status}`, {
      sessionId: s.id,
      status,
    });
  }
  if (input.opinionDeadline !== undefined && input.opinionDeadline !== null && s.kind !== 'written_opinion') {
    throw new CoreError('VALIDATION', 'opinionDeadline is only for a written-opinion session (kind written_opinion)', {
      field: 'opinionDeadline',
    });
  }
  const next = {
    title: input.title ?? s.title,
    date: input.date ?? s.date,
    place: input.place ?? s.place,
    start_time: input.startTime === undefined ? s.startTime : input.startTime,
    end_time: input.endTime === undefined ? s.endTime : input.endTime,
    opinion_deadline: input.opinionDeadline === undefined ? s.opinionDeadline : input.opinionDeadline,
    note: input.note ?? s.note,
  };
  if (next.start_time && next.end_time && next.end_time <= next.start_time) {
    throw new CoreError('VALIDATION', `endTime ${next.end_time} must be after startTime ${next.start_time}`, {
      field: 'endTime',
    });
  }
  if (next.opinion_deadline && next.opinion_deadline < next.date) {
    throw new CoreError('VALIDATION', `opinionDeadline ${next.opinion_deadline} is before the session date ${next.date}`, {
      field: 'opinionDeadline',
    });
  }
  await trx
    .updateTable('session')
    .set({ ...next, updated_at: at })
    .where('id', '=', s.id)
    .execute();
  if (next.date !== s.date) await syncSessionMembers(trx, s.id, at);
  if (seatsChange) {
    const chair = input.chairMemberId === undefined ? (await getSession(trx, s.id)).chairMemberId : input.chairMemberId;
    const secretary =
      input.secretaryMemberId === undefined ? (await getSession(trx, s.id)).secretaryMemberId : input.secretaryMemberId;
    if (chair !== null) await assertSeat(trx, s.id, chair, 'chair');
    if (secretary !== null) await assertSeat(trx, s.id, secretary, 'secretary');
    if (status === 'in_progress' && s.kind === 'meeting' && chair !== null) {
      const present = await trx
        .selectFrom('session_attendance')
        .select('present')
        .where('session_id', '=', s.id)
        .where('member_id', '=', chair)
        .executeTakeFirst();
      if (present?.present !== 1)
        throw new CoreError('VALIDATION', 'The new chair of an open meeting must be marked present first', {
          field: 'chairMemberId',
        });
    }
    if (status === 'in_progress' && chair === null)
      throw new CoreError('VALIDATION', 'An open session needs a chair; choose another member instead of clearing it', {
        field: 'chairMemberId',
      });
    await trx
      .updateTable('session')
      .set({ chair_member_id: chair, secretary_member_id: secretary })
      .where('id', '=', s.id)
      .execute();
  }
  const after = sessionOnly(await getSession(trx, s.id));
  await w.audit({
    action: 'session.update',
    entity: 'session',
    entityId: s.id,
    before: sessionOnly(s),
    after,
  });
  return sessionDetail(trx, s.id);
}

export async function deleteSession(w: Write, { id }: { id: number }): Promise<{ deleted: number }> {
  const { ctx, trx } = w;
  const s = await getSession(trx, id);
  assertAllowed(s, 'delete', 'existence (only a session in preparation can be deleted)');
  // An allocated document number is a record of the council's register: it stays spent and
  // names its session, so that session cannot disappear (see migration 0007).
  const numbered = await trx.selectFrom('document_number').select('text').where('session_id', '=', id).orderBy('id').execute();
  if (numbered.length > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `session ${s.number} cannot be deleted: document numbers ${numbered.map((n) => n.text).join(', ')} were allocated to it and stay in the council's register; keep the session (or rename it) instead`,
      {
        field: 'id',
        numbers: numbered.map((n) => n.text),
      },
    );
  }
  const actor = w.actor;
  const before = await sessionDetail(trx, id);
  for (const item of before.agenda) await markOffAgenda(trx, ctx, actor, item.registrationId, `Phiên ${s.number} bị xóa`);
  await trx.deleteFrom('session').where('id', '=', id).execute();
  await w.audit({
    action: 'session.delete',
    entity: 'session',
    entityId: id,
    before: { ...before.session, agenda: before.agenda.map((a) => a.registrationId) },
  });
  return { deleted: id };
}

/** Replaces the agenda (add, remove, reorder), checking each registration and keeping dossier stages in step. */
async function applyAgenda(w: Write, s: SessionFacts, wanted: number[]): Promise<void> {
  const { trx, ctx, actor } = w;
  assertAllowed(s, 'editAgenda', 'agenda');
  const seen = new Set<number>();
  for (const id of wanted) {
    if (seen.has(id))
      throw new CoreError(
        'VALIDATION',
        `registrationIds lists registration ${id} twice; each product appears once on an agenda`,
        { field: 'registrationIds', registrationId: id },
      );
    seen.add(id);
  }
  const current = await agendaRows(trx, s.id);
  const currentIds = current.map((r) => r.registration_id);
  const added = wanted.filter((id) => !currentIds.includes(id));
  const removed = currentIds.filter((id) => !seen.has(id));

  const infos = await registrationInfos(trx, added);
  const elsewhere = await scheduledElsewhere(trx, added, s.id);
  for (const id of added) {
    const info = infos.get(id);
    if (!info) throw notFound('Registration', id);
    if (info.roundId !== s.roundId) {
      const other = await trx.selectFrom('evaluation_round').select('name').where('id', '=', info.roundId).executeTakeFirst();
      throw new CoreError(
        'CONFLICT',
        `Registration ${info.registrationNo} (${info.productName}) belongs to round "${other?.name ?? info.roundId}", not to this session's round "${s.round.name}"`,
        { registrationId: id },
      );
    }
    if (isFrozenStatus(info.registrationStatus as RegistrationStatus)) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `Registration ${info.registrationNo} (${info.productName}) has already been evaluated (status ${info.registrationStatus}); it cannot be put on another agenda`,
        { registrationId: id },
      );
    }
    const other = elsewhere.get(id);
    if (other) {
      throw new CoreError(
        'CONFLICT',
        `Registration ${info.registrationNo} (${info.productName}) is already on the agenda of session ${other.number} of ${other.date} (${other.councilName}); take it off that agenda first`,
        { registrationId: id, sessionId: other.id },
      );
    }
  }
  for (const id of removed) {
    const n = await countScoreSheets(trx, { sessionId: s.id, registrationId: id });
    if (n > 0) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `Registration ${id} already has ${n} scoring sheet(s) in ${label(s)}; a scored product cannot be taken off the agenda`,
        { registrationId: id, sheets: n },
      );
    }
  }
  const at = w.at.toISOString();
  if (removed.length > 0)
    await trx.deleteFrom('session_agenda_item').where('session_id', '=', s.id).where('registration_id', 'in', removed).execute();
  for (const [i, id] of wanted.entries()) {
    if (added.includes(id))
      await trx
        .insertInto('session_agenda_item')
        .values({ session_id: s.id, registration_id: id, position: i + 1, added_at: at })
        .execute();
    else if (current.find((r) => r.registration_id === id)?.position !== i + 1) {
      await trx
        .updateTable('session_agenda_item')
        .set({ position: i + 1 })
        .where('session_id', '=', s.id)
        .where('registration_id', '=', id)
        .execute();
    }
  }
  for (const id of added) await markOnAgenda(trx, ctx, actor, id, `Đưa vào chương trình phiên ${s.number} ngày ${s.date}`);
  for (const id of removed) await markOffAgenda(trx, ctx, actor, id, `Rút khỏi chương trình phiên ${s.number} ngày ${s.date}`);
  await w.audit({
    action: 'session.agenda.set',
    entity: 'session',
    entityId: s.id,
    before: { agenda: currentIds },
    after: { agenda: wanted, added, removed },
  });
}

export async function setAgenda(w: Write, input: In<'sessions:setAgenda'>): Promise<SessionDetail> {
  const { trx } = w;
  const s = await getSession(trx, input.id);
  await applyAgenda(w, s, input.registrationIds);
  return sessionDetail(trx, s.id);
}

/** Appends products after the current agenda; those already on it are left where they are. */
export async function addToAgenda(w: Write, input: In<'sessions:addToAgenda'>): Promise<SessionDetail> {
  const { trx } = w;
  const s = await getSession(trx, input.id);
  const current = (await agendaRows(trx, s.id)).map((r) => r.registration_id);
  const fresh = [...new Set(input.registrationIds)].filter((id) => !current.includes(id));
  await applyAgenda(w, s, [...current, ...fresh]);
  return sessionDetail(trx, s.id);
}

export async function agendaCandidates(ctx: CoreContext, input: In<'sessions:agendaCandidates'>): Promise<AgendaCandidate[]> {
  const s = await getSession(ctx.db, input.id);
  const found = await searchRoundRegistrations(ctx.db, {
    roundId: s.roundId,
    folded: foldForSearch(input.query ?? ''),
    registrationKind: input.registrationKind,
    criteriaSetVersionId: input.criteriaSetVersionId,
    limit: input.limit,
  });
  const onThis = new Set((await agendaRows(ctx.db, s.id)).map((r) => r.registration_id));
  const elsewhere = await scheduledElsewhere(
    ctx.db,
    found.map((f) => f.registrationId),
    s.id,
  );
  return found
    .filter(
      (f) =>
        input.includeScheduled ||
        (!elsewhere.has(f.registrationId) && !isFrozenStatus(f.registrationStatus as RegistrationStatus)),
    )
    .map((f) => {
      const other = elsewhere.get(f.registrationId);
      return {
        registrationId: f.registrationId,
        registrationNo: f.registrationNo,
        registrationKind: f.registrationKind,
        registrationStatus: f.registrationStatus,
        productName: f.productName,
        producerName: f.producerName,
        criteriaSetVersionId: f.criteriaSetVersionId,
        criteriaSetName: f.criteriaSetName,
        inSession: other ? { id: other.id, number: other.number, councilName: other.councilName } : null,
        onThisAgenda: onThis.has(f.registrationId),
      };
    });
}

async function listedMember(trx: Kysely<DB>, s: SessionFacts, memberId: number) {
  const row = await listedMemberOf(trx, s.id, memberId);
  if (!row)
    throw new CoreError(
      'NOT_FOUND',
      `Member ${memberId} is not listed in ${label(s)} (only members active on the session date are)`,
      { field: 'memberId', memberId },
    );
  return row;
}

export async function setAttendance(w: Write, input: In<'sessions:setAttendance'>): Promise<SessionDetail> {
  const { trx } = w;
  const s = await getSession(trx, input.id);
  assertAllowed(s, 'editAttendance', 'attendance');
  const m = await listedMember(trx, s, input.memberId);
  if (input.present !== false && input.absenceReason) {
    throw new CoreError(
      'VALIDATION',
      `absenceReason is only for an absent member; ${m.fullName} is being marked ${input.present === true ? 'present' : 'not recorded'}`,
      { field: 'absenceReason' },
    );
  }
  if (s.status === 'in_progress' && input.present !== true) {
    if (s.chairMemberId === input.memberId && s.kind === 'meeting') {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `${m.fullName} chairs this open meeting; choose another chair before marking them absent`,
        { memberId: input.memberId },
      );
    }
    const sheets = await countScoreSheets(trx, { sessionId: s.id, memberId: input.memberId });
    if (sheets > 0) {
      throw new CoreError(
        'FORBIDDEN_STATE',
        `${m.fullName} has already scored ${sheets} sheet(s) in this session and cannot be marked absent`,
        { memberId: input.memberId, sheets },
      );
    }
  }
  const before = { present: m.present, absenceReason: m.absenceReason };
  const after = { present: input.present, absenceReason: input.present === false ? input.absenceReason?.trim() || null : null };
  await trx
    .updateTable('session_attendance')
    .set({
      present: after.present === null ? null : after.present ? 1 : 0,
      absence_reason: after.absenceReason,
      updated_at: w.at.toISOString(),
    })
    .where('session_id', '=', s.id)
    .where('member_id', '=', input.memberId)
    .execute();
  await w.audit({
    action: 'session.attendance.set',
    entity: 'session',
    entityId: s.id,
    before: { memberId: input.memberId, ...before },
    after: { memberId: input.memberId, ...after },
  });
  return sessionDetail(trx, s.id);
}

export async function declareConflict(w: Write, input: In<'sessions:declareConflict'>): Promise<SessionDetail> {
  const { trx } = w;
  const s = await getSession(trx, input.id);
  assertAllowed(s, 'editConflicts', 'declared conflicts of interest');
  const m = await listedMember(trx, s, input.memberId);
  if (!isVotingRole(m.role)) {
    throw new CoreError('VALIDATION', `${m.fullName} is the secretary and does not score; no recusal is needed`, {
      field: 'memberId',
    });
  }
  const onAgenda = await trx
    .selectFrom('session_agenda_item')
    .select('registration_id')
    .where('session_id', '=', s.id)
    .where('registration_id', '=', input.registrationId)
    .executeTakeFirst();
  if (!onAgenda)
    throw new CoreError(
      'NOT_FOUND',
      `Registration ${input.registrationId} is not on the agenda of ${label(s)}; a recusal names a product on the agenda`,
      { field: 'registrationId' },
    );
  const dup = await trx
    .selectFrom('session_conflict')
    .select('id')
    .where('session_id', '=', s.id)
    .where('member_id', '=', input.memberId)
    .where('registration_id', '=', input.registrationId)
    .executeTakeFirst();
  if (dup)
    throw new CoreError(
      'CONFLICT',
      `${m.fullName} has already declared a conflict of interest for registration ${input.registrationId}`,
      { conflictId: dup.id },
    );
  const sheets = await countScoreSheets(trx, {
    sessionId: s.id,
    registrationId: input.registrationId,
    memberId: input.memberId,
  });
  if (sheets > 0) {
    throw new CoreError(
      'FORBIDDEN_STATE',
      `${m.fullName} has already scored registration ${input.registrationId}; a conflict of interest must be declared before scoring`,
      { sheets },
    );
  }
  const { id } = await trx
    .insertInto('session_conflict')
    .values({
      session_id: s.id,
      member_id: input.memberId,
      registration_id: input.registrationId,
      reason: input.reason,
      declared_at: w.at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await w.audit({
    action: 'session.conflict.declare',
    entity: 'session',
    entityId: s.id,
    after: { conflictId: id, memberId: input.memberId, registrationId: input.registrationId, reason: input.reason },
  });
  return sessionDetail(trx, s.id);
}

export async function withdrawConflict(w: Write, input: In<'sessions:withdrawConflict'>): Promise<SessionDetail> {
  const { trx } = w;
  const s = await getSession(trx, input.id);
  assertAllowed(s, 'editConflicts', 'declared conflicts of interest');
  const row = await trx
    .selectFrom('session_conflict')
    .selectAll()
    .where('session_id', '=', s.id)
    .where('member_id', '=', input.memberId)
    .where('registration_id', '=', input.registrationId)
    .executeTakeFirst();
  if (!row)
    throw new CoreError(
      'NOT_FOUND',
      `Member ${input.memberId} has no declared conflict for registration ${input.registrationId} in ${label(s)}`,
      { memberId: input.memberId, registrationId: input.registrationId },
    );
  await trx.deleteFrom('session_conflict').where('id', '=', row.id).execute();
  await w.audit({
    action: 'session.conflict.withdraw',
    entity: 'session',
    entityId: s.id,
    before: { conflictId: row.id, memberId: row.member_id, registrationId: row.registration_id, reason: row.reason },
  });
  return sessionDetail(trx, s.id);
}

export async function transition(w: Write, input: In<'sessions:transition'>): Promise<SessionDetail> {
  const { ctx, trx } = w;
  await transitionSession(trx, ctx, w.actor, input.id, input.to, { reason: input.reason, endTime: input.endTime });
  return sessionDetail(trx, input.id);
}
