import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/useT';
import { ErrorAlert } from './ErrorAlert';

/**
 * What a detail page shows instead of itself while its query loads or after it failed (with a
 * retry). Use as `if (q.isPending || q.isError) return <QueryFallback query={q} />;`.
 */
export function QueryFallback({ query }: { query: { isError: boolean; error: unknown; refetch: () => Promise<unknown> } }) {
  const { t } = useT();
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Center h={200}>
      <Loader aria-label={t('common:loading')} />
    </Center>
  );
}
