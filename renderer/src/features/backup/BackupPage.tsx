import { Anchor, Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDatabaseExport, IconDownload, IconFileZip, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RestoreReport } from '../../../../shared/api/channels/backup';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';
import { LongWork } from './LongWork';
import { RestoreDialog, type RestoreSource } from './RestoreDialog';
import { VerifyPanel } from './VerifyPanel';

const sizeText = (bytes: number, lang: string) =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** The desktop app saves through main's native dialog; the browser host downloads. */
const desktop = typeof window !== 'undefined' && typeof window.ocop?.backupFile === 'function';

export function BackupPage() {
  const { t, i18n } = useT();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);
  const [askingPath, setAskingPath] = useState(false);
  const [typedPath, setTypedPath] = useState('');
  const [fileError, setFileError] = useState<ApiError | null>(null);
  const list = useApiQuery('backup:list', {});
  const info = useApiQuery('app:info', {});
  const create = useApiMutation('backup:create', {
    onSuccess: (b) => {
      setNote('');
      toastDone(t('backup:created', { name: b.name }));
    },
  });
  const restored = (r: RestoreReport) => {
    setRestoring(null);
    toastDone(
      t('backup:restored', {
        name: r.restored.file.split(/[\\/]/).pop() ?? '',
        saved: r.previousSavedAs.split(/[\\/]/).pop() ?? '',
      }),
    );
    // Every screen shows the restored data from now on.
    void queryClient.invalidateQueries();
  };
  const dateFmt = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });

  async function desktopFile(request: Parameters<NonNullable<typeof window.ocop>['backupFile'] & object>[0]) {
    setFileError(null);
    const env = await window.ocop!.backupFile!(request);
    if (!env.ok) return setFileError(new ApiError(env.error));
    if (!env.value.done) return;
    if (request.action === 'pickRestoreFile') return env.value.path && setRestoring({ path: env.value.path });
    if (request.action === 'exportArchive')
      toastDone(t('backup:archiveSaved', { path: env.value.path ?? '', files: env.value.files ?? 0 }));
    else toastDone(t('backup:savedTo', { path: env.value.path ?? '' }));
    void queryClient.invalidateQueries({ queryKey: ['backup:list'] });
  }

  return (
    <Stack maw={1100} gap="lg">
      <Title order={2}>{t('backup:title')}</Title>
      <Text>{t('backup:intro')}</Text>

      <Paper withBorder p="lg">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('backup:note')}
            placeholder={t('backup:notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={80}
            w={380}
            onKeyDown={(e) => e.key === 'Enter' && create.mutate(note ? { note } : {})}
          />
          <Button
            leftSection={<IconDatabaseExport size={18} />}
            loading={create.isPending}
            onClick={() => create.mutate(note ? { note } : {})}
          >
            {t('backup:create')}
          </Button>
          {desktop ? (
            <Button
              variant="default"
              leftSection={<IconDownload size={18} />}
              onClick={() => void desktopFile({ action: 'saveCopy' })}
            >
              {t('backup:saveCopy')}
            </Button>
          ) : (
            <Button component="a" href="/download/backup" download variant="default" leftSection={<IconDownload size={18} />}>
              {t('backup:saveCopy')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('backup:saveCopyHelp')}
        </Text>
        {create.isPending && (
          <Stack mt="md">
            <LongWork label={t('backup:working.create')} />
          </Stack>
        )}
        {create.isError && (
          <Stack mt="md">
            <ErrorAlert error={create.error} />
          </Stack>
        )}
        {fileError && (
          <Stack mt="md">
            <ErrorAlert error={fileError} />
          </Stack>
        )}
      </Paper>

      <VerifyPanel />

      <Stack gap="xs">
        <Title order={3}>{t('backup:list')}</Title>
        <Text size="sm">{t('backup:retention')}</Text>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('backup:folder')}:
          </Text>
          <Code>{info.data ? `${info.data.dataDir}/backups` : '…'}</Code>
        </Group>
      </Stack>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('backup:empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup:createdAt')}</Table.Th>
              <Table.Th>{t('backup:kind')}</Table.Th>
              <Table.Th>{t('backup:name')}</Table.Th>
              <Table.Th>{t('backup:size')}</Table.Th>
              <Table.Th>{t('backup:auditHead')}</Table.Th>
              <Table.Th>{t('backup:actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{dateFmt.format(new Date(b.createdAt))}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={b.kind === 'manual' ? 'blue' : b.kind === 'finalize' ? 'grape' : 'gray'}
                    // The kind names are long in Vietnamese ("Tự động hằng ngày"): wrap, never cut.
                    styles={{
                      root: { height: 'auto', whiteSpace: 'normal', textTransform: 'none' },
                      label: { overflow: 'visible' },
                    }}
                  >
                    {t(`backup:kinds.${b.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Code>{b.name}</Code>
                </Table.Td>
                <Table.Td>{sizeText(b.sizeBytes, i18n.language)}</Table.Td>
                <Table.Td>{b.manifest?.auditHead ? t('backup:auditHeadValue', { seq: b.manifest.auditHead.seq }) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {desktop ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void desktopFile({ action: 'saveCopy', name: b.name })}
                        aria-label={`${t('backup:saveCopy')} ${b.name}`}
                      >
                        {t('backup:saveCopy')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        component="a"
                        href={`/download/backup?name=${encodeURIComponent(b.name)}`}
                        download
                        aria-label={`${t('backup:download')} ${b.name}`}
                      >
                        {t('backup:download')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="light"
                      color="orange"
                      leftSection={<IconRestore size={14} />}
                      onClick={() => setRestoring({ name: b.name })}
                      aria-label={`${t('backup:restore')} ${b.name}`}
                    >
                      {t('backup:restore')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button
          variant="default"
          leftSection={<IconRestore size={18} />}
          onClick={() => (desktop ? void desktopFile({ action: 'pickRestoreFile' }) : setAskingPath(true))}
        >
          {t('backup:restoreFromFile')}
        </Button>
      </Group>

      <Paper withBorder p="lg">
        <Title order={3} mb="xs">
          {t('backup:archive')}
        </Title>
        <Text mb="md">{t('backup:archiveHelp')}</Text>
        {desktop ? (
          <Button
            variant="default"
            leftSection={<IconFileZip size={18} />}
            onClick={() => void desktopFile({ action: 'exportArchive' })}
          >
            {t('backup:archiveExport')}
          </Button>
        ) : (
          <Button component="a" href="/download/archive" download variant="default" leftSection={<IconFileZip size={18} />}>
            {t('backup:archiveExport')}
          </Button>
        )}
      </Paper>
      <Text size="sm" c="dimmed">
        <Anchor href="#/guide?tab=backup">{t('backup:guideHint')}</Anchor>
      </Text>

      <RestoreDialog source={restoring} onClose={() => setRestoring(null)} onRestored={restored} />

      {/* The browser host has no file dialog: the path of a backup on the computer running the app. */}
      <Modal opened={askingPath} onClose={() => setAskingPath(false)} title={t('backup:fromFile.title')} size="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const p = typedPath.trim();
            if (!p) return;
            setAskingPath(false);
            setRestoring({ path: p });
          }}
        >
          <Stack>
            <TextInput
              label={t('backup:fromFile.path')}
              description={t('backup:fromFile.pathHelp')}
              value={typedPath}
              onChange={(e) => setTypedPath(e.currentTarget.value)}
              error={typedPath.trim() === '' && typedPath !== '' ? t('backup:fromFile.empty') : undefined}
              maxLength={4096}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAskingPath(false)}>
                {t('backup:cancel')}
              </Button>
              <Button type="submit" disabled={typedPath.trim() === ''}>
                {t('backup:fromFile.show')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
