import { Alert, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { DocumentFont } from '../../../../shared/api/channels/app';
import type { DocumentFontStatus } from '../../../../shared/api/channels/documents';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** The status line: which family the next document embeds, in words (the colour only repeats it). */
function FontStatusLine({ status }: { status: DocumentFontStatus }) {
  const { t } = useT();
  const fallback = status.fallbackReason !== null;
  const [color, icon, text] = fallback
    ? (['yellow', <IconAlertTriangle key="i" />, t('settings:fontStatus.fallback')] as const)
    : status.family === 'Times New Roman'
      ? (['green', <IconCheck key="i" />, t('settings:fontStatus.times')] as const)
      : (['gray', <IconInfoCircle key="i" />, t('settings:fontStatus.tinos')] as const);
  return (
    <Alert color={color} icon={icon} variant="light" role="status" data-testid="document-font-status">
      <Stack gap={4}>
        <Text>{text}</Text>
        {fallback && (
          <Text size="sm" c="dimmed">
            {t('settings:fontStatus.searched', { dirs: status.searchedDirs.join('; ') })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The choice between the bundled Tinos and the computer's Times New Roman, with what printing
 * will really use: Times New Roman may be chosen on a computer that lacks it (the choice is
 * kept for when it is installed), and the line below says so.
 */
export function DocumentFontField({ value, onChange }: { value: DocumentFont | undefined; onChange: (v: DocumentFont) => void }) {
  const { t } = useT();
  const status = useApiQuery('documents:fontStatus', {});
  const missing = status.data?.timesNewRomanFound === false;
  return (
    <Stack gap="sm">
      <Radio.Group value={value ?? 'tinos'} onChange={(v) => onChange(v as DocumentFont)}>
        <Stack gap="sm" mt={4}>
          <Radio size="md" value="tinos" label={t('settings:documentFonts.tinos')} />
          <Radio
            size="md"
            value="times-new-roman"
            label={t('settings:documentFonts.timesNewRoman')}
            description={missing ? t('settings:timesNewRomanMissing') : undefined}
          />
        </Stack>
      </Radio.Group>
      {status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        status.data && <FontStatusLine status={status.data} />
      )}
    </Stack>
  );
}
