import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFiles, IconPlayerStop } from '@tabler/icons-react';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import type { PrintedPdf } from './pdf-blob';
import { useBatchJob } from './use-batch-job';

/** Every scoring sheet of the session in one PDF: start, progress bar, cancel, then preview and save. */
export function BatchPanel({
  sessionId,
  onPrinted,
  onStarted,
}: {
  sessionId: number;
  onPrinted: (p: PrintedPdf) => void;
  onStarted: () => void;
}) {
  const { t } = useT();
  const { status, loadingPercent, error, start, cancel } = useBatchJob(sessionId, onPrinted, onStarted);
  const running = status?.state === 'running';
  return (
    <Stack gap="md">
      <Text>{t('documents:batch.intro')}</Text>
      <Group gap="sm">
        <Button size="md" leftSection={<IconFiles />} disabled={running || loadingPercent !== null} onClick={() => void start()}>
          {t('documents:batch.start')}
        </Button>
        {running && (
          <Button size="md" color="red.8" variant="outline" leftSection={<IconPlayerStop />} onClick={() => void cancel()}>
            {t('documents:batch.cancel')}
          </Button>
        )}
      </Group>
      {status && (running || status.state === 'done') && (
        <Stack gap={6} maw={720}>
          <Progress value={status.percent} size="xl" aria-label={t('documents:batch.progressLabel')} transitionDuration={200} />
          <Text aria-live="polite" data-testid="batch-progress">
            {status.state === 'done'
              ? t('documents:batch.done', { total: status.total, pages: status.pages ?? 0 })
              : t('documents:batch.progress', { done: status.done, total: status.total, percent: status.percent })}
          </Text>
          {loadingPercent !== null && <Text>{t('documents:batch.loading', { percent: loadingPercent })}</Text>}
        </Stack>
      )}
      {status?.state === 'cancelled' && (
        <Alert color="gray" styles={{ message: { fontSize: 16 } }} role="status">
          {t('documents:batch.cancelled')}
        </Alert>
      )}
      {status?.state === 'failed' && status.error && <ErrorAlert error={new ApiError(status.error as ApiErrorBody)} />}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
