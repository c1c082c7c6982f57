import { Button, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SignerSettings, type CouncilSigner } from '../../../../shared/api/channels/document-settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/**
 * The council's default signers, one block per document kind and slot: what every session's
 * documents print until the session saves its own. Each block saves on its own; "Dùng mặc định"
 * goes back to the built-in default (Decree 30 and provincial practice).
 */
export function CouncilSignersDialog({ councilId, onClose }: { councilId: number; onClose: () => void }) {
  const { t } = useT();
  const list = useApiQuery('documents:councilSigners', { councilId });
  return (
    <Modal opened onClose={onClose} title={t('documents:settingsPanel.councilSignersTitle')} size="xl">
      <Stack gap="md">
        <Text>{t('documents:settingsPanel.councilSignersIntro')}</Text>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.map((s) => (
          <SignerBlock key={`${s.kind}-${s.slot}`} councilId={councilId} signer={s} />
        ))}
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('documents:settingsPanel.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SignerBlock({ councilId, signer }: { councilId: number; signer: CouncilSigner }) {
  const { t } = useT();
  const [v, setV] = useState(signer.signer);
  const save = useApiMutation('documents:setCouncilSigner');
  const parsed = SignerSettings.safeParse(v);
  const issue = (k: keyof typeof v) =>
    parsed.success
      ? undefined
      : parsed.error.issues.some((i) => i.path[0] === k)
        ? t(k === 'authority' ? 'documents:settingsPanel.errors.authority' : 'documents:settingsPanel.errors.required')
        : undefined;
  const legend = t('documents:settingsPanel.councilSignerSlot', {
    kind: t(`documents:screen.${signer.kind}`),
    slot: t(signer.slot === 'main' ? 'documents:settingsPanel.slotMain' : 'documents:settingsPanel.slotSecretary'),
  });
  const field = (k: keyof typeof v, label: string, required = false) => (
    <TextInput
      label={label}
      size="md"
      required={required}
      value={v[k]}
      onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })}
      error={issue(k)}
    />
  );
  return (
    <Fieldset legend={legend} styles={{ legend: { fontSize: 16, fontWeight: 600 } }}>
      <Stack gap="sm">
        <SimpleGrid cols={4} spacing="md">
          {field('authority', t('documents:settingsPanel.signerAuthority'))}
          {field('title', t('documents:settingsPanel.signerTitle'), true)}
          {field('officeLine', t('documents:settingsPanel.signerOfficeLine'))}
          {field('name', t('documents:settingsPanel.signerName'))}
        </SimpleGrid>
        {save.error && <ErrorAlert error={save.error} />}
        <Group gap="md">
          <Button
            size="sm"
            fz="md"
            disabled={!parsed.success}
            loading={save.isPending}
            onClick={() => save.mutate({ councilId, kind: signer.kind, slot: signer.slot, signer: v })}
          >
            {t('documents:settingsPanel.save')}
          </Button>
          {signer.custom ? (
            <Button
              size="sm"
              fz="md"
              variant="default"
              loading={save.isPending}
              onClick={() => save.mutate({ councilId, kind: signer.kind, slot: signer.slot, signer: null })}
            >
              {t('documents:settingsPanel.councilSignerUseDefault')}
            </Button>
          ) : (
            <Text c="gray.8">{t('documents:settingsPanel.councilSignerDefault')}</Text>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
