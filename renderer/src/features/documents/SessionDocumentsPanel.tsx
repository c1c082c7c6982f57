import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { useT } from '../../i18n/useT';
import type { PrintRun } from './use-print';

const KINDS = ['minutes', 'summary', 'decision', 'certificate'] as const;
type Kind = (typeof KINDS)[number];

/** Biên bản, bảng tổng hợp, dự thảo quyết định and giấy chứng nhận of the chosen session. */
export function SessionDocumentsPanel({
  sessionId,
  results,
  run,
}: {
  sessionId: number;
  results: SessionResults | undefined;
  run: PrintRun;
}) {
  const { t } = useT();
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const recognised = (results?.products ?? []).filter((p) => p.recognised && p.status === 'complete');
  return (
    <Stack gap="md">
      {recognised.length > 0 && (
        <Select
          label={t('documents:screen.product')}
          placeholder={t('documents:screen.productPlaceholder')}
          data={recognised.map((p) => ({ value: String(p.registrationId), label: `${p.productName} — ${p.finalStar}★` }))}
          value={registrationId}
          onChange={setRegistrationId}
          w={480}
          size="md"
        />
      )}
      {results && recognised.length === 0 && <Text c="gray.7">{t('documents:screen.noRecognised')}</Text>}
      <Group gap="sm" role="group" aria-label={t('documents:screen.kinds')}>
        {KINDS.map((k: Kind) => (
          <Button
            key={k}
            size="md"
            leftSection={<IconFileText />}
            loading={run.busy === k}
            disabled={
              run.busy !== null ||
              (k === 'certificate' && registrationId === null) ||
              (k !== 'minutes' && k !== 'summary' && recognised.length === 0)
            }
            onClick={() =>
              run.print(k, {
                sessionId,
                kind: k,
                ...(k === 'certificate' && registrationId ? { registrationId: Number(registrationId) } : {}),
              })
            }
          >
            {t(`documents:screen.${k}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
