import { Alert, Badge, Button, Container, Group, Paper, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconUserCircle } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import type { AssignedProduct } from '../../../../shared/api/channels/scoring';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';
import { FocusScreen } from './FocusScreen';
import { forgetPin } from './member-pin';
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
            {q.data.products.map((p) => {
              const state = stateOf(p);
              const s = p.sheet;
              const pct = s && s.applicableCount > 0 ? (100 * s.answeredCount) / s.applicableCount : 0;
              return (
                <UnstyledButton
                  key={p.registrationId}
                  onClick={() => navigate(`${hub}/member/${memberId}/product/${p.registrationId}`)}
                  aria-label={t('scoring:products.open', { name: p.productName })}
                  data-testid={`product-${p.registrationId}`}
                >
                  <Paper withBorder p="md" radius="md">
                    <Group justify="space-between" wrap="nowrap">
                      <Stack gap={4} style={{ flex: 1 }}>
                        <Group gap="sm">
                          <Text fw={700} fz={20}>
                            {p.position}. {p.productName}
                          </Text>
                          <Badge size="lg" color={COLOR[state]} variant="light" tt="none">
                            {t(`scoring:products.state.${state}`)}
                          </Badge>
                          {p.revisionOpen && (
                            <Badge size="lg" color="orange" tt="none">
                              {t('scoring:products.revision', { round: p.currentRound })}
                            </Badge>
                          )}
                        </Group>
                        <Text c="dimmed">
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
                  </Paper>
                </UnstyledButton>
              );
            })}
          </Stack>
        )}
      </Container>
    </FocusScreen>
  );
}
