import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { ProductResult, SessionResults } from '../../../../shared/api/channels/results';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type NumberFormat, useNumberFormat } from '../../i18n/numbers';
import { useT } from '../../i18n/useT';
import { isSensitive } from './ResultsTable';

/** Confirms finalizing; the chair must tick that the sensitive results were reviewed. */
export function FinalizeModal({
  results,
  marginPoints,
  onClose,
}: {
  results: SessionResults;
  marginPoints: number;
  onClose: () => void;
}) {
  const { t } = useT();
  const numbers = useNumberFormat();
  const { text } = numbers;
  const sensitive = results.products.filter(isSensitive);
  const [ack, setAck] = useState(false);
  const m = useApiMutation('results:finalize', {
    onSuccess: () => {
      toastDone(t('results:finalize.done'));
      onClose();
    },
  });
  const s = results.summary;
  return (
    <Modal opened onClose={onClose} title={t('results:finalize.title')} size="lg">
      <Stack>
        <Text>{t('results:finalize.body')}</Text>
        <Text>{t('results:finalize.documentsAfter')}</Text>
        <Text fw={600}>
          {t('results:finalize.counts', { complete: s.byStatus.complete, disqualified: s.byStatus.disqualified })}
        </Text>
        {sensitive.length > 0 && (
          <Alert color="yellow" variant="light" title={t('results:finalize.sensitiveTitle', { count: sensitive.length })}>
            <List size="sm">
              {sensitive.map((p) => (
                <List.Item key={p.registrationId} data-testid={`finalize-sensitive-${p.registrationId}`}>
                  {p.productCode} — {p.productName}: {p.mean ? text(p.mean.display) : '—'} ·{' '}
                  {p.finalStar !== null ? t('results:stars', { count: p.finalStar }) : t('results:noStar')}
                  {/* Why it needs a second look, in words (it used to be only the flag). */}
                  <Text size="sm">{sentence(sensitiveReasons(p, t, numbers).join('; '))}</Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t('results:finalize.whyMore')}
            </Text>
          </Alert>
        )}
        {sensitive.length > 0 && (
          <Checkbox checked={ack} onChange={(e) => setAck(e.currentTarget.checked)} label={t('results:finalize.acknowledge')} />
        )}
        {m.isError && <ErrorAlert error={m.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            disabled={sensitive.length > 0 && !ack}
            loading={m.isPending}
            onClick={() =>
              m.mutate({ sessionId: results.session.id, acknowledgeSensitive: sensitive.length > 0 && ack, marginPoints })
            }
          >
            {t('results:finalize.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The reasons a result is flagged, as the chair reads them: near a band edge, one-level changes that move the star. */
function sensitiveReasons(p: ProductResult, t: ReturnType<typeof useT>['t'], { num, text }: NumberFormat): string[] {
  const out: string[] = [];
  const edge = p.sensitivity.nearEdge;
  if (edge)
    out.push(
      t('results:finalize.whyNearEdge', {
        edge: num(edge.edgePoints),
        distance: text(edge.distance.display),
        side: t(`results:sensitivity.${edge.side}`),
      }),
    );
  if (p.sensitivity.changeCount > 0) out.push(t('results:finalize.whyChanges', { count: p.sensitivity.changeCount }));
  return out;
}

const sentence = (s: string): string => (s ? `${s.charAt(0).toLocaleUpperCase('vi')}${s.slice(1)}.` : '');
