import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { setLanguage } from '../i18n';
import { DeviceApp } from './DeviceApp';

/**
 * The page a member's own phone, tablet or laptop opens in meeting-room mode (served by the LAN
 * listener, never the secretary's app). Only the member's work is reachable from it: the host
 * checks every call against the device allowlist.
 */
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  // Older eyes on a small screen: the base text a step larger than on the desktop.
  fontSizes: { xs: '14px', sm: '15px', md: '17px', lg: '19px', xl: '22px' },
});

/**
 * Contrast for a phone in a bright meeting room, at least WCAG AA's 4.5:1 (axe, e2e/meeting-room.spec.ts):
 * Mantine's defaults were below it for "dimmed" help text (gray.6 on white, 3.3:1), the text of light
 * badges (green.9 on green.1 3.8:1, yellow 2.7:1) and white on orange (3.6:1).
 */
const resolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
    ),
    '--mantine-color-orange-filled': darken(t.colors.orange[9], 0.15),
    '--mantine-color-yellow-filled': darken(t.colors.yellow[9], 0.3),
  },
  dark: {},
});

try {
  const saved = localStorage.getItem('ocop-device-language');
  const lang = saved === 'en' || saved === 'vi' ? saved : navigator.language.startsWith('vi') ? 'vi' : 'vi';
  void setLanguage(lang);
  document.documentElement.lang = lang;
} catch {
  // No storage: Vietnamese.
}

const root = document.getElementById('root');
if (!root) throw new Error('device.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <Notifications position="top-center" limit={2} autoClose={3000} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <DeviceApp />
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
