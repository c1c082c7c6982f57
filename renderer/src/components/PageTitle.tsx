import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's heading, with its main actions (e.g. "Thêm") at the right. */
export function PageTitle({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between">
      <Title order={2}>{title}</Title>
      {actions}
    </Group>
  );
}
