import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { RoomMe } from '../../../shared/api/channels/room';
import { ApiError, call } from '../api/client';
import { SaveQueueProvider } from '../features/scoring/save-queue-context';
import { useT } from '../i18n/useT';
import { deviceQueue } from './device-queue';
import { DeviceProductsPage } from './DeviceProductsPage';
import { DeviceSheetPage } from './DeviceSheetPage';
import { PairPage } from './PairPage';
import { useHeartbeat } from './useHeartbeat';

const queues = new Map<string, ReturnType<typeof deviceQueue>>();
/** One queue per session and member for the page's lifetime, restored from IndexedDB on first use. */
function queueFor(me: RoomMe) {
  const key = `${me.sessionId}:${me.memberId}`;
  let q = queues.get(key);
  if (!q) {
    q = deviceQueue(me.sessionId, me.memberId);
    queues.set(key, q);
    void q.restore();
  }
  return q;
}

const refusalOf = (e: unknown): string | null =>
  e instanceof ApiError && e.code === 'UNAUTHORIZED' ? (e.details?.reason ?? 'unpaired') : null;

/**
 * A member's own device in meeting-room mode: pairing first, then only the member's products and
 * sheets. Who the device is comes from the host (`room:me`, by the HttpOnly cookie); any
 * refusal of the credential (revoked, mode off, session ended) shows why, and unsent changes
 * stay in IndexedDB for when the device is paired again.
 */
export function DeviceApp() {
  const { t } = useT();
  const qc = useQueryClient();
  const me = useQuery<RoomMe, ApiError>({ queryKey: ['room:me'], queryFn: () => call('room:me', {}), retry: false });

  if (me.isPending)
    return (
      <Center h="100dvh">
        <Stack align="center">
          <Loader />
          <Text>{t('room:device.loading')}</Text>
        </Stack>
      </Center>
    );
  if (me.isError) {
    const reason = refusalOf(me.error);
    if (reason === 'unpaired') return <PairPage onPaired={() => void qc.resetQueries({ queryKey: ['room:me'] })} />;
    return (
      <Container size="xs" py="xl">
        <Stack>
          <Alert color={reason ? 'orange' : 'red'} data-testid="device-refused" data-reason={reason ?? 'network'}>
            {reason === 'revoked' || reason === 'roomClosed' || reason === 'sessionEnded'
              ? t(`room:device.refused.${reason}`)
              : t('room:device.offline')}
          </Alert>
          <Button size="lg" onClick={() => void me.refetch()}>
            {reason ? t('room:device.refused.pairAgain') : t('room:device.retry')}
          </Button>
        </Stack>
      </Container>
    );
  }
  return <Paired me={me.data} />;
}

function Paired({ me }: { me: RoomMe }) {
  const queue = useMemo(() => queueFor(me), [me]);
  const qc = useQueryClient();
  useHeartbeat(queue);
  // A credential refused while scoring (revoked, mode off): ask again who we are, which shows why.
  useEffect(
    () =>
      queue.subscribe((s) => {
        if (s.kind === 'refused' && refusalOf(s.error)) void qc.invalidateQueries({ queryKey: ['room:me'] });
      }),
    [queue, qc],
  );
  return (
    <SaveQueueProvider queue={queue}>
      <Routes>
        <Route path="/" element={<DeviceProductsPage me={me} />} />
        <Route path="/product/:registrationId" element={<DeviceSheetPage me={me} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </SaveQueueProvider>
  );
}
