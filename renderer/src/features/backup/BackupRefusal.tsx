import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

const REASONS = [
  'not_sqlite',
  'damaged',
  'foreign',
  'newer',
  'chain_broken',
  'manifest_mismatch',
  'is_database',
  'missing',
  'notFile',
  'denied',
] as const;
type Reason = (typeof REASONS)[number];

/** Why the core refused a backup file, as one of the screen's own sentences (details.reason / the OS error). */
export function refusalOf(error: unknown): Reason | null {
  if (!(error instanceof ApiError)) return null;
  const d = error.details ?? {};
  if (typeof d.reason === 'string' && (REASONS as readonly string[]).includes(d.reason)) return d.reason as Reason;
  if (error.code === 'NOT_FOUND' || d.cause === 'ENOENT') return 'missing';
  if (d.cause === 'EISDIR') return 'notFile';
  if (d.cause === 'EACCES' || d.cause === 'EPERM') return 'denied';
  return null;
}

/** A refused backup file, said plainly in the user's language, with the core's message under it. */
export function BackupRefusal({ error }: { error: unknown }) {
  const { t } = useT();
  const reason = refusalOf(error);
  if (!reason) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('common:errorTitle')} role="alert" data-testid="backup-refused">
      <Stack gap="xs">
        <Text>{t(`backup:refused.${reason}`)}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {error instanceof Error ? error.message : String(error)}
        </Code>
      </Stack>
    </Alert>
  );
}
