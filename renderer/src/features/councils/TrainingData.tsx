import { Alert, Button, Stack, Text } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconSchool } from '@tabler/icons-react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** On an empty database: one button that fills it with the training dataset (demo:create). */
export function TrainingDataOffer() {
  const { t } = useT();
  const create = useApiMutation('demo:create', {
    onSuccess: () => toastDone(t('councils:training.created')),
  });
  return (
    <Alert color="blue" variant="light" icon={<IconSchool />} title={t('councils:training.title')}>
      <Stack gap="sm">
        <Text>{t('councils:training.text')}</Text>
        <Button w="fit-content" loading={create.isPending} onClick={() => create.mutate({})}>
          {t('councils:training.create')}
        </Button>
        {create.isError && <ErrorAlert error={create.error} />}
      </Stack>
    </Alert>
  );
}

/** Says plainly that the records on screen are invented, whenever the training dataset is loaded. */
export function TrainingDataBanner() {
  const { t } = useT();
  const status = useApiQuery('demo:status', {});
  if (!status.data?.training) return null;
  return (
    <Alert color="grape" variant="light" icon={<IconSchool />} data-testid="training-banner">
      {t('councils:training.banner')}
    </Alert>
  );
}
