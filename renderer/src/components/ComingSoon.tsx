import { Paper, Text, Title } from '@mantine/core';
import { useT } from '../i18n/useT';
import type { NavKey } from '../app/routes';

/** Placeholder for an area whose screens are not built yet: says so plainly instead of a blank page. */
export function ComingSoon({ navKey }: { navKey: NavKey }) {
  const { t } = useT();
  return (
    <Paper p="xl" withBorder>
      <Title order={2} mb="sm">
        {t(`nav:${navKey}`)}
      </Title>
      <Text c="dimmed">{t('common:comingSoon')}</Text>
    </Paper>
  );
}
