import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './app/App';
import { DatesLocale } from './app/DatesLocale';
import { DONE_AUTO_CLOSE_MS } from './components/toast';
import './i18n';

// Local calls are fast and the data changes only through this app: no background refetching.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

// Readable defaults for long meetings: Times-like body text is for printed documents; the screens
// use the system sans-serif, a calm red accent and large touch targets.
const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// HashRouter: routes work both under file:// (Electron) and from the HTTP bridge.
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {/* Bottom left, over the empty lower part of the navigation column: never over a page's buttons.
          Confirmations replace each other and close themselves; errors stay (components/toast.ts). */}
      <Notifications position="bottom-left" containerWidth={230} limit={3} autoClose={DONE_AUTO_CLOSE_MS} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <DatesLocale>
            <App />
          </DatesLocale>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
