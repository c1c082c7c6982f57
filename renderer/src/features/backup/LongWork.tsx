import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';

/**
 * Shown while a backup, a restore or a verification runs (seconds on a large database): what is
 * happening and for how long, so nobody closes the app thinking it hung. The core does not report
 * steps yet, so the bar is indeterminate (animated), not a percentage.
 */
export function LongWork({ label, testId }: { label: string; testId?: string }) {
  const { t } = useT();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid={testId}>
      <Group gap="xs" wrap="nowrap">
        <Loader size="sm" />
        <Text fw={600}>{label}</Text>
      </Group>
      <Progress value={100} striped animated aria-label={label} />
      <Text size="sm" c="dimmed">
        {t('backup:working.elapsed', { seconds })}
      </Text>
    </Stack>
  );
}
