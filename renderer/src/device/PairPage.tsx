import { Alert, Button, Code, Container, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconArrowLeft, IconLock, IconUser } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { groupFingerprint } from '../components/fingerprint';
import { useT } from '../i18n/useT';
import { pair, pairingMembers, roomInfo, type PairingMember } from './pair-client';
import { LanguageToggle } from './LanguageToggle';

const expiredCode = (e: unknown): boolean => e instanceof ApiError && e.code === 'WRONG_CODE' && e.details?.reason === 'expired';

type Step = { kind: 'code' } | { kind: 'who'; members: PairingMember[] } | { kind: 'pin'; member: PairingMember };

/**
 * Pairing on the member's device, in three short steps sized for a phone: the 6-digit code from
 * the secretary's screen, the member's name, the PIN. The certificate fingerprint is on screen
 * so the member can compare it with the secretary's before typing the PIN.
 */
export function PairPage({ onPaired }: { onPaired: () => void }) {
  const { t } = useT();
  const [step, setStep] = useState<Step>({ kind: 'code' });
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [info, setInfo] = useState<{ fingerprint: string | null; protocol: 'https' | 'http' } | null>(null);
  useEffect(() => {
    void roomInfo().then(setInfo);
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={520} py="lg" px="md">
      <Stack gap="lg">
        <Group justify="space-between" wrap="nowrap">
          <Title order={1} size="h2">
            {t('room:device.pair.title')}
          </Title>
          <LanguageToggle />
        </Group>
        {info?.protocol === 'http' && <Alert color="orange">{t('room:device.plainHttp')}</Alert>}
        {step.kind === 'code' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const r = await pairingMembers(code);
                setStep({ kind: 'who', members: r.members });
              });
            }}
          >
            <Stack>
              <TextInput
                label={t('room:device.pair.codeLabel')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                size="xl"
                styles={{ input: { letterSpacing: '0.3em', fontSize: 32, textAlign: 'center' } }}
                data-testid="pair-code"
                autoFocus
              />
              <Button type="submit" size="xl" disabled={code.length !== 6} loading={busy}>
                {t('room:device.pair.next')}
              </Button>
            </Stack>
          </form>
        )}
        {step.kind === 'who' && (
          <Stack gap="sm">
            <Text fw={700} size="lg">
              {t('room:device.pair.whoLabel')}
            </Text>
            {step.members.map((m) => (
              <UnstyledButton
                key={m.memberId}
                onClick={() => {
                  setPin('');
                  setError(null);
                  setStep({ kind: 'pin', member: m });
                }}
                data-testid={`pair-member-${m.memberId}`}
                style={{
                  minHeight: 56,
                  padding: '12px 16px',
                  border: '1px solid var(--mantine-color-gray-4)',
                  borderRadius: 8,
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                  fontSize: 20,
                }}
              >
                <IconUser size={24} />
                {m.fullName}
              </UnstyledButton>
            ))}
            <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => setStep({ kind: 'code' })}>
              {t('room:device.pair.back')}
            </Button>
          </Stack>
        )}
        {step.kind === 'pin' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await pair(code, step.member.memberId, pin);
                onPaired();
              });
            }}
          >
            <Stack>
              <Text fw={700} size="lg">
                {t('room:device.pair.pinLabel', { name: step.member.fullName })}
              </Text>
              <TextInput
                type="password"
                inputMode="numeric"
                autoComplete="off"
                size="xl"
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
                aria-label={t('room:device.pair.pinLabel', { name: step.member.fullName })}
                styles={{ input: { letterSpacing: '0.3em', fontSize: 28, textAlign: 'center' } }}
                data-testid="pair-pin"
                autoFocus
              />
              <Text size="sm" c="dimmed">
                {t('room:device.pair.pinHelp')}
              </Text>
              <Button type="submit" size="xl" leftSection={<IconLock size={22} />} disabled={pin.length < 4} loading={busy}>
                {t('room:device.pair.submit')}
              </Button>
              <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={() => setStep({ kind: 'code' })}>
                {t('room:device.pair.back')}
              </Button>
            </Stack>
          </form>
        )}
        {error !== null &&
          (expiredCode(error) ? (
            <Alert color="orange" role="alert" data-testid="pair-expired">
              {t('room:device.pair.expired')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          ))}
        {info?.fingerprint && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('room:device.pair.certCheck')}
            </Text>
            <Text size="sm" fw={600}>
              {t('room:device.fingerprint')}
            </Text>
            <Code block style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="device-fingerprint">
              {groupFingerprint(info.fingerprint)}
            </Code>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
