import type Database from 'better-sqlite3';
import type { AuditIndex } from './audit-index';
import type { Collector } from './collector';

/**
 * Sessions against their audit events: each session's status (creation, then every transition),
 * each member's attendance mark (the last `session.attendance.set`), each recusal (declared and
 * not withdrawn). A member whose period was replaced keeps the predecessor's mark and recusals
 * (session-members-sync.ts), so the predecessor's events count for the successor.
 */
export function checkSessions(sqlite: Database.Database, audit: AuditIndex, c: Collector): void {
  const sessions = new Map(
    (sqlite.prepare('SELECT id, status FROM session').all() as { id: number; status: string }[]).map((s) => [s.id, s]),
  );
  const previous = new Map(
    (sqlite.prepare('SELECT id, previous_id FROM council_member').all() as { id: number; previous_id: number | null }[]).map(
      (m) => [m.id, m.previous_id],
    ),
  );
  const lineage = (memberId: number): number[] => {
    const out: number[] = [];
    for (let m: number | null | undefined = memberId; m != null && out.length < 50; m = previous.get(m)) out.push(m);
    return out;
  };

  const status = new Map<number, { value: string | null; deleted: boolean; seq: number }>();
  const attendance = new Map<string, { present: boolean | null; seq: number }>();
  const conflicts = new Map<
    number,
    { memberId: number; registrationId: number; sessionId: number; seq: number; live: boolean }
  >();
  for (const a of audit.rows) {
    if (a.entity !== 'session' || a.entityId === null) continue;
    const id = Number(a.entityId);
    if (a.action === 'session.delete') status.set(id, { value: null, deleted: true, seq: a.seq });
    else if (typeof a.after?.status === 'string' && a.action.startsWith('session.'))
      status.set(id, { value: a.after.status, deleted: false, seq: a.seq });
    else if (!status.has(id)) status.set(id, { value: null, deleted: false, seq: a.seq });
    if (a.action === 'session.attendance.set' && typeof a.after?.memberId === 'number') {
      const p = a.after.present;
      attendance.set(`${id}:${a.after.memberId}`, { present: typeof p === 'boolean' ? p : null, seq: a.seq });
    }
    if (a.action === 'session.conflict.declare' && typeof a.after?.conflictId === 'number')
      conflicts.set(a.after.conflictId, {
        sessionId: id,
        memberId: Number(a.after.memberId),
        registrationId: Number(a.after.registrationId),
        seq: a.seq,
        live: true,
      });
    if (a.action === 'session.conflict.withdraw' && typeof a.before?.conflictId === 'number') {
      const k = conflicts.get(a.before.conflictId);
      if (k) k.live = false;
    }
  }

  // Status.
  for (const [id, s] of status) {
    c.checked('session-status');
    const row = sessions.get(id);
    if (s.deleted) {
      if (row) c.add('session-status', 'session', `session ${id}`, `deleted (audit event ${s.seq})`, 'still present');
    } else if (!row) c.add('session-status', 'session', `session ${id}`, `present (last audit event ${s.seq})`, 'missing');
    else if (s.value !== null && s.value !== row.status)
      c.add('session-status', 'session', `session ${id}, status (audit event ${s.seq})`, s.value, row.status);
  }
  for (const id of sessions.keys()) {
    if (!status.has(id)) c.add('session-status', 'session', `session ${id}`, 'an audit event creating it', 'none');
  }

  // Attendance.
  const marks = sqlite.prepare('SELECT session_id, member_id, present FROM session_attendance').all() as {
    session_id: number;
    member_id: number;
    present: number | null;
  }[];
  for (const m of marks) {
    c.checked('attendance');
    const event = lineage(m.member_id)
      .map((id) => attendance.get(`${m.session_id}:${id}`))
      .find((e) => e !== undefined);
    const expected = event?.present ?? null;
    const found = m.present === null ? null : m.present === 1;
    if (expected !== found)
      c.add(
        'attendance',
        'session_attendance',
        `session ${m.session_id}, member ${m.member_id}${event ? ` (audit event ${event.seq})` : ''}`,
        show(expected),
        show(found),
      );
  }

  // Recusals.
  const seated = new Set(marks.map((m) => `${m.session_id}:${m.member_id}`));
  const rows = sqlite.prepare('SELECT id, session_id, member_id, registration_id FROM session_conflict').all() as {
    id: number;
    session_id: number;
    member_id: number;
    registration_id: number;
  }[];
  const liveBy = (sessionId: number, memberId: number, registrationId: number) =>
    [...conflicts.values()].some(
      (k) => k.live && k.sessionId === sessionId && k.registrationId === registrationId && lineage(memberId).includes(k.memberId),
    );
  const rowIds = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    c.checked('recusals');
    const k = conflicts.get(r.id);
    if (k ? !k.live : !liveBy(r.session_id, r.member_id, r.registration_id))
      c.add(
        'recusals',
        'session_conflict',
        `session ${r.session_id}, member ${r.member_id}, registration ${r.registration_id}`,
        k ? `withdrawn (audit event ${k.seq} and later)` : 'a declaration in the audit log',
        'recusal present',
      );
  }
  for (const [id, k] of conflicts) {
    if (!k.live || rowIds.has(id) || !sessions.has(k.sessionId)) continue;
    // A member who left the session (replaced or removed while preparing) takes recusals along.
    if (!seated.has(`${k.sessionId}:${k.memberId}`)) continue;
    c.checked('recusals');
    c.add(
      'recusals',
      'session_conflict',
      `session ${k.sessionId}, member ${k.memberId}, registration ${k.registrationId}`,
      `recusal declared (audit event ${k.seq})`,
      'missing',
    );
  }
}

const show = (v: boolean | null): string => (v === null ? 'not recorded' : v ? 'present' : 'absent');
