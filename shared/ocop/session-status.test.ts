import { describe, expect, it } from 'vitest';
import { needsReason, SESSION_STATUSES, SESSION_TRANSITIONS, sessionPermissions, transitionRefusal } from './session-status';

describe('session status rules', () => {
  it('allows exactly five transitions; every other pair has a reason', () => {
    const allowed = SESSION_STATUSES.flatMap((f) =>
      SESSION_STATUSES.filter((t) => transitionRefusal(f, t) === null).map((t) => `${f}>${t}`),
    );
    expect(allowed).toEqual([
      'preparing>in_progress',
      'in_progress>closed',
      'closed>in_progress',
      'closed>finalized',
      'finalized>closed',
    ]);
    for (const f of SESSION_STATUSES)
      for (const t of SESSION_STATUSES)
        if (!SESSION_TRANSITIONS[f].includes(t)) expect(transitionRefusal(f, t)).toMatch(/\w{4,}/);
  });
  it('going back needs a reason', () => {
    expect(needsReason('closed', 'in_progress')).toBe(true);
    expect(needsReason('finalized', 'closed')).toBe(true);
    expect(needsReason('preparing', 'in_progress')).toBe(false);
  });
  it('agenda, attendance and recusals change only before closing; only preparation can be deleted', () => {
    expect(sessionPermissions('preparing')).toEqual({
      editDetails: true,
      editSchedule: true,
      editAgenda: true,
      editAttendance: true,
      editConflicts: true,
      delete: true,
    });
    expect(sessionPermissions('in_progress')).toMatchObject({ editSchedule: false, editAgenda: true, delete: false });
    expect(sessionPermissions('closed')).toMatchObject({
      editDetails: true,
      editAgenda: false,
      editAttendance: false,
      editConflicts: false,
    });
    expect(Object.values(sessionPermissions('finalized')).every((v) => v === false)).toBe(true);
  });
});
