import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SimpleTable } from '../../components/SimpleTable';
import { useT } from '../../i18n/useT';
import { TrainingDataBanner, TrainingDataOffer } from './TrainingData';

export function CouncilListPage() {
  const { t } = useT();
  const list = useApiQuery('councils:list', {});
  return (
    <Stack maw={1180} gap="lg">
      <PageTitle
        title={t('councils:title')}
        actions={
          <Button component={Link} to="/councils/new" leftSection={<IconPlus size={18} />}>
            {t('councils:add')}
          </Button>
        }
      />
      <Text>{t('councils:intro')}</Text>
      <TrainingDataBanner />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && (
        <>
          <Text c="gray.7">{t('councils:empty')}</Text>
          <TrainingDataOffer />
        </>
      )}
      {list.data && list.data.length > 0 && (
        <SimpleTable
          data-testid="council-list"
          headers={(['name', 'level', 'chair', 'members', 'rules', 'sessions'] as const).map((c) => t(`councils:list.${c}`))}
        >
          {list.data.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/councils/${c.id}`} fw={600}>
                  {c.name}
                </Anchor>
                {c.parentCouncilName && (
                  <Text size="sm" c="gray.7">
                    {t('councils:detail.parent')}: {c.parentCouncilName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={c.level === 'advisory_group' ? 'grape' : 'blue'}>
                  {t(`councils:levels.${c.level}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{c.chairName ?? '—'}</Table.Td>
              <Table.Td>{c.activeMemberCount}</Table.Td>
              <Table.Td>{t('councils:list.rulesVersion', { version: c.rulesVersion })}</Table.Td>
              <Table.Td>{c.sessionCount}</Table.Td>
            </Table.Tr>
          ))}
        </SimpleTable>
      )}
    </Stack>
  );
}
