import { Alert, Badge, Button, Group, Modal, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { AssignedProduct } from '../../../../shared/api/channels/scoring';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';

const stateOf = (p: AssignedProduct): 'not_started' | 'draft' | 'submitted' | 'superseded' =>
  p.sheet === null || (p.revisionOpen && p.sheet.rescoringRound < p.currentRound)
    ? 'not_started'
    : (p.sheet.status as 'draft' | 'submitted' | 'superseded');

const COLOR = { not_started: 'gray', draft: 'yellow', submitted: 'green', superseded: 'gray' } as const;

/**
 * One product a member scores, the same on the shared laptop and on the member's own device: its
 * state and progress, and in a re-scoring round what is expected — the chair's reason, the
 * member's previous total — with the two answers: keep the sheet unchanged (one action, recorded
 * in the new round) or revise it. `compact` is the phone layout.
 */
export function AssignedProductCard({
  p,
  sessionId,
  memberId,
  pin,
  canScore,
  onOpen,
  compact = false,
}: {
  p: AssignedProduct;
  sessionId: number;
  memberId: number;
  /** The member's PIN on a shared laptop; a paired device is the member's own and needs none. */
  pin?: string | null;
  canScore: boolean;
  onOpen: () => void;
  compact?: boolean;
}) {
  const { t } = useT();
  const [keeping, setKeeping] = useState(false);
  const state = stateOf(p);
  const s = p.sheet;
  const pct = s && s.applicableCount > 0 ? (100 * s.answeredCount) / s.applicableCount : 0;
  const keep = useApiMutation('scoring:keepPrevious', {
    onSuccess: (v) => {
      toastDone(t('scoring:products.kept', { total: v.sheet.totalPoints }));
      setKeeping(false);
    },
  });
  return (
    <Paper withBorder radius="md">
      <UnstyledButton
        onClick={onOpen}
        // No aria-label: the card is named by all it shows (product, state, producer, progress), so
        // speech input and screen readers use the words on screen.
        w="100%"
        p="md"
        data-testid={`product-${p.registrationId}`}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={compact ? 6 : 4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="sm">
              <Text fw={700} fz={compact ? 19 : 20}>
                {p.position}. {p.productName}
              </Text>
              {p.revisionOpen ? (
                <Badge size="lg" color="orange" tt="none">
                  {t('scoring:products.revision', { round: p.currentRound })}
                </Badge>
              ) : (
                <Badge size="lg" color={COLOR[state]} variant="light" tt="none">
                  {t(`scoring:products.state.${state}`)}
                </Badge>
              )}
              {s?.keptPrevious && !p.revisionOpen && (
                <Badge size="lg" color="teal" variant="light" tt="none">
                  {t('scoring:products.keptBadge')}
                </Badge>
              )}
            </Group>
            <Text c="gray.7" size={compact ? 'sm' : undefined}>
              {compact ? p.producerName : `${p.producerName} · ${t('scoring:products.set', { name: p.criteriaSetName })}`}
            </Text>
            {s && state !== 'not_started' && (
              <Group gap={compact ? 'sm' : 'md'}>
                <Progress value={pct} w={compact ? 120 : 200} size="lg" aria-hidden="true" />
                <Text size="sm">
                  {t('scoring:products.answered', { answered: s.answeredCount, applicable: s.applicableCount })}
                </Text>
                <Text size="sm" fw={600}>
                  {t('scoring:products.total', { total: s.totalPoints })}
                </Text>
              </Group>
            )}
          </Stack>
          <IconChevronRight size={28} style={{ flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
      {p.revisionOpen && canScore && (
        <Stack gap="xs" px="md" pb="md" data-testid={`revision-${p.registrationId}`}>
          <Alert color="orange" variant="light" styles={{ message: { fontSize: 16 } }}>
            <Text fw={600}>{t('scoring:products.revisionAsk', { round: p.currentRound, reason: p.roundReason ?? '—' })}</Text>
            {p.previousTotal !== null && <Text>{t('scoring:products.revisionChoice', { total: p.previousTotal })}</Text>}
          </Alert>
          <Group gap="sm">
            {p.previousTotal !== null && (
              <Button size="md" color="teal.9" onClick={() => setKeeping(true)}>
                {t('scoring:products.keep', { total: p.previousTotal })}
              </Button>
            )}
            <Button size="md" variant="default" onClick={onOpen}>
              {t('scoring:products.revise')}
            </Button>
          </Group>
        </Stack>
      )}
      {keeping && (
        <Modal
          opened
          onClose={() => setKeeping(false)}
          title={t('scoring:products.keepTitle', { product: p.productName })}
          centered
        >
          <Stack>
            <Text>{t('scoring:products.keepConfirm', { total: p.previousTotal ?? 0, round: p.currentRound })}</Text>
            {keep.error && <ErrorAlert error={keep.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setKeeping(false)}>
                {t('common:cancel')}
              </Button>
              <Button
                color="teal.9"
                loading={keep.isPending}
                data-autofocus
                onClick={() => keep.mutate({ sessionId, registrationId: p.registrationId, memberId, ...(pin ? { pin } : {}) })}
              >
                {t('scoring:products.keep', { total: p.previousTotal ?? 0 })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
