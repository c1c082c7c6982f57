import { Alert, Button, FileButton, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportRowError } from '../../../../shared/api/fields';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../components/file-io';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';
import { vnDateTime } from '../../../../shared/ocop/vn-time';

/** Settings › Danh mục xã, phường: which list is in force, where to get one, and the import (all or nothing). */
export function CommuneListPanel() {
  const { t, i18n } = useT();
  const info = useApiQuery('places:communeList', {});
  const importList = useApiMutation('places:importCommunes');
  const choose = async (file: File | null) => {
    if (!file) return;
    importList.mutate(
      { fileName: file.name, contentBase64: await fileToBase64(file), dryRun: false },
      { onSuccess: (r) => toastDone(t('settings:places.imported', { communes: r.communes, provinces: r.byProvince.length })) },
    );
  };
  const failure = importList.error;
  const invalid = failure?.code === 'IMPORT_INVALID' ? (failure.details?.errors ?? []) : null;
  const problem = (e: ImportRowError) => {
    const key = `settings:places.errors.${e.code ?? ''}`;
    const text =
      e.code && i18n.exists(key) ? t(key as 'settings:places.errors.bad_code', { value: '', ...(e.params ?? {}) }) : e.message;
    return e.row ? `${t('settings:places.where', { sheet: e.sheet ?? '', row: e.row, column: e.column ?? '' })}: ${text}` : text;
  };
  const l = info.data;
  return (
    <Paper withBorder p="lg" data-testid="commune-list-panel">
      <Stack gap="sm">
        <Title order={3}>{t('settings:places.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings:places.help')}
        </Text>
        {l ? (
          <Text data-testid="commune-list-installed">
            {t('settings:places.installed', {
              communes: l.communes.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB'),
              provinces: l.provinces,
              fileName: l.fileName,
              at: vnDateTime(l.importedAt),
              by: l.importedBy,
            })}
          </Text>
        ) : (
          <Text fw={600}>{t('settings:places.none')}</Text>
        )}
        <Text size="sm">{t('settings:places.whereToGet')}</Text>
        <FileButton onChange={(f) => void choose(f)} accept=".xls,.xlsx,.csv">
          {(props) => (
            <Button {...props} variant="light" w="fit-content" loading={importList.isPending} data-testid="commune-list-choose">
              {t('settings:places.choose')}
            </Button>
          )}
        </FileButton>
        {invalid ? (
          <Alert color="red" title={t('settings:places.refused', { count: invalid.length })} data-testid="commune-list-errors">
            <List size="sm">
              {invalid.slice(0, 20).map((e, i) => (
                <List.Item key={i}>{problem(e)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          failure && <ErrorAlert error={failure} />
        )}
      </Stack>
    </Paper>
  );
}
