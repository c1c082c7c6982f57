import {
  Alert,
  Badge,
  Button,
  Container,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { IconChevronRight, IconUserCircle } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import type { AssignedProduct } from '../../../../shared/api/channels/scoring';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toastDone } from '../../components/toast';
import { useT } from '../../i18n/useT';
import { FocusScreen } from './FocusScreen';
import { forgetPin, rememberedPin } from './member-pin';
import { QueryFallback } from '../../components/QueryFallback';

const stateOf = (p: AssignedProduct): 'not_started' | 'draft' | 'submitted' | 'superseded' =>
  p.sheet === null || (p.revisionOpen && p.sheet.rescoringRound < p.currentRound)
    ? 'not_started'
    : (p.sheet.status as 'draft' | 'submitted' | 'superseded');

const COLOR = { not_started: 'gray', draft: 'yellow', submitted: 'green', superseded: 'gray' } as const;

/** The member's own view: the products they score (agenda minus recusals) and how far each is. */
export function MemberProductsPage() {
  const { t } = useT();
  const params = useParams();
  const sessionId = Number(params.id);
  const memberId = Number(params.memberId);
  const navigate = useNavigate();
  const q = useApiQuery('scoring:assignments', { sessionId, memberId }, { staleTime: 0 });
  const hub = `/sessions/${sessionId}/scoring`;
  const leave = () => {
    forgetPin(sessionId, memberId);
    navigate(hub);
  };
  return (
    <FocusScreen label={t('scoring:products.intro')}>
      <Container size="md" py="lg" w="100%" style={{ overflow: 'auto' }}>
        {(q.isPending || q.isError) && <QueryFallback query={q} />}
        {q.data && (
          <Stack gap="md">
            <Group justify="space-between">
              <Group gap="sm">
                <IconUserCircle size={36} stroke={1.4} />
                <Stack gap={0}>
                  <Title order={1} size="h2">
                    {t('scoring:products.title', { name: q.data.member.fullName })}
                  </Title>
                  <Text c="dimmed">
                    {q.data.session.councilName} · {q.data.session.title}
                  </Text>
                </Stack>
              </Group>
              <Button variant="default" onClick={leave}>
                {t('scoring:products.switchMember')}
              </Button>
            </Group>
            <Text size="lg">{t('scoring:products.intro')}</Text>
            {q.data.session.status !== 'in_progress' && <Alert color="gray">{t('scoring:hub.closed')}</Alert>}
            {q.data.products.length === 0 && <Text>{t('scoring:products.empty')}</Text>}
            {q.data.products.map((p) => (
              <ProductCard
                key={p.registrationId}
                p={p}
                sessionId={sessionId}
                memberId={memberId}
                canScore={q.data.session.status === 'in_progress'}
                onOpen={() => navigate(`${hub}/member/${memberId}/product/${p.registrationId}`)}
              />
            ))}
          </Stack>
        )}
      </Container>
    </FocusScreen>
  );
}

/**
 * One product of the member. In a re-scoring round the card says what is expected — the chair's
 * reason, the member's previous total — and offers the two answers: keep the sheet unchanged
 * (one action, recorded in the new round) or revise it.
 */
function ProductCard({
  p,
  sessionId,
  memberId,
  canScore,
  onOpen,
}: {
  p: AssignedProduct;
  sessionId: number;
  memberId: number;
  canScore: boolean;
  onOpen: () => void;
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
        aria-label={t('scoring:products.open', { name: p.productName })}
        w="100%"
        p="md"
        data-testid={`product-${p.registrationId}`}
      >
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={4} style={{ flex: 1 }}>
            <Group gap="sm">
              <Text fw={700} fz={20}>
                {p.position}. {p.productName}
              </Text>
              {!p.revisionOpen && (
                <Badge size="lg" color={COLOR[state]} variant="light" tt="none">
                  {t(`scoring:products.state.${state}`)}
                </Badge>
              )}
              {p.revisionOpen && (
                <Badge size="lg" color="orange" tt="none">
                  {t('scoring:products.revision', { round: p.currentRound })}
                </Badge>
              )}
              {s?.keptPrevious && !p.revisionOpen && (
                <Badge size="lg" color="teal" variant="light" tt="none">
                  {t('scoring:products.keptBadge')}
                </Badge>
              )}
            </Group>
            <Text c="gray.7">
              {p.producerName} · {t('scoring:products.set', { name: p.criteriaSetName })}
            </Text>
            {s && state !== 'not_started' && (
              <Group gap="md">
                <Progress value={pct} w={200} size="lg" aria-hidden="true" />
                <Text size="sm">
                  {t('scoring:products.answered', { answered: s.answeredCount, applicable: s.applicableCount })}
                </Text>
                <Text size="sm" fw={600}>
                  {t('scoring:products.total', { total: s.totalPoints })}
                </Text>
              </Group>
            )}
          </Stack>
          <IconChevronRight size={28} />
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
              <Button size="md" color="teal" onClick={() => setKeeping(true)}>
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
                color="teal"
                loading={keep.isPending}
                data-autofocus
                onClick={() =>
                  keep.mutate({
                    sessionId,
                    registrationId: p.registrationId,
                    memberId,
                    ...(rememberedPin(sessionId, memberId) ? { pin: rememberedPin(sessionId, memberId) } : {}),
                  })
                }
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
