import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

const sizeText = (bytes: number, lang: string) =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

export function BackupPage() {
  const { t, i18n } = useT();
  const [note, setNote] = useState('');
  const list = useApiQuery('backup:list', {});
  const info = useApiQuery('app:info', {});
  const create = useApiMutation('backup:create', {
    onSuccess: (b) => {
      setNote('');
      toastDone(t('backup:created', { name: b.name }));
    },
  });
  const dateFmt = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  });

  return (
    <Stack maw={1000} gap="lg">
      <Title order={2}>{t('backup:title')}</Title>
      <Text>{t('backup:intro')}</Text>
      <Paper withBorder p="lg">
        <Group align="flex-end">
          <TextInput
            label={t('backup:note')}
            placeholder={t('backup:notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={80}
            w={420}
            onKeyDown={(e) => e.key === 'Enter' && create.mutate(note ? { note } : {})}
          />
          <Button
            leftSection={<IconDatabaseExport size={18} />}
            loading={create.isPending}
            onClick={() => create.mutate(note ? { note } : {})}
          >
            {t('backup:create')}
          </Button>
        </Group>
        {create.isError && (
          <Stack mt="md">
            <ErrorAlert error={create.error} />
          </Stack>
        )}
      </Paper>
      <Stack gap={4}>
        <Text fw={600}>{t('backup:folder')}</Text>
        <Code block>{info.data ? `${info.data.dataDir}/backups` : '…'}</Code>
      </Stack>
      <Title order={3}>{t('backup:list')}</Title>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('backup:empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup:name')}</Table.Th>
              <Table.Th>{t('backup:createdAt')}</Table.Th>
              <Table.Th>{t('backup:size')}</Table.Th>
              <Table.Th>{t('backup:kind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>
                  <Code>{b.name}</Code>
                </Table.Td>
                <Table.Td>{dateFmt.format(new Date(b.createdAt))}</Table.Td>
                <Table.Td>{sizeText(b.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={b.kind === 'manual' ? 'blue' : 'gray'}>
                    {t(`backup:kinds.${b.kind}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Alert color="gray">{t('backup:restoreHelp')}</Alert>
    </Stack>
  );
}
