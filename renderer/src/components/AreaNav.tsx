import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export interface AreaNavLink {
  to: string;
  label: string;
  /** Whether the current path is this screen (the first screen also answers to its path with a slash). */
  match: (pathname: string) => boolean;
}

/** The screens of one area as a row of buttons; the current one is marked for screen readers too. */
export function AreaNav({ label, links }: { label: string; links: readonly AreaNavLink[] }) {
  const { pathname } = useLocation();
  return (
    <Group component="nav" gap="xs" aria-label={label}>
      {links.map((l) => {
        const active = l.match(pathname);
        return (
          <Button
            key={l.to}
            component={Link}
            to={l.to}
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
            size="md"
          >
            {l.label}
          </Button>
        );
      })}
    </Group>
  );
}
