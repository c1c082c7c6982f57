import { Alert, Badge, Container, Group, Paper, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { RoomMe } from '../../../shared/api/channels/room';
import type { AssignedProduct } from '../../../shared/api/channels/scoring';
import { useApiQuery } from '../api/hooks';
import { QueryFallback } from '../components/QueryFallback';
import { useT } from '../i18n/useT';
import { LanguageToggle } from './LanguageToggle';
import { UnsentBadge } from './UnsentBadge';

const stateOf = (p: AssignedProduct): 'not_started' | 'draft' | 'submitted' | 'superseded' =>
  p.sheet === null || (p.revisionOpen && p.sheet.rescoringRound < p.currentRound)
    ? 'not_started'
    : (p.sheet.status as 'draft' | 'submitted' | 'superseded');
const COLOR = { not_started: 'gray', draft: 'yellow', submitted: 'green', superseded: 'gray' } as const;

/** The member's products on their own device: one large card per product, its state and progress. */
export function DeviceProductsPage({ me }: { me: RoomMe }) {
  const { t } = useT();
  const navigate = useNavigate();
  const q = useApiQuery('scoring:assignments', { sessionId: me.sessionId, memberId: me.memberId }, { staleTime: 0 });
  return (
    <Container size="sm" py="md" px="sm">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={1} size="h3">
              {t('room:device.products.title', { name: me.memberName })}
            </Title>
            <Text c="dimmed" size="sm">
              {me.councilName} · {me.sessionTitle}
            </Text>
          </Stack>
          <LanguageToggle />
        </Group>
        {me.protocol === 'http' && <Alert color="orange">{t('room:device.plainHttp')}</Alert>}
        <Group>
          <UnsentBadge />
        </Group>
        {(q.isPending || q.isError) && <QueryFallback query={q} />}
        {q.data?.products.length === 0 && <Text>{t('scoring:products.empty')}</Text>}
        {q.data?.products.map((p) => {
          const state = stateOf(p);
          const s = p.sheet;
          const pct = s && s.applicableCount > 0 ? (100 * s.answeredCount) / s.applicableCount : 0;
          return (
            <UnstyledButton
              key={p.registrationId}
              onClick={() => navigate(`/product/${p.registrationId}`)}
              // No aria-label: the card is named by all it shows (product, state, producer, progress), so
              // speech input and screen readers use the words on screen.
              data-testid={`product-${p.registrationId}`}
            >
              <Paper withBorder p="md" radius="md">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={700} fz={19}>
                      {p.position}. {p.productName}
                    </Text>
                    <Group gap={6}>
                      <Badge size="lg" color={COLOR[state]} variant="light" tt="none">
                        {t(`scoring:products.state.${state}`)}
                      </Badge>
                      {p.revisionOpen && (
                        <Badge size="lg" color="orange" tt="none">
                          {t('scoring:products.revision', { round: p.currentRound })}
                        </Badge>
                      )}
                    </Group>
                    <Text c="dimmed" size="sm">
                      {p.producerName}
                    </Text>
                    {s && state !== 'not_started' && (
                      <Group gap="sm">
                        <Progress value={pct} w={120} size="lg" aria-hidden="true" />
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
              </Paper>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Container>
  );
}
