import { MantineProvider, Modal, Notification, createTheme } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { contrastResolver } from './contrast';
import { useT } from './i18n/useT';

/**
 * Readable defaults for long meetings: Times-like body text is for printed documents; the screens
 * use the system sans-serif, a calm red accent and large touch targets. Every dialog's close
 * button (an icon only) says "Đóng"/"Close" to screen readers, in the interface language (axe
 * button-name, e2e/first-secretary-walk.spec.ts), and so does every toast's.
 */
export function AppMantineProvider({ children }: { children: ReactNode }) {
  const { t } = useT();
  const close = t('common:close');
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'red',
        primaryShade: 8,
        defaultRadius: 'sm',
        fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
        components: {
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
          Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
        },
      }),
    // A new theme only when the language changes (a rare switch in Settings).
    [close],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver}>
      {children}
    </MantineProvider>
  );
}
