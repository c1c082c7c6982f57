import { Alert, Button, FileInput, Group, Modal, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SigningRole, TokenSlot } from '../../../../shared/api/channels/signatures';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../components/file-io';
import { useT } from '../../i18n/useT';

/**
 * Signing an issued document as `role`: with a .p12/.pfx file and its password (every host), or with a
 * USB token in the desktop app, where main asks the PIN in its own window (it never comes here).
 */
export function SignDialog({
  issueId,
  document,
  role,
  name,
  onClose,
}: {
  /** The issued original in the register. */
  issueId: number;
  /** Its title, for the dialog's title. */
  document: string;
  role: SigningRole;
  name: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const desktop = typeof window !== 'undefined' && window.ocop !== undefined;
  const [source, setSource] = useState<'p12' | 'pkcs11'>('p12');
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [typedModule, setModulePath] = useState<string | null>(null);
  // The module chosen before on this computer is offered until the user types another.
  const last = useApiQuery('signatures:lastModule', {}, { enabled: desktop });
  const modulePath = typedModule ?? last.data?.modulePath ?? '';
  const [slots, setSlots] = useState<TokenSlot[] | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const sign = useApiMutation('signatures:sign', { onSuccess: onClose });
  const roleText = t(`signatures:roles.${role}`);

  const readToken = async () => {
    setReadError(null);
    try {
      setSlots(await call('signatures:tokens', { modulePath }));
    } catch (e) {
      setReadError(e);
    }
  };
  const submit = async () => {
    if (source === 'p12') {
      if (!file) return;
      sign.mutate({ issueId, role, source: { kind: 'p12', p12Base64: await fileToBase64(file), password } });
    } else if (choice) {
      const [slotId, certificateFingerprint] = choice.split('/') as [string, string];
      sign.mutate({ issueId, role, source: { kind: 'pkcs11', modulePath, slotId, certificateFingerprint } });
    }
  };
  const usable = (slots ?? []).flatMap((s) => s.certificates.filter((c) => c.problems.length === 0).map((c) => ({ slot: s, c })));

  return (
    <Modal opened onClose={onClose} title={t('signatures:dialog.title', { document, role: roleText, name })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Radio.Group label={t('signatures:dialog.source')} value={source} onChange={(v) => setSource(v as 'p12' | 'pkcs11')}>
            <Group mt="xs">
              <Radio value="p12" label={t('signatures:dialog.p12')} />
              <Radio value="pkcs11" label={t('signatures:dialog.token')} disabled={!desktop} />
            </Group>
          </Radio.Group>
          {!desktop && <Text c="gray.7">{t('signatures:dialog.tokenOnlyDesktop')}</Text>}
          {source === 'p12' ? (
            <>
              <FileInput
                label={t('signatures:dialog.file')}
                placeholder={t('signatures:dialog.filePlaceholder')}
                accept=".p12,.pfx,application/x-pkcs12"
                value={file}
                onChange={setFile}
                size="md"
                required
              />
              <PasswordInput
                label={t('signatures:dialog.password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                size="md"
              />
            </>
          ) : (
            <>
              <Group align="end">
                <TextInput
                  label={t('signatures:dialog.module')}
                  value={modulePath}
                  onChange={(e) => setModulePath(e.currentTarget.value)}
                  size="md"
                  style={{ flex: 1 }}
                />
                <Button variant="light" size="md" onClick={() => void readToken()} disabled={!modulePath}>
                  {t('signatures:dialog.readToken')}
                </Button>
              </Group>
              {readError !== null && <ErrorAlert error={readError} />}
              {slots && (
                <Radio.Group label={t('signatures:dialog.certificate')} value={choice} onChange={setChoice}>
                  <Stack mt="xs" gap="xs">
                    {usable.map(({ slot, c }) => (
                      <Radio
                        key={`${slot.slotId}/${c.fingerprint}`}
                        value={`${slot.slotId}/${c.fingerprint}`}
                        label={t('signatures:dialog.certificateOption', {
                          name: c.commonName,
                          issuer: c.issuer,
                          until: c.notAfter.slice(0, 10),
                        })}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <Alert color="blue">{t('signatures:dialog.pinNote')}</Alert>
            </>
          )}
          {sign.isError && <ErrorAlert error={sign.error} />}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={onClose}>
              {t('signatures:dialog.cancel')}
            </Button>
            <Button type="submit" size="md" loading={sign.isPending} disabled={source === 'p12' ? !file : !choice}>
              {t('signatures:dialog.sign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
