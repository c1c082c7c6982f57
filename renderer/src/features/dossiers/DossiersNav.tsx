import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/useT';

const LINKS = [
  { to: '/dossiers', key: 'registrations', match: (p: string) => p === '/dossiers' || p === '/dossiers/' },
  { to: '/dossiers/producers', key: 'producers', match: (p: string) => p === '/dossiers/producers' },
  { to: '/dossiers/import', key: 'import', match: (p: string) => p === '/dossiers/import' },
] as const;

/** The screens of "Hồ sơ": registrations, producers, Excel import. The current one is marked for screen readers too. */
export function DossiersNav() {
  const { t } = useT();
  const { pathname } = useLocation();
  return (
    <Group component="nav" gap="xs" aria-label={t('dossiers:nav.label')}>
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
            {t(`dossiers:nav.${l.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
