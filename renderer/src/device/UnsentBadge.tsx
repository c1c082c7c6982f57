import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCloudOff } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useSaveQueue } from '../features/scoring/save-queue-context';
import { useT } from '../i18n/useT';

/** "Chưa gửi: N" for the whole device, plainly; green when every change is on the host. */
export function UnsentBadge() {
  const { t } = useT();
  const queue = useSaveQueue();
  const status = useSyncExternalStore(
    (cb) => queue.subscribe(cb),
    () => queue.current(),
  );
  const n = status.pending;
  return n === 0 ? (
    <Badge
      size="lg"
      color="green"
      variant="light"
      tt="none"
      leftSection={<IconCircleCheck size={16} />}
      data-testid="device-unsent"
      data-count={0}
    >
      {t('room:device.products.allSent')}
    </Badge>
  ) : (
    <Badge
      size="lg"
      color="orange"
      variant="filled"
      tt="none"
      leftSection={<IconCloudOff size={16} />}
      data-testid="device-unsent"
      data-count={n}
    >
      {t('room:device.products.unsentAll', { count: n })}
    </Badge>
  );
}
