import { Alert, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { RoomMe } from '../../../shared/api/channels/room';
import { useApiQuery } from '../api/hooks';
import { QueryFallback } from '../components/QueryFallback';
import { AssignedProductCard } from '../features/scoring/AssignedProductCard';
import { useT } from '../i18n/useT';
import { LanguageToggle } from './LanguageToggle';
import { UnsentBadge } from './UnsentBadge';

/** The member's products on their own device: one large card per product, its state and progress, and
 * in a re-scoring round the choice to keep the previous sheet or revise it. */
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
        {q.data?.products.map((p) => (
          <AssignedProductCard
            key={p.registrationId}
            p={p}
            sessionId={me.sessionId}
            memberId={me.memberId}
            canScore
            compact
            onOpen={() => navigate(`/product/${p.registrationId}`)}
          />
        ))}
      </Stack>
    </Container>
  );
}
