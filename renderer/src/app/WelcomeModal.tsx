import { Button, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Settings } from '../../../shared/api/channels/app';
import { useApiMutation } from '../api/hooks';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/useT';

/**
 * First start: asks who is using this computer, so that histories and the audit log name a person
 * instead of "local" (the core records every later change under this name), and offers the
 * language. Shown while no name is saved; it cannot be dismissed empty, since an unnamed operator
 * is exactly what it exists to prevent.
 */
export function WelcomeModal({ settings }: { settings: Settings }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const save = useApiMutation('settings:set');
  const missing = name.trim() === '';
  const submit = () => {
    setTouched(true);
    if (!missing) save.mutate({ operatorName: name.trim() });
  };
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('settings:welcome.title')}
      size="lg"
      centered
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('settings:language')}
            value={settings.language}
            onChange={(v) => save.mutate({ language: v as Settings['language'] })}
            data={[
              { value: 'vi', label: <span lang="vi">{t('settings:vi')}</span> },
              { value: 'en', label: <span lang="en">{t('settings:en')}</span> },
            ]}
            w="fit-content"
          />
          <Text>{t('settings:welcome.body')}</Text>
          <TextInput
            label={t('settings:welcome.name')}
            placeholder={t('settings:welcome.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={120}
            required
            data-autofocus
            size="md"
            error={touched && missing ? t('settings:welcome.nameRequired') : undefined}
          />
          {save.error && <ErrorAlert error={save.error} />}
          <Button type="submit" size="md" loading={save.isPending} w="fit-content">
            {t('settings:welcome.start')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
