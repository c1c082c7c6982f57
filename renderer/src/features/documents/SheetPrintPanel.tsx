import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { IconFileCheck, IconFile } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { useT } from '../../i18n/useT';
import type { PrintRun } from './use-print';

/** A member's scored sheet for a product, or a blank sheet (pre-filled or not) for paper scoring. */
export function SheetPrintPanel({
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
  const [memberId, setMemberId] = useState<string | null>(null);
  const [prefill, setPrefill] = useState(true);
  const products = results?.products ?? [];
  const members = [...(results?.members ?? [])].filter((m) => m.scores).sort((a, b) => a.order - b.order);
  const reg = registrationId === null ? null : Number(registrationId);
  const member = memberId === null ? null : Number(memberId);

  if (results && products.length === 0) return <Text c="gray.7">{t('documents:printSheet.noProducts')}</Text>;
  return (
    <Stack gap="md">
      <Text>{t('documents:printSheet.intro')}</Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('documents:printSheet.product')}
          placeholder={t('documents:printSheet.productPlaceholder')}
          data={products.map((p) => ({ value: String(p.registrationId), label: `${p.productCode} — ${p.productName}` }))}
          value={registrationId}
          onChange={setRegistrationId}
          w={480}
          size="md"
          searchable
        />
        <Select
          label={t('documents:printSheet.member')}
          placeholder={t('documents:printSheet.memberPlaceholder')}
          data={members.map((m) => ({ value: String(m.memberId), label: m.fullName }))}
          value={memberId}
          onChange={setMemberId}
          w={360}
          size="md"
          clearable
          searchable
        />
      </Group>
      <Checkbox
        size="md"
        label={t('documents:printSheet.prefill')}
        checked={prefill}
        onChange={(e) => setPrefill(e.currentTarget.checked)}
      />
      <Group gap="sm">
        <Button
          size="md"
          leftSection={<IconFileCheck />}
          loading={run.busy === 'sheet'}
          disabled={run.busy !== null || reg === null || member === null}
          onClick={() => run.print('sheet', { sessionId, kind: 'sheet', registrationId: reg!, memberId: member! })}
        >
          {t('documents:printSheet.scored')}
        </Button>
        <Button
          size="md"
          variant="default"
          leftSection={<IconFile />}
          loading={run.busy === 'blank-sheet'}
          disabled={run.busy !== null || reg === null}
          onClick={() =>
            run.print('blank-sheet', {
              sessionId,
              kind: 'blank-sheet',
              registrationId: reg!,
              prefill,
              ...(member !== null ? { memberId: member } : {}),
            })
          }
        >
          {t('documents:printSheet.blank')}
        </Button>
      </Group>
    </Stack>
  );
}
