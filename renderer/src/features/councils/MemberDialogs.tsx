import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { CouncilDetail, CouncilMember, MemberRole } from '../../../../shared/api/channels/councils';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { MEMBER_ROLES, roleLabel } from './labels';

export type MemberDialog = { kind: 'add' } | { kind: 'change' | 'end' | 'correct'; member: CouncilMember } | null;

const today = () => vnToday(new Date());

/**
 * The four ways a membership changes: add a person, change role/office/position from a date,
 * end a membership, or fix a typo (only before the person took part in a session).
 */
export function MemberDialogs({ dialog, onClose, detail }: { dialog: MemberDialog; onClose: () => void; detail: CouncilDetail }) {
  const { t } = useT();
  const level = detail.council.level;
  const m = dialog && dialog.kind !== 'add' ? dialog.member : null;
  const [fullName, setFullName] = useState(m?.fullName ?? '');
  const [office, setOffice] = useState(m?.office ?? '');
  const [position, setPosition] = useState(m?.position ?? '');
  const [role, setRole] = useState<MemberRole>(m?.role ?? 'member');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const done = {
    onSuccess: () => {
      toastDone(t('councils:member.saved'));
      onClose();
    },
  };
  const add = useApiMutation('councils:addMember', done);
  const change = useApiMutation('councils:changeMember', done);
  const end = useApiMutation('councils:endMember', done);
  const correct = useApiMutation('councils:correctMember', done);
  const active = [add, change, end, correct].find((x) => x.isPending || x.isError);
  if (!dialog) return null;

  const title =
    dialog.kind === 'add'
      ? t('councils:member.add')
      : dialog.kind === 'change'
        ? t('councils:member.changeTitle', { name: m!.fullName })
        : dialog.kind === 'end'
          ? t('councils:member.endTitle', { name: m!.fullName })
          : t('councils:member.correctTitle', { name: m!.fullName });
  const roleSelect = (
    <Select
      label={t('councils:member.role')}
      allowDeselect={false}
      value={role}
      data={MEMBER_ROLES.map((r) => ({ value: r, label: roleLabel(t, r, level) }))}
      onChange={(v) => v && setRole(v as MemberRole)}
    />
  );
  const submit = () => {
    if (dialog.kind === 'add') add.mutate({ councilId: detail.council.id, fullName, office, position, role, activeFrom: date });
    else if (dialog.kind === 'change') change.mutate({ id: m!.id, from: date, role, office, position, reason });
    else if (dialog.kind === 'end') end.mutate({ id: m!.id, activeTo: date, reason });
    else correct.mutate({ id: m!.id, fullName, office, position });
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        {dialog.kind === 'change' && <Text>{t('councils:member.changeHelp')}</Text>}
        {dialog.kind === 'end' && <Text>{t('councils:member.endHelp')}</Text>}
        {dialog.kind === 'correct' && <Text>{t('councils:member.correctHelp')}</Text>}
        {(dialog.kind === 'add' || dialog.kind === 'correct') && (
          <TextInput
            label={t('councils:member.fullName')}
            required
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            data-autofocus
          />
        )}
        {dialog.kind !== 'end' && (
          <>
            <TextInput
              label={t('councils:member.position')}
              value={position}
              onChange={(e) => setPosition(e.currentTarget.value)}
            />
            <TextInput label={t('councils:member.office')} value={office} onChange={(e) => setOffice(e.currentTarget.value)} />
          </>
        )}
        {(dialog.kind === 'add' || dialog.kind === 'change') && roleSelect}
        {dialog.kind !== 'correct' && (
          <DateField
            label={dialog.kind === 'end' ? t('councils:member.to') : t('councils:member.effectiveFrom')}
            required
            value={date}
            onChange={setDate}
          />
        )}
        {(dialog.kind === 'change' || dialog.kind === 'end') && (
          <TextInput label={t('councils:member.endReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {active?.isError && <ErrorAlert error={active.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={submit} loading={active?.isPending}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
