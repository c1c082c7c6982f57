import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LazyBoundary } from '../components/lazy';
import { Layout } from './Layout';
import { routes } from './routes';
import { useAppSettings } from './useAppSettings';
import { WelcomeModal } from './WelcomeModal';

export function App() {
  const settings = useAppSettings();
  if (settings.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  return (
    <Layout>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && settings.data.operatorName.trim() === '' && <WelcomeModal settings={settings.data} />}
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
