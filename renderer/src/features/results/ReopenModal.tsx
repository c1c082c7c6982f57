import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { SessionResults } from '../../../../shared/api/channels/results';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** Reopening needs the presiding member and their reason; both are written to the audit log. */
export function ReopenModal({ results, onClose }: { results: SessionResults; onClose: () => void }) {
  const { t } = useT();
  const defaultChair = results.session.chairMemberId ?? results.members.find((m) => m.role === 'chair')?.memberId ?? null;
  const [chair, setChair] = useState<string | null>(defaultChair !== null ? String(defaultChair) : null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const m = useApiMutation('results:reopen', {
    onSuccess: () => {
      toastDone(t('results:reopen.done'));
      onClose();
    },
  });
  const tooShort = reason.trim().length < 5;
  return (
    <Modal opened onClose={onClose} title={t('results:reopen.title')} size="lg">
      <Stack>
        <Text>{t('results:reopen.body')}</Text>
        <Select
          label={t('results:reopen.chair')}
          value={chair}
          onChange={setChair}
          allowDeselect={false}
          data={results.members.filter((x) => x.scores).map((x) => ({ value: String(x.memberId), label: x.fullName }))}
        />
        <Textarea
          label={t('results:reopen.reason')}
          placeholder={t('results:reopen.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={touched && tooShort ? t('results:reopen.reasonTooShort') : undefined}
          autosize
          minRows={3}
          required
          data-autofocus
        />
        {m.isError && <ErrorAlert error={m.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            color="orange"
            disabled={tooShort || chair === null}
            loading={m.isPending}
            onClick={() => m.mutate({ sessionId: results.session.id, chairMemberId: Number(chair), reason })}
          >
            {t('results:reopen.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
