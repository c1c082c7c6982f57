import { IconAlertTriangle, IconBan, IconCircleCheck, IconClock, IconUsersMinus } from '@tabler/icons-react';
import type { ResultStatus } from '../../../../shared/api/channels/results';

/** Colours of a status; the status is always written out beside its icon as well. */
export const RESULT_STATUS_COLOR: Record<ResultStatus, string> = {
  complete: 'green',
  waiting_for_sheets: 'gray',
  spread_unresolved: 'orange',
  quorum_not_met: 'red',
  disqualified: 'red',
};

const ICONS = {
  complete: IconCircleCheck,
  waiting_for_sheets: IconClock,
  spread_unresolved: IconAlertTriangle,
  quorum_not_met: IconUsersMinus,
  disqualified: IconBan,
} as const;

export function StatusIcon({ status }: { status: ResultStatus }) {
  const Icon = ICONS[status];
  return (
    <Icon
      size={18}
      color={`var(--mantine-color-${RESULT_STATUS_COLOR[status]}-8)`}
      aria-hidden
      style={{ flexShrink: 0, marginTop: 2 }}
    />
  );
}
