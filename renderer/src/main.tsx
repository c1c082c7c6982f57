import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { App } from './app/App';
import { DatesLocale } from './app/DatesLocale';
import { DONE_AUTO_CLOSE_MS } from './components/toast';
import { AppMantineProvider } from './theme';
import './i18n';

// Local calls are fast and the data changes only through this app: no background refetching.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// HashRouter: routes work both under file:// (Electron) and from the HTTP bridge.
createRoot(root).render(
  <StrictMode>
    <AppMantineProvider>
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
    </AppMantineProvider>
  </StrictMode>,
);
