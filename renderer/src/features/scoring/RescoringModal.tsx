import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';

/**
 * The chair opens a re-scoring round for one product, with a reason: prefilled with the spread
 * for a product over the council's limit; to be written for any other product (scoring one
 * again without a spread to resolve needs a stated cause). Used by the spread table and by the
 * dialog that ends the session.
 */
export function RescoringModal({
  sessionId,
  product,
  detail,
  onClose,
}: {
  sessionId: number;
  product: { registrationId: number; productName: string; spread: number | null; withinLimit: boolean | null };
  detail: SessionDetail;
  onClose: () => void;
}) {
  const { t } = useT();
  const chairs = detail.members.filter((m) => m.role === 'chair' || m.memberId === detail.session.chairMemberId);
  const [chair, setChair] = useState<string | null>(String(detail.session.chairMemberId ?? chairs[0]?.memberId ?? ''));
  const [reason, setReason] = useState(
    product.spread !== null && product.withinLimit === false ? t('scoring:spread.reasonDefault', { spread: product.spread }) : '',
  );
  const open = useApiMutation('scoring:openRescoring', {
    onSuccess: (r) => {
      toastDone(t('scoring:spread.opened', { n: r.currentRound }));
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('scoring:spread.rescoringTitle', { product: product.productName })}
      size="lg"
      centered
    >
      <Stack>
        <Text>{t('scoring:spread.rescoringText')}</Text>
        {product.withinLimit !== false && (
          <Text c="orange.9" fw={600}>
            {t('scoring:spread.reasonNeeded')}
          </Text>
        )}
        <Select
          label={t('scoring:spread.chair')}
          data={chairs.map((m) => ({ value: String(m.memberId), label: m.fullName }))}
          value={chair}
          onChange={setChair}
          allowDeselect={false}
        />
        <Textarea
          label={t('scoring:spread.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        {open.isError && <ErrorAlert error={open.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            loading={open.isPending}
            disabled={!chair || reason.trim() === ''}
            onClick={() =>
              open.mutate({ sessionId, registrationId: product.registrationId, chairMemberId: Number(chair), reason })
            }
          >
            {t('scoring:spread.openRescoring')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
