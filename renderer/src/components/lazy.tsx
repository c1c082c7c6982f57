import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

/**
 * A component from a module that is loaded the first time it is shown: the build puts that
 * module (and what only it imports) into a chunk of its own, so the first screen does not wait
 * for it. Every area of the main navigation is one (routes.tsx), and so are heavy widgets used in
 * a corner of an area: pdf.js (PdfViewer), charts, spreadsheets. Import such a module only
 * through this, never statically, or it lands back in the first screen's code.
 *
 *   const ResultsArea = lazyNamed(() => import('../features/results/ResultsArea'), 'ResultsArea');
 */
export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** What shows while a lazy part loads (a few tens of milliseconds from disk). */
export function LazyLoading({ minHeight = 200 }: { minHeight?: number }) {
  const { t } = useT();
  return (
    <Center mih={minHeight}>
      <Loader aria-label={t('common:loading')} />
    </Center>
  );
}

export function LazyBoundary({ children, minHeight }: { children: ReactNode; minHeight?: number }) {
  return <Suspense fallback={<LazyLoading {...(minHeight ? { minHeight } : {})} />}>{children}</Suspense>;
}
