import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Grid,
  Group,
  Image,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconPlayerStop, IconRefresh, IconWifi } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { RoomDevice, RoomInfo } from '../../../../shared/api/channels/room';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryFallback } from '../../components/QueryFallback';
import { useT } from '../../i18n/useT';
import { timeOf } from '../scoring/format';
import { groupFingerprint } from '../../components/fingerprint';

const ROOM_READS = ['room:status'] as const;

/**
 * The secretary's meeting-room panel: choose the network and turn the mode on; then the address
 * (as text and QR), the pairing code with its expiry, the certificate fingerprint, and every
 * paired device with its member, last contact and unsent changes, each revocable.
 */
export function RoomPanel({ sessionId, sessionOpen }: { sessionId: number; sessionOpen: boolean }) {
  const { t } = useT();
  const status = useApiQuery('room:status', { sessionId }, { staleTime: 0 });
  useLiveRefresh(sessionId, [...ROOM_READS]);
  if (status.isPending || status.isError) return <QueryFallback query={status} />;
  const s = status.data;
  if (!s.available) return <Alert color="gray">{t('room:panel.unavailable')}</Alert>;
  const room = s.room;
  return (
    <Stack gap="md">
      <Text size="lg">{t('room:panel.intro')}</Text>
      {s.membersWithoutPin.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle />} data-testid="room-no-pin">
          {t('room:panel.noPin', { names: s.membersWithoutPin.map((m) => m.fullName).join(', ') })}{' '}
          <Anchor component={Link} to={`/sessions/${sessionId}/scoring?tab=members`}>
            {t('scoring:hub.tabs.members')}
          </Anchor>
        </Alert>
      )}
      {room && room.sessionId !== sessionId ? (
        <Alert color="orange">
          <Anchor component={Link} to={`/sessions/${room.sessionId}/scoring?tab=room`}>
            {room.sessionTitle}
          </Anchor>
        </Alert>
      ) : room ? (
        <OpenRoom room={room} devices={s.devices} sessionOpen={sessionOpen} />
      ) : (
        sessionOpen && <StartForm sessionId={sessionId} />
      )}
      <Text size="sm" c="dimmed">
        {t('room:panel.firewall')}
      </Text>
    </Stack>
  );
}

function StartForm({ sessionId, resume }: { sessionId: number; resume?: RoomInfo }) {
  const { t } = useT();
  const interfaces = useApiQuery('room:interfaces', {}, { staleTime: 0 });
  const [address, setAddress] = useState<string | null>(resume?.address ?? null);
  const [plainHttp, setPlainHttp] = useState(resume?.protocol === 'http');
  const start = useApiMutation('room:start');
  const list = interfaces.data ?? [];
  const chosen = address ?? list[0]?.address ?? null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        {list.length === 0 && interfaces.isSuccess && <Alert color="yellow">{t('room:panel.noNetwork')}</Alert>}
        <Select
          label={t('room:panel.network')}
          description={t('room:panel.networkHelp')}
          data={list.map((i) => ({ value: i.address, label: `${t(`room:panel.kind.${i.kind}`)} — ${i.name} (${i.address})` }))}
          value={chosen}
          onChange={setAddress}
          allowDeselect={false}
          size="md"
          data-testid="room-network"
        />
        <Checkbox
          label={t('room:panel.plainHttp')}
          checked={plainHttp}
          onChange={(e) => setPlainHttp(e.currentTarget.checked)}
          size="md"
        />
        {plainHttp && (
          <Alert color="red" icon={<IconAlertTriangle />}>
            {t('room:panel.plainHttpWarning')}
          </Alert>
        )}
        {start.isError && <ErrorAlert error={start.error} />}
        <Group>
          <Button
            size="lg"
            leftSection={<IconPlayerPlay size={20} />}
            disabled={chosen === null}
            loading={start.isPending}
            onClick={() => chosen && start.mutate({ sessionId, address: chosen, ...(plainHttp ? { plainHttp: true } : {}) })}
            data-testid="room-start"
          >
            {resume ? t('room:panel.resume') : t('room:panel.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

function OpenRoom({ room, devices, sessionOpen }: { room: RoomInfo; devices: RoomDevice[]; sessionOpen: boolean }) {
  const { t } = useT();
  const now = useNow(5000);
  const newCode = useApiMutation('room:newCode');
  const stop = useApiMutation('room:stop');
  const [confirmStop, setConfirmStop] = useState(false);
  const expired = Date.parse(room.codeExpiresAt) <= now;
  return (
    <Stack gap="md">
      {!room.listening && (
        <Stack>
          <Alert color="orange">{t('room:panel.notListening')}</Alert>
          {sessionOpen && <StartForm sessionId={room.sessionId} resume={room} />}
        </Stack>
      )}
      {room.protocol === 'http' && (
        <Alert color="red" icon={<IconAlertTriangle />}>
          {t('room:panel.plainHttpWarning')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Stack gap="sm">
              <Group gap="xs">
                <IconWifi size={22} />
                <Badge color="green" size="lg" tt="none">
                  {t('room:panel.on')}
                </Badge>
              </Group>
              <Text fw={600}>{t('room:panel.address')}</Text>
              <Text fz={30} fw={700} data-testid="room-url" style={{ wordBreak: 'break-all' }}>
                {room.url}
              </Text>
              <Text fw={600}>{t('room:panel.code')}</Text>
              <Group align="baseline" gap="md">
                <Text
                  fz={44}
                  fw={800}
                  lh={1}
                  style={{ letterSpacing: '0.2em', fontVariantNumeric: 'tabular-nums' }}
                  td={expired ? 'line-through' : undefined}
                  c={expired ? 'dimmed' : undefined}
                  data-testid="room-code"
                >
                  {room.pairingCode}
                </Text>
                <Text c={expired ? 'red.8' : 'dimmed'} fw={expired ? 700 : 400}>
                  {expired ? t('room:panel.codeExpired') : t('room:panel.codeExpires', { time: timeOf(room.codeExpiresAt) })}
                </Text>
                <Button
                  variant={expired ? 'filled' : 'default'}
                  leftSection={<IconRefresh size={18} />}
                  loading={newCode.isPending}
                  onClick={() => newCode.mutate({})}
                >
                  {t('room:panel.newCode')}
                </Button>
              </Group>
              {room.fingerprint && (
                <Stack gap={4}>
                  <Text fw={600}>{t('room:panel.fingerprint')}</Text>
                  <Code block data-testid="room-fingerprint" style={{ fontSize: 14, whiteSpace: 'pre-wrap' }}>
                    {groupFingerprint(room.fingerprint)}
                  </Code>
                  <Text size="sm" c="dimmed">
                    {t('room:panel.fingerprintHelp')}
                  </Text>
                </Stack>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Stack align="center" gap="xs">
              <Image src={room.qr} alt={room.url} w={240} h={240} data-testid="room-qr" />
              <Text size="sm" ta="center">
                {t('room:panel.scan')}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <DevicesTable devices={devices} />
      <Group>
        <Button color="red" variant="light" leftSection={<IconPlayerStop size={20} />} onClick={() => setConfirmStop(true)}>
          {t('room:panel.stop')}
        </Button>
      </Group>
      {stop.isError && <ErrorAlert error={stop.error} />}
      <Modal opened={confirmStop} onClose={() => setConfirmStop(false)} title={t('room:panel.stop')} centered>
        <Stack>
          <Text>{t('room:panel.stopConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmStop(false)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={stop.isPending}
              onClick={() => stop.mutate({}, { onSuccess: () => setConfirmStop(false) })}
              data-testid="room-stop-confirm"
            >
              {t('room:panel.stop')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function DevicesTable({ devices }: { devices: RoomDevice[] }) {
  const { t } = useT();
  const revoke = useApiMutation('room:revoke');
  const [confirm, setConfirm] = useState<RoomDevice | null>(null);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('room:panel.devices')}
      </Title>
      {devices.length === 0 ? (
        <Text c="dimmed">{t('room:panel.noDevices')}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="sm" fz="md" data-testid="room-devices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('room:panel.member')}</Table.Th>
              <Table.Th>{t('room:panel.device')}</Table.Th>
              <Table.Th>{t('room:panel.lastSeen')}</Table.Th>
              <Table.Th>{t('room:panel.unsent')}</Table.Th>
              <Table.Th>{t('room:panel.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {devices.map((d) => (
              <Table.Tr key={d.id} data-testid={`room-device-${d.id}`} data-member={d.memberId}>
                <Table.Td fw={600}>{d.memberName}</Table.Td>
                <Table.Td>
                  {t(`room:panel.kindDevice.${d.kind}`)} · {d.label}
                </Table.Td>
                <Table.Td>{timeOf(d.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {d.unsent > 0 ? (
                    <Badge color="orange" tt="none">
                      {d.unsent}
                    </Badge>
                  ) : (
                    '0'
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={d.revokedAt ? 'gray' : 'green'} variant="light" tt="none">
                    {d.revokedAt ? t('room:panel.revoked') : t('room:panel.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {!d.revokedAt && (
                    <Button size="compact-md" variant="subtle" color="red" onClick={() => setConfirm(d)}>
                      {t('room:panel.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('room:panel.revoke')} centered>
        <Stack>
          <Text>{t('room:panel.revokeConfirm')}</Text>
          <Text fw={600}>
            {confirm?.memberName} · {confirm ? t(`room:panel.kindDevice.${confirm.kind}`) : ''}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => confirm && revoke.mutate({ deviceId: confirm.id }, { onSuccess: () => setConfirm(null) })}
              data-testid="room-revoke-confirm"
            >
              {t('room:panel.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
