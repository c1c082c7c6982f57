import { Button, FileButton, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CouncilDetail } from '../../../../shared/api/channels/councils';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../components/file-io';
import { useT } from '../../i18n/useT';

type Owner = { ownerKind: 'member' | 'council'; ownerId: number; imageKind: 'signature' | 'seal' };

/** One image (a member's signature or the council's seal): preview, choose a PNG (checked by the core), remove. */
function ImageSlot({ owner, label }: { owner: Owner; label: string }) {
  const { t } = useT();
  const q = useApiQuery('signatures:getImage', owner);
  const set = useApiMutation('signatures:setImage');
  const remove = useApiMutation('signatures:removeImage');
  const img = q.data;
  return (
    <Group
      gap="md"
      align="center"
      wrap="nowrap"
      role="group"
      aria-label={label}
      data-testid={`image-${owner.ownerKind}-${owner.ownerId}`}
    >
      <Text fw={600} w={260}>
        {label}
      </Text>
      <Paper withBorder w={200} h={80} p={4} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {img ? (
          <Image
            src={`data:image/png;base64,${img.pngBase64}`}
            alt={t('signatures:images.preview', { label })}
            fit="contain"
            h={70}
          />
        ) : (
          <Text c="gray.7">{t('signatures:images.none')}</Text>
        )}
      </Paper>
      {img && <Text c="gray.8">{t('signatures:images.width', { mm: Math.round(img.widthMm) })}</Text>}
      <FileButton
        accept="image/png"
        onChange={(file) => {
          if (!file) return;
          set.reset();
          void fileToBase64(file).then((pngBase64) => set.mutate({ ...owner, pngBase64 }));
        }}
      >
        {(props) => (
          <Button {...props} size="md" variant="light" leftSection={<IconPhotoUp />} loading={set.isPending}>
            {img ? t('signatures:images.replace') : t('signatures:images.choose')}
          </Button>
        )}
      </FileButton>
      {img && (
        <Button
          size="md"
          variant="default"
          leftSection={<IconTrash />}
          loading={remove.isPending}
          onClick={() => remove.mutate(owner)}
        >
          {t('signatures:images.remove')}
        </Button>
      )}
      {set.isError && <ErrorAlert error={set.error} />}
    </Group>
  );
}

/** Whether the office signs the council's documents for an organisation with its seal certificate, and its name. */
function OrganisationSigner({ councilId }: { councilId: number }) {
  const { t } = useT();
  const q = useApiQuery('signatures:organisation', { councilId });
  const save = useApiMutation('signatures:setOrganisation');
  const [typed, setTyped] = useState<string | null>(null);
  const name = typed ?? q.data?.name ?? '';
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput
          label={t('signatures:images.organisation')}
          description={t('signatures:images.organisationHint')}
          value={name}
          onChange={(e) => setTyped(e.currentTarget.value)}
          size="md"
          w={560}
        />
        <Button
          size="md"
          loading={save.isPending}
          onClick={() => save.mutate({ councilId, name: name.trim() === '' ? null : name })}
        >
          {t('signatures:images.save')}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </Stack>
  );
}

/**
 * The council's "Chữ ký số" settings: each member's handwritten-signature image (blue, transparent
 * PNG) drawn when they sign, the council's seal (red, real size), and the organisation whose
 * certificate signs last where the office uses one.
 */
export function SignatureImagesPanel({ detail }: { detail: CouncilDetail }) {
  const { t } = useT();
  const councilId = detail.council.id;
  const members = detail.members.filter((m) => m.activeTo === null);
  return (
    <Stack gap="md">
      <Text>{t('signatures:images.intro')}</Text>
      <Title order={3}>{t('signatures:images.members')}</Title>
      {members.map((m) => (
        <ImageSlot key={m.id} owner={{ ownerKind: 'member', ownerId: m.id, imageKind: 'signature' }} label={m.fullName} />
      ))}
      <Title order={3}>{t('signatures:images.council')}</Title>
      <ImageSlot owner={{ ownerKind: 'council', ownerId: councilId, imageKind: 'seal' }} label={t('signatures:images.seal')} />
      <OrganisationSigner councilId={councilId} />
    </Stack>
  );
}
