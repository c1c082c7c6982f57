import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { TrainingDataBanner, TrainingDataOffer } from './TrainingData';

export function CouncilListPage() {
  const { t } = useT();
  const list = useApiQuery('councils:list', {});
  return (
    <Stack maw={1180} gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('councils:title')}</Title>
        <Button component={Link} to="/councils/new" leftSection={<IconPlus size={18} />}>
          {t('councils:add')}
        </Button>
      </Group>
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
        <Table striped withTableBorder verticalSpacing="sm" data-testid="council-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('councils:list.name')}</Table.Th>
              <Table.Th>{t('councils:list.level')}</Table.Th>
              <Table.Th>{t('councils:list.chair')}</Table.Th>
              <Table.Th>{t('councils:list.members')}</Table.Th>
              <Table.Th>{t('councils:list.rules')}</Table.Th>
              <Table.Th>{t('councils:list.sessions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
