import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SessionKind } from '../../../../shared/api/channels/sessions';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { TimeField } from '../../components/TimeField';

export function CreateSessionModal({ opened, onClose, councilId }: { opened: boolean; onClose: () => void; councilId?: number }) {
  const { t } = useT();
  const roundName = useRoundName();
  const navigate = useNavigate();
  const councils = useApiQuery('councils:list', {});
  const rounds = useApiQuery('rounds:list', {});
  const [v, setV] = useState({
    councilId: councilId ? String(councilId) : (null as string | null),
    roundId: null as string | null,
    kind: 'meeting' as SessionKind,
    title: '',
    date: '',
    place: '',
    startTime: '08:00',
    opinionDeadline: '',
  });
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV({ ...v, [k]: value });
  const create = useApiMutation('sessions:create', {
    onSuccess: (d) => {
      toastDone(t('sessions:form.created'));
      onClose();
      void navigate(`/sessions/${d.session.id}`);
    },
  });
  const written = v.kind === 'written_opinion';
  const councilOptions = (councils.data ?? [])
    .filter((c) => c.level !== 'advisory_group')
    .map((c) => ({ value: String(c.id), label: c.name }));
  const roundOptions = (rounds.data ?? []).map((r) => ({ value: String(r.id), label: roundName(r.name) }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('sessions:form.createTitle')} size="xl">
      <Stack>
        {councilOptions.length === 0 || roundOptions.length === 0 ? <Text c="gray.7">{t('sessions:noCouncil')}</Text> : null}
        <SimpleGrid cols={2}>
          <Select
            label={t('sessions:form.council')}
            required
            data={councilOptions}
            value={v.councilId}
            onChange={(x) => set('councilId', x)}
          />
          <Select
            label={t('sessions:form.round')}
            required
            data={roundOptions}
            value={v.roundId}
            onChange={(x) => set('roundId', x)}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t('sessions:form.kind')}
          </Text>
          <SegmentedControl
            aria-label={t('sessions:form.kind')}
            value={v.kind}
            onChange={(x) => set('kind', x as SessionKind)}
            data={(['meeting', 'written_opinion'] as const).map((k) => ({ value: k, label: t(`sessions:kinds.${k}`) }))}
          />
          {written && (
            <Text size="sm" c="gray.7">
              {t('sessions:kindHelp.written_opinion')}
            </Text>
          )}
        </Stack>
        <TextInput
          label={t('sessions:form.title')}
          placeholder={t('sessions:form.titlePlaceholder')}
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <DateField
            required
            label={written ? t('sessions:form.dateWritten') : t('sessions:form.date')}
            value={v.date}
            onChange={(iso) => set('date', iso)}
          />
          {written ? (
            <DateField
              label={t('sessions:form.opinionDeadline')}
              value={v.opinionDeadline}
              onChange={(iso) => set('opinionDeadline', iso)}
            />
          ) : (
            <TimeField label={t('sessions:form.startTime')} value={v.startTime} onChange={(value) => set('startTime', value)} />
          )}
        </SimpleGrid>
        {!written && (
          <TextInput label={t('sessions:form.place')} value={v.place} onChange={(e) => set('place', e.currentTarget.value)} />
        )}
        {create.isError && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            disabled={!v.councilId || !v.roundId || !v.date}
            loading={create.isPending}
            onClick={() =>
              create.mutate({
                councilId: Number(v.councilId),
                roundId: Number(v.roundId),
                kind: v.kind,
                title: v.title,
                date: v.date,
                place: v.place,
                ...(written ? { opinionDeadline: v.opinionDeadline || null } : { startTime: v.startTime || null }),
              })
            }
          >
            {t('sessions:form.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
