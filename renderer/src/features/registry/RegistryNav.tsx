import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/useT';

const LINKS = [
  { to: '/registry', key: 'list', match: (p: string) => p === '/registry' || p === '/registry/' },
  { to: '/registry/due', key: 'due', match: (p: string) => p === '/registry/due' },
  { to: '/registry/import', key: 'import', match: (p: string) => p === '/registry/import' },
] as const;

/** The screens of the registry; the current one is marked for screen readers too. */
export function RegistryNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  return (
    <Group component="nav" gap="xs" aria-label={t('registry:nav.label')}>
      {LINKS.map((l) => {
        const active = l.match(pathname);
        return (
          <Button
            key={l.key}
            component={Link}
            to={l.to}
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
            size="md"
          >
            {t(`registry:nav.${l.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
