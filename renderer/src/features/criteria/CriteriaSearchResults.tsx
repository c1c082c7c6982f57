import { Anchor, Badge, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** Hits of the accent-insensitive search, each linking to its criterion in the set's form. */
export function CriteriaSearchResults({ query }: { query: string }) {
  const { t } = useT();
  const r = useApiQuery('criteria:search', { query, limit: 100 }, { placeholderData: (prev) => prev });
  if (r.isPending) {
    return (
      <Center h={120}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }
  if (r.isError) return <ErrorAlert error={r.error} onRetry={() => void r.refetch()} />;
  const { hits, truncated } = r.data;
  if (hits.length === 0) return <Text c="dimmed">{t('criteria:searchNone', { query })}</Text>;
  return (
    <Stack gap="xs">
      <Text fw={600} role="status">
        {t('criteria:searchResults', { count: hits.length })}
      </Text>
      {truncated && <Text c="dimmed">{t('criteria:searchTruncated', { count: hits.length })}</Text>}
      <Table withTableBorder verticalSpacing="xs" data-testid="criteria-search-results">
        <Table.Tbody>
          {hits.map((h, i) => (
            <Table.Tr key={`${h.versionId}-${h.criterionCode}-${h.field}-${h.levelIndex ?? ''}-${i}`}>
              <Table.Td w={210} style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>
                  {h.setNo !== null ? t('criteria:setNo', { no: h.setNo }) : h.setKey}
                </Text>
                <Text size="sm" c="dimmed">
                  {h.setName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/criteria/${h.versionId}?c=${encodeURIComponent(h.criterionCode)}`} fw={600}>
                  {h.criterionCode}. {h.criterionTitle}
                </Anchor>
                {h.field !== 'title' && (
                  <Text size="sm" mt={4}>
                    <Badge variant="light" color="gray" size="sm" mr={6}>
                      {t(`criteria:searchField.${h.field}`)}
                    </Badge>
                    {h.text}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
