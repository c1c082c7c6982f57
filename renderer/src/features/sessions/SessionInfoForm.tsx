import { Button, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { roleLabel } from '../councils/labels';
import { useSessionMutation } from './useSessionMutation';
import { TimeField } from '../../components/TimeField';

/** Title, date, place, times, presiding member and secretary. The date only changes in preparation. */
export function SessionInfoForm({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  const s = detail.session;
  const written = s.kind === 'written_opinion';
  const [v, setV] = useState({
    title: s.title,
    date: s.date,
    place: s.place,
    startTime: s.startTime ?? '',
    endTime: s.endTime ?? '',
    opinionDeadline: s.opinionDeadline ?? '',
    chairMemberId: s.chairMemberId === null ? null : String(s.chairMemberId),
    secretaryMemberId: s.secretaryMemberId === null ? null : String(s.secretaryMemberId),
    note: s.note,
  });
  const save = useSessionMutation('sessions:update', () => toastDone(t('sessions:form.saved')));
  const set = (k: keyof typeof v, value: string | null) => setV({ ...v, [k]: value });
  const memberOption = (m: SessionDetail['members'][number]) => ({
    value: String(m.memberId),
    label: `${m.fullName} (${roleLabel(t, m.role, detail.council.level)})`,
  });
  const disabled = !detail.allowed.editDetails;
  const submit = () =>
    save.mutate({
      id: s.id,
      title: v.title,
      ...(v.date !== s.date ? { date: v.date } : {}),
      place: v.place,
      ...(written
        ? { opinionDeadline: v.opinionDeadline || null }
        : { startTime: v.startTime || null, endTime: v.endTime || null }),
      chairMemberId: v.chairMemberId ? Number(v.chairMemberId) : null,
      secretaryMemberId: v.secretaryMemberId ? Number(v.secretaryMemberId) : null,
      note: v.note,
    });
  return (
    <Stack gap="md" maw={900}>
      <TextInput
        label={t('sessions:form.title')}
        placeholder={t('sessions:form.titlePlaceholder')}
        value={v.title}
        disabled={disabled}
        onChange={(e) => set('title', e.currentTarget.value)}
      />
      <SimpleGrid cols={3}>
        <DateField
          clearable={false}
          label={written ? t('sessions:form.dateWritten') : t('sessions:form.date')}
          value={v.date}
          disabled={disabled || s.status !== 'preparing'}
          onChange={(iso) => set('date', iso)}
        />
        {written ? (
          <DateField
            label={t('sessions:form.opinionDeadline')}
            value={v.opinionDeadline}
            disabled={disabled}
            onChange={(iso) => set('opinionDeadline', iso)}
          />
        ) : (
          <>
            <TimeField
              label={t('sessions:form.startTime')}
              value={v.startTime}
              disabled={disabled}
              onChange={(value) => set('startTime', value)}
            />
            <TimeField
              label={t('sessions:form.endTime')}
              value={v.endTime}
              disabled={disabled}
              onChange={(value) => set('endTime', value)}
            />
          </>
        )}
      </SimpleGrid>
      <TextInput
        label={t('sessions:form.place')}
        value={v.place}
        disabled={disabled}
        onChange={(e) => set('place', e.currentTarget.value)}
      />
      <SimpleGrid cols={2}>
        <Select
          label={t('sessions:form.chair')}
          placeholder={t('sessions:form.none')}
          clearable
          disabled={disabled}
          value={v.chairMemberId}
          onChange={(x) => set('chairMemberId', x)}
          data={detail.members.filter((m) => m.votes).map(memberOption)}
        />
        <Select
          label={t('sessions:form.secretary')}
          placeholder={t('sessions:form.none')}
          clearable
          disabled={disabled}
          value={v.secretaryMemberId}
          onChange={(x) => set('secretaryMemberId', x)}
          data={detail.members.map(memberOption)}
        />
      </SimpleGrid>
      <Textarea
        label={t('sessions:form.note')}
        autosize
        minRows={2}
        value={v.note}
        disabled={disabled}
        onChange={(e) => set('note', e.currentTarget.value)}
      />
      {save.isError && <ErrorAlert error={save.error} />}
      {!disabled && (
        <Button w="fit-content" loading={save.isPending} onClick={submit}>
          {t('sessions:form.save')}
        </Button>
      )}
    </Stack>
  );
}
