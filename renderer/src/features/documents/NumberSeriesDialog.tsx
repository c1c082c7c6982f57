import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentSettingsView, NumberedKind } from '../../../../shared/api/channels/document-settings';
import { checkNumberPattern, formatDocNumber, symbolOf } from '../../../../shared/ocop/document-number';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

type Series = NonNullable<DocumentSettingsView['series']>;

/**
 * The council's register for a kind: the number pattern ({n}, {year}) and where the series goes
 * on this year (only forward: a number is never given twice). Previews the number as printed.
 */
export function NumberSeriesDialog({ kind, series, onClose }: { kind: NumberedKind; series: Series; onClose: () => void }) {
  const { t } = useT();
  const [pattern, setPattern] = useState(series.pattern);
  const [next, setNext] = useState(String(series.nextNumber));
  const save = useApiMutation('documents:setNumberSeries', { onSuccess: onClose });
  const check = checkNumberPattern(pattern.trim());
  const nextNumber = Number(next);
  const nextOk = /^\d+$/u.test(next.trim()) && nextNumber >= series.nextNumber && nextNumber <= 999_999;
  return (
    <Modal opened onClose={onClose} title={t('documents:settingsPanel.seriesTitle', { year: series.year })} size="lg">
      <Stack gap="md">
        <Text>{t('documents:settingsPanel.seriesIntro')}</Text>
        <TextInput
          label={t('documents:settingsPanel.seriesPattern')}
          description={t('documents:settingsPanel.seriesPatternHelp')}
          size="md"
          value={pattern}
          onChange={(e) => setPattern(e.currentTarget.value)}
          error={check.ok ? undefined : t('documents:settingsPanel.errors.pattern')}
          data-autofocus
        />
        <TextInput
          label={t('documents:settingsPanel.seriesNext')}
          description={t('documents:settingsPanel.seriesNextHelp', { min: series.nextNumber })}
          inputMode="numeric"
          size="md"
          w={240}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={nextOk ? undefined : t('documents:settingsPanel.errors.seriesNext', { min: series.nextNumber })}
        />
        {check.ok && nextOk && (
          <Text fw={600}>
            {t('documents:settingsPanel.numberText', {
              text: formatDocNumber(nextNumber, symbolOf(pattern.trim(), series.year)),
            })}
          </Text>
        )}
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="md">
          <Button variant="default" size="md" onClick={onClose}>
            {t('documents:settingsPanel.cancel')}
          </Button>
          <Button
            size="md"
            disabled={!check.ok || !nextOk}
            loading={save.isPending}
            onClick={() =>
              save.mutate({ councilId: series.councilId, kind, pattern: pattern.trim(), year: series.year, nextNumber })
            }
          >
            {t('documents:settingsPanel.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
