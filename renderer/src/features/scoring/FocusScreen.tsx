import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The member's own screen covers the whole window (above the app's navigation): a calm page with
 * one task, nothing to wander off to. Modals and notifications still show above it.
 */
export function FocusScreen({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Box
      component="section"
      aria-label={label}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 150,
        background: 'var(--mantine-color-body)',
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
      }}
    >
      {children}
    </Box>
  );
}
