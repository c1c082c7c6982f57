import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../i18n/useT';

/** "Cần đối chiếu văn bản gốc": the source is doubtful here; check the signed decision. */
export function ReviewBadge() {
  const { t } = useT();
  return (
    <Badge
      color="orange"
      variant="outline"
      size="md"
      tt="none"
      leftSection={<IconAlertTriangle size={14} />}
      data-testid="review-badge"
    >
      {t('criteria:review.badge')}
    </Badge>
  );
}
