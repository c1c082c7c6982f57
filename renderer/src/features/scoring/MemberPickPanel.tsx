import { Badge, Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, UnstyledButton, Paper } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconKey, IconLock, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ScoringMember } from '../../../../shared/api/channels/scoring';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import type { MemberRole } from '../../../../shared/api/channels/councils';
import { roleLabel } from '../councils/labels';
import { rememberPin } from './member-pin';

/** Members pick their own name (and type their PIN when they have one) to start scoring. */
export function MemberPickPanel({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const navigate = useNavigate();
  const q = useApiQuery('scoring:members', { sessionId }, { staleTime: 0 });
  const [asking, setAsking] = useState<ScoringMember | null>(null);
  const [settingPin, setSettingPin] = useState<ScoringMember | null>(null);
  const go = (m: ScoringMember) => navigate(`/sessions/${sessionId}/scoring/member/${m.memberId}`);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>{t('common:loading')}</Text>;
  if (q.data.length === 0) return <Text>{t('scoring:members.empty')}</Text>;
  return (
    <Stack>
      <Text size="lg">{t('scoring:members.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {q.data.map((m) => (
          <Paper key={m.memberId} withBorder radius="md" p={0}>
            <UnstyledButton
              w="100%"
              p="md"
              disabled={m.present === false}
              onClick={() => (m.hasPin ? setAsking(m) : go(m))}
              // Named by what it shows (axe label-content-name-mismatch: a spoken name must contain the
              // visible text); the action is the hover title and the screen's introduction.
              title={t('scoring:members.pick', { name: m.fullName })}
              data-testid={`member-${m.memberId}`}
            >
              <Group wrap="nowrap" align="flex-start">
                <IconUser size={32} stroke={1.4} style={{ flexShrink: 0 }} />
                <Stack gap={2}>
                  <Text fw={700} fz={20}>
                    {m.fullName}
                  </Text>
                  <Text c="dimmed">{roleLabel(t, m.role as MemberRole)}</Text>
                  <Group gap={6}>
                    {m.present === false ? (
                      <Badge color="gray">{t('scoring:members.absent')}</Badge>
                    ) : (
                      <Badge
                        variant="light"
                        color={m.submittedCount === m.assignedCount && m.assignedCount > 0 ? 'green' : 'blue'}
                        tt="none"
                        size="lg"
                      >
                        {t('scoring:members.progress', { submitted: m.submittedCount, assigned: m.assignedCount })}
                      </Badge>
                    )}

                    {m.hasPin && (
                      <Badge variant="outline" color="gray" leftSection={<IconLock size={12} />} tt="none">
                        {t('scoring:members.hasPin')}
                      </Badge>
                    )}
                  </Group>
                  {m.present !== false && m.revisionPending.length > 0 && (
                    <Text c="orange.9" fw={700} data-testid={`revision-pending-${m.memberId}`}>
                      {t('scoring:members.revisionPending', {
                        count: m.revisionPending.length,
                        products: m.revisionPending.map((p) => p.productName).join(', '),
                      })}
                    </Text>
                  )}
                </Stack>
              </Group>
            </UnstyledButton>
            <Group justify="flex-end" px="xs" pb="xs">
              <Button size="compact-sm" variant="subtle" leftSection={<IconKey size={14} />} onClick={() => setSettingPin(m)}>
                {t('scoring:members.setPin')}
              </Button>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      {asking && <PinModal sessionId={sessionId} member={asking} onClose={() => setAsking(null)} onOk={() => go(asking)} />}
      {settingPin && <SetPinModal member={settingPin} onClose={() => setSettingPin(null)} />}
    </Stack>
  );
}

function PinModal({
  sessionId,
  member,
  onClose,
  onOk,
}: {
  sessionId: number;
  member: ScoringMember;
  onClose: () => void;
  onOk: () => void;
}) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await call('scoring:identify', { sessionId, memberId: member.memberId, pin });
      rememberPin(sessionId, member.memberId, pin);
      onOk();
    } catch (e) {
      setError(e);
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('scoring:members.pinTitle', { name: member.fullName })} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <PasswordInput
            label={t('scoring:members.pinLabel')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoComplete="off"
            size="lg"
            data-autofocus
          />
          {error !== null && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={pin.length < 4}>
              {t('scoring:members.pinContinue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SetPinModal({ member, onClose }: { member: ScoringMember; onClose: () => void }) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const save = useApiMutation('scoring:setPin', {
    onSuccess: (r) => {
      toastDone(r.hasPin ? t('scoring:members.pinSaved') : t('scoring:members.pinCleared'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('scoring:members.setPinTitle', { name: member.fullName })} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ memberId: member.memberId, pin: pin === '' ? null : pin });
        }}
      >
        <Stack>
          <Text size="sm">{t('scoring:members.setPinHelp')}</Text>
          <PasswordInput
            label={t('scoring:members.pinLabel')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            inputMode="numeric"
            autoComplete="new-password"
            size="lg"
            data-autofocus
          />
          {save.isError && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={pin !== '' && pin.length < 4}>
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
