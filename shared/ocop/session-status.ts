/**
 * What a council session (phiên họp) allows in each status, and which status changes exist.
 * Pure: the core enforces it (and triggers in migration 0004 back it up); the UI uses it to show
 * only the actions that will succeed.
 *
 *   preparing ──open──▶ in_progress ──close──▶ closed ──finalize──▶ finalized
 *                            ▲                    │  ▲                  │
 *                            └──reopen (reason)───┘  └─unfinalize (reason, results area)
 */
export type SessionStatusValue = 'preparing' | 'in_progress' | 'closed' | 'finalized';

export const SESSION_STATUSES: readonly SessionStatusValue[] = ['preparing', 'in_progress', 'closed', 'finalized'];

export const SESSION_TRANSITIONS: Readonly<Record<SessionStatusValue, readonly SessionStatusValue[]>> = {
  preparing: ['in_progress'],
  in_progress: ['closed'],
  closed: ['in_progress', 'finalized'],
  finalized: ['closed'],
};

/** Transitions that need a written reason (they undo a step and are audited with it). */
export const TRANSITIONS_NEEDING_REASON: readonly (readonly [SessionStatusValue, SessionStatusValue])[] = [
  ['closed', 'in_progress'],
  ['finalized', 'closed'],
];

export const needsReason = (from: SessionStatusValue, to: SessionStatusValue): boolean =>
  TRANSITIONS_NEEDING_REASON.some(([f, t]) => f === from && t === to);

/**
 * Why `from → to` is not a status change a session can make, or null when it is one.
 * English, for the developer-facing error message; the UI words it from i18n by the pair.
 */
export function transitionRefusal(from: SessionStatusValue, to: SessionStatusValue): string | null {
  if (SESSION_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return `the session is already ${from}`;
  switch (from) {
    case 'preparing':
      return to === 'closed'
        ? 'a session in preparation cannot be closed: open it first'
        : 'a session in preparation cannot be finalized: open it, score the products and close it first';
    case 'in_progress':
      return to === 'preparing'
        ? 'an opened session cannot go back to preparation (members may already have scored); close it instead'
        : 'an open session cannot be finalized directly: close it first';
    case 'closed':
      return 'a closed session cannot go back to preparation; reopen it for more scoring instead (with a reason)';
    case 'finalized':
      return 'a finalized session never changes; it can only be reopened to closed, with a reason, from the results screen';
  }
}

export interface SessionPermissions {
  /** Title, place, times, chair and secretary. */
  editDetails: boolean;
  /** Date and kind (they decide who is listed): preparation only. */
  editSchedule: boolean;
  editAgenda: boolean;
  editAttendance: boolean;
  editConflicts: boolean;
  delete: boolean;
}

export function sessionPermissions(status: SessionStatusValue): SessionPermissions {
  const open = status === 'preparing' || status === 'in_progress';
  return {
    editDetails: status !== 'finalized',
    editSchedule: status === 'preparing',
    editAgenda: open,
    editAttendance: open,
    editConflicts: open,
    delete: status === 'preparing',
  };
}

/** Why an action is refused in a status (English, for the error message). */
export function frozenReason(status: SessionStatusValue, what: string): string {
  switch (status) {
    case 'closed':
      return `the session is closed, so its ${what} can no longer change; reopen it for more scoring first`;
    case 'finalized':
      return `the session is finalized and never changes (its ${what} included)`;
    case 'in_progress':
      return `the session is already open, so its ${what} can no longer change`;
    case 'preparing':
      return `the session is still in preparation, so its ${what} cannot change yet`;
  }
}
