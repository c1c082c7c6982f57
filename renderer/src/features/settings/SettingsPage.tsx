import { Button, Code, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { OLD_BUILD_NOTICE_MONTHS } from '../../../../shared/app/build-age';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import type { Settings } from '../../../../shared/api/channels/app';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommuneListPanel } from './CommuneListPanel';
import { DocumentFontField } from './DocumentFontField';

function Field({ label, help, children }: { label: string; help: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{label}</Text>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      {children}
    </Stack>
  );
}

function OperatorName({ saved, saving, onSave }: { saved: string; saving: boolean; onSave: (v: string) => void }) {
  const { t } = useT();
  const [value, setValue] = useState(saved);
  return (
    <Group align="flex-end">
      <TextInput
        aria-label={t('settings:operatorName')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        maxLength={120}
        w={360}
      />
      <Button onClick={() => onSave(value)} loading={saving} disabled={value === saved}>
        {t('common:save')}
      </Button>
    </Group>
  );
}

export function SettingsPage() {
  const { t } = useT();
  const settings = useApiQuery('settings:get', {});
  const info = useApiQuery('app:info', {});
  const save = useApiMutation('settings:set');

  const apply = (patch: Partial<Settings>) => save.mutate(patch, { onSuccess: () => toastDone(t('settings:savedToast')) });

  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <Stack maw={760} gap="lg">
      <Title order={2}>{t('settings:title')}</Title>
      {save.isError && <ErrorAlert error={save.error} />}
      <Paper withBorder p="lg">
        <Stack gap="xl">
          <Field label={t('settings:language')} help={t('settings:languageHelp')}>
            <SegmentedControl
              aria-label={t('settings:language')}
              value={s?.language ?? 'vi'}
              onChange={(v) => apply({ language: v as Settings['language'] })}
              data={[
                // Each language by its own name, marked as that language (screen readers, the language check).
                { value: 'vi', label: <span lang="vi">{t('settings:vi')}</span> },
                { value: 'en', label: <span lang="en">{t('settings:en')}</span> },
              ]}
              w="fit-content"
              data-testid="language-switch"
            />
          </Field>
          <Field label={t('settings:textSize')} help={t('settings:textSizeHelp')}>
            <SegmentedControl
              aria-label={t('settings:textSize')}
              value={s?.textSize ?? 'normal'}
              onChange={(v) => apply({ textSize: v as Settings['textSize'] })}
              data={(['normal', 'large', 'larger'] as const).map((v) => ({ value: v, label: t(`settings:textSizes.${v}`) }))}
              w="fit-content"
              data-testid="text-size-switch"
            />
          </Field>
          <Field label={t('settings:operatorName')} help={t('settings:operatorNameHelp')}>
            {/* Keyed on the saved value so the field restarts from it after each save. */}
            <OperatorName
              key={s?.operatorName ?? ''}
              saved={s?.operatorName ?? ''}
              saving={save.isPending}
              onSave={(operatorName) => apply({ operatorName })}
            />
          </Field>
          <Field label={t('settings:documentFont')} help={t('settings:documentFontHelp')}>
            <DocumentFontField value={s?.documentFont} onChange={(documentFont) => apply({ documentFont })} />
          </Field>
          <Field label={t('settings:oldBuildNotice')} help={t('settings:oldBuildNoticeHelp')}>
            <Select
              aria-label={t('settings:oldBuildNotice')}
              value={s ? String(s.oldBuildNoticeMonths) : null}
              onChange={(v) => v !== null && apply({ oldBuildNoticeMonths: Number(v) })}
              data={OLD_BUILD_NOTICE_MONTHS.map((m) => ({
                value: String(m),
                label:
                  m === 0 ? t('settings:oldBuildNoticeChoices.never') : t('settings:oldBuildNoticeChoices.months', { count: m }),
              }))}
              allowDeselect={false}
              w={260}
              data-testid="old-build-notice-months"
            />
          </Field>
          <Field label={t('settings:dataLocation')} help={t('settings:dataLocationHelp')}>
            <Code block data-testid="settings-data-dir">
              {info.data?.dataDir ?? '…'}
            </Code>
          </Field>
        </Stack>
      </Paper>
      <CommuneListPanel />
    </Stack>
  );
}
