import { AppShell, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { routes } from './routes';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Title order={1} size="h3" c="red.8">
            {t('common:appName')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('common:appSubtitle')}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav:mainNavigation')} component="nav">
        <ScrollArea>
          {routes.map((r) => (
            <NavLink
              key={r.path}
              component={RouterLink}
              to={r.path}
              label={t(`nav:${r.navKey}`)}
              leftSection={<r.icon size={20} stroke={1.6} />}
              active={pathname === r.path || pathname.startsWith(`${r.path}/`)}
              data-testid={`nav-${r.navKey}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
