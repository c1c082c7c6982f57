import type { SessionStatus } from '../../../../shared/api/channels/sessions';

/** Badge colours; the status is always written out as well. */
export const STATUS_COLOR: Record<SessionStatus, string> = {
  preparing: 'yellow',
  in_progress: 'blue',
  closed: 'gray',
  finalized: 'green',
};
