import { Alert, Anchor, Code, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { AppInfo } from '../../../shared/api/channels/app';
import { useT } from '../i18n/useT';

/**
 * View-only mode (issue 14): the data folder cannot be written, so the core shows the data and
 * refuses every change with READ_ONLY. This banner heads every screen, so that nobody types a
 * score or a name believing it is saved; the header's badge (Layout) stays in sight when scrolling.
 */
export function ReadOnlyBanner({ info }: { info: AppInfo }) {
  const { t } = useT();
  const mode = info.readOnly;
  if (!mode) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      icon={<IconLock />}
      title={t('common:readOnly.title')}
      role="status"
      data-testid="read-only-banner"
      mb="md"
    >
      <Text size="sm">
        {t(mode.reason === 'file' ? 'common:readOnly.file' : 'common:readOnly.folder')} {t('common:readOnly.what')}
        {mode.walIncluded && <> {t('common:readOnly.wal')}</>}
        {mode.upgraded && <> {t('common:readOnly.upgraded')}</>}
      </Text>
      <Text size="sm" mt={4}>
        {t('common:readOnly.todo')}{' '}
        <Anchor component={Link} to="/backup" c="white" underline="always" fw={700}>
          {t('common:readOnly.toBackup')}
        </Anchor>
      </Text>
      <Text size="sm" mt={4}>
        {t('common:readOnly.folderLabel')}:{' '}
        <Code color="orange.9" c="white" style={{ overflowWrap: 'anywhere' }}>
          {info.dataDir}
        </Code>
      </Text>
    </Alert>
  );
}
