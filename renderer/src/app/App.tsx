import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LazyBoundary } from '../components/lazy';
import { useApiQuery } from '../api/hooks';
import { Layout } from './Layout';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { routes } from './routes';
import { useAppSettings } from './useAppSettings';
import { WelcomeModal } from './WelcomeModal';

export function App() {
  const settings = useAppSettings();
  // View-only mode (a read-only data folder): the banner says so and nothing asks to be saved.
  const info = useApiQuery('app:info', {});
  const readOnly = info.data?.readOnly ?? null;
  if (settings.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  return (
    <Layout readOnly={readOnly !== null}>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {info.data && <ReadOnlyBanner info={info.data} />}
      {settings.data && settings.data.operatorName.trim() === '' && info.isSuccess && !readOnly && (
        <WelcomeModal settings={settings.data} />
      )}
      {/* The navigation stays usable while an area's code loads the first time. */}
      <LazyBoundary>
        <Routes>
          <Route path="/" element={<Navigate to="/dossiers" replace />} />
          {routes.map((r) => (
            <Route key={r.path} path={`${r.path}/*`} element={r.element} />
          ))}
          <Route path="*" element={<Navigate to="/dossiers" replace />} />
        </Routes>
      </LazyBoundary>
    </Layout>
  );
}
