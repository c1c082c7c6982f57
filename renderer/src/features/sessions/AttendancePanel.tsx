import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SessionDetail, SessionMember } from '../../../../shared/api/channels/sessions';
import { joinPositionOffice } from '../../../../shared/ocop/person-office';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { roleLabel } from '../councils/labels';
import { useSessionMutation } from './useSessionMutation';

type Mark = 'present' | 'absent' | 'unknown';
const markOf = (m: SessionMember): Mark => (m.present === null ? 'unknown' : m.present ? 'present' : 'absent');

function ReasonInput({ member, sessionId, disabled }: { member: SessionMember; sessionId: number; disabled: boolean }) {
  const { t } = useT();
  const [value, setValue] = useState(member.absenceReason ?? '');
  const save = useSessionMutation('sessions:setAttendance');
  const commit = () => {
    if (value.trim() !== (member.absenceReason ?? ''))
      save.mutate({ id: sessionId, memberId: member.memberId, present: false, absenceReason: value.trim() || null });
  };
  return (
    <TextInput
      aria-label={t('sessions:attendance.reasonOf', { name: member.fullName })}
      placeholder={t('sessions:attendance.reasonPlaceholder')}
      value={value}
      disabled={disabled}
      error={save.isError ? save.error.message : undefined}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** Roll call: present, absent (with a reason) or not yet recorded; the quorum above follows each click. */
export function AttendancePanel({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  const written = detail.session.kind === 'written_opinion';
  const editable = detail.allowed.editAttendance;
  const mark = useSessionMutation('sessions:setAttendance');
  const [bulk, setBulk] = useState(false);
  const counts = { present: 0, absent: 0, unknown: 0 };
  for (const m of detail.members) counts[markOf(m)]++;
  const allPresent = async () => {
    setBulk(true);
    try {
      for (const m of detail.members.filter((x) => x.present === null))
        await mark.mutateAsync({ id: detail.session.id, memberId: m.memberId, present: true });
    } finally {
      setBulk(false);
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text>{t('sessions:attendance.summary', counts)}</Text>
        {editable && counts.unknown > 0 && (
          <Button variant="light" loading={bulk} onClick={() => void allPresent()}>
            {t('sessions:attendance.allPresent')}
          </Button>
        )}
      </Group>
      {mark.isError && <ErrorAlert error={mark.error} />}
      <Table withTableBorder striped verticalSpacing="sm" data-testid="attendance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('sessions:attendance.member')}</Table.Th>
            <Table.Th>{t('sessions:attendance.role')}</Table.Th>
            <Table.Th w={330}>{t('sessions:attendance.state')}</Table.Th>
            <Table.Th w={260}>{t('sessions:attendance.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.members.map((m) => (
            <Table.Tr key={m.memberId} data-testid={`attendance-${m.memberId}`}>
              <Table.Td>{m.order}</Table.Td>
              <Table.Td>
                <Text fw={600}>{m.fullName}</Text>
                <Text size="sm" c="gray.7">
                  {joinPositionOffice(m.position, m.office)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text>{roleLabel(t, m.role, detail.council.level)}</Text>
                {!m.votes && (
                  <Text size="sm" c="gray.7">
                    ({t('sessions:attendance.notVoting')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  aria-label={t('sessions:attendance.stateOf', { name: m.fullName })}
                  disabled={!editable || mark.isPending}
                  value={markOf(m)}
                  data={[
                    {
                      value: 'present',
                      label: written ? t('sessions:attendance.presentWritten') : t('sessions:attendance.present'),
                    },
                    { value: 'absent', label: t('sessions:attendance.absent') },
                    { value: 'unknown', label: t('sessions:attendance.unknown') },
                  ]}
                  onChange={(v) =>
                    mark.mutate({
                      id: detail.session.id,
                      memberId: m.memberId,
                      present: v === 'unknown' ? null : v === 'present',
                    })
                  }
                />
              </Table.Td>
              <Table.Td>
                {m.present === false && (
                  <ReasonInput key={m.absenceReason ?? ''} member={m} sessionId={detail.session.id} disabled={!editable} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
