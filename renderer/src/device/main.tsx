import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { contrastResolver } from '../contrast';
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
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver}>
      <Notifications position="top-center" limit={2} autoClose={3000} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <DeviceApp />
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
