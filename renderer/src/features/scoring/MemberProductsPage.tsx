import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';
import { AssignedProductCard } from './AssignedProductCard';
import { FocusScreen } from './FocusScreen';
import { forgetPin, rememberedPin } from './member-pin';
import { QueryFallback } from '../../components/QueryFallback';

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
              <AssignedProductCard
                key={p.registrationId}
                p={p}
                sessionId={sessionId}
                memberId={memberId}
                pin={rememberedPin(sessionId, memberId)}
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
