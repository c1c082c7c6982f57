import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../i18n/useT';
import { ApiError } from '../api/client';

/** Shows a failed call in the user's language, with the core's technical message underneath. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  const technical = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('common:errorTitle')} role="alert">
      <Stack gap="xs">
        <Text>{t(`errors:${code}`)}</Text>
        {/* Wrapped: an unbroken technical line must not widen the alert past a phone's screen. */}
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {technical}
        </Code>
        {onRetry && (
          <Button variant="light" color="red" onClick={onRetry} w="fit-content">
            {t('common:retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
