import { Button, Grid, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { REGISTRATION_KINDS, type RegistrationKind } from '../../../../shared/ocop/dossier-model';
import { vnToday, vnYear } from '../../../../shared/ocop/vn-time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** Mẫu 01: registers a product in a round (lần đầu / nâng hạng / đánh giá lại). */
export function RegisterModal({ productId, onClose }: { productId: number; onClose: () => void }) {
  const { t } = useT();
  const navigate = useNavigate();
  const rounds = useApiQuery('rounds:list', {});
  const [roundId, setRoundId] = useState<string | null>(null);
  const [kind, setKind] = useState<RegistrationKind>('first');
  const [stars, setStars] = useState<number | string>('');
  const [cert, setCert] = useState({ no: '', issued: '', expires: '' });
  const [received, setReceived] = useState({ commune: vnToday(new Date()), province: '' });
  const [regNo, setRegNo] = useState('');
  const [newRound, setNewRound] = useState({ year: vnYear(new Date()), number: 1 });
  const createRound = useApiMutation('rounds:create', {
    onSuccess: (r) => setRoundId(String(r.id)),
  });
  const create = useApiMutation('registrations:create', {
    onSuccess: (r) => {
      toastDone(t('dossiers:registration.created'));
      void navigate(`/dossiers/registrations/${r.id}`);
    },
  });
  const roundValue = roundId ?? (rounds.data?.[0] ? String(rounds.data[0].id) : null);
  const submit = () =>
    create.mutate({
      productId,
      roundId: Number(roundValue),
      kind,
      currentStars: kind === 'first' || stars === '' ? null : Number(stars),
      certificateNo: kind === 'first' ? null : cert.no,
      certificateIssuedOn: kind === 'first' ? null : cert.issued,
      certificateExpiresOn: kind === 'first' ? null : cert.expires,
      registrationNo: regNo,
      receivedCommuneOn: received.commune,
      receivedProvinceOn: received.province,
    });

  return (
    <Modal opened onClose={onClose} title={t('dossiers:registration.newTitle')} size="xl">
      <Stack>
        {rounds.data?.length === 0 && (
          <Stack gap="xs">
            <Text>{t('dossiers:round.none')}</Text>
            <Group align="flex-end">
              <NumberInput
                label={t('dossiers:round.year')}
                value={newRound.year}
                onChange={(v) => setNewRound({ ...newRound, year: Number(v) })}
                w={120}
              />
              <NumberInput
                label={t('dossiers:round.number')}
                value={newRound.number}
                onChange={(v) => setNewRound({ ...newRound, number: Number(v) })}
                w={120}
                min={1}
              />
              <Button variant="light" onClick={() => createRound.mutate(newRound)} loading={createRound.isPending}>
                {t('dossiers:round.create')}
              </Button>
            </Group>
            {createRound.error && <ErrorAlert error={createRound.error} />}
          </Stack>
        )}
        <Grid>
          <Grid.Col span={6}>
            <Select
              label={t('dossiers:registration.round')}
              required
              data={(rounds.data ?? []).map((r) => ({
                value: String(r.id),
                label: `${t('dossiers:round.label', { number: r.number, year: r.year })} — ${r.legalBasis}`,
              }))}
              value={roundValue}
              onChange={setRoundId}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label={t('dossiers:registration.kind')}
              required
              data={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))}
              value={kind}
              onChange={(v) => setKind((v as RegistrationKind) ?? 'first')}
              allowDeselect={false}
            />
          </Grid.Col>
          {kind !== 'first' && (
            <>
              <Grid.Col span={3}>
                <Select
                  label={t('dossiers:registration.currentStars')}
                  required
                  data={['3', '4', '5']}
                  value={stars === '' ? null : String(stars)}
                  onChange={(v) => setStars(v ?? '')}
                />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput
                  label={t('dossiers:registration.certificateNo')}
                  value={cert.no}
                  onChange={(e) => setCert({ ...cert, no: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={3}>
                <DateField
                  label={t('dossiers:registration.certificateIssuedOn')}
                  value={cert.issued}
                  onChange={(iso) => setCert({ ...cert, issued: iso })}
                />
              </Grid.Col>
              <Grid.Col span={3}>
                <DateField
                  label={t('dossiers:registration.certificateExpiresOn')}
                  value={cert.expires}
                  onChange={(iso) => setCert({ ...cert, expires: iso })}
                />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={4}>
            <DateField
              label={t('dossiers:registration.receivedCommuneOn')}
              value={received.commune}
              onChange={(iso) => setReceived({ ...received, commune: iso })}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <DateField
              label={t('dossiers:registration.receivedProvinceOn')}
              value={received.province}
              onChange={(iso) => setReceived({ ...received, province: iso })}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput
              label={t('dossiers:registration.registrationNo')}
              description={t('dossiers:registration.registrationNoHelp')}
              value={regNo}
              onChange={(e) => setRegNo(e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>
        {create.error && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!roundValue}>
            {t('dossiers:actions.register')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
