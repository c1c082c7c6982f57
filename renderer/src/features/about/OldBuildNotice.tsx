import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { buildAge } from '../../../../shared/app/build-age';
import { BUILT_AT } from '../../app/build-info';
import { formatDateText } from '../../components/date-text';
import { useT } from '../../i18n/useT';

/**
 * The offline stand-in for an update check: once this build is as old as the setting says, a
 * calm note (not a warning: the app keeps working) that a newer version may exist.
 */
export function OldBuildNotice({ months, now = new Date() }: { months: number; now?: Date }) {
  const { t } = useT();
  const age = buildAge(BUILT_AT, now, months);
  if (!age.old || !age.builtOn) return null;
  return (
    <Alert
      variant="light"
      color="blue"
      icon={<IconInfoCircle />}
      title={t('about:oldBuild.title')}
      data-testid="old-build-notice"
    >
      <Stack gap="xs">
        <Text>{t('about:oldBuild.body', { date: formatDateText(age.builtOn), months })}</Text>
        <Anchor component={Link} to="/settings">
          {t('about:oldBuild.settings')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
