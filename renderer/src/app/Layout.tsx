import { AppShell, Badge, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { routes } from './routes';

/** `readOnly`: view-only mode (a read-only data folder): the header says so on every screen, always in sight. */
export function Layout({ children, readOnly = false }: { children: ReactNode; readOnly?: boolean }) {
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
          {readOnly && (
            <Badge
              color="orange"
              size="lg"
              ml="auto"
              leftSection={<IconLock size={16} />}
              data-testid="read-only-badge"
              style={{ textTransform: 'none' }}
            >
              {t('common:readOnly.badge')}
            </Badge>
          )}
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
