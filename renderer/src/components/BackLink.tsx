import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** The "← back to the list" link above a detail page. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to}>
      ← {label}
    </Anchor>
  );
}
