import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useSessionMutation } from './useSessionMutation';

/** Recusals: a member declares a conflict of interest with one product and does not score it. */
export function ConflictsPanel({ detail }: { detail: SessionDetail }) {
  const { t, i18n } = useT();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [registrationId, setRegistrationId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const declare = useSessionMutation('sessions:declareConflict', () => {
    toastDone(t('sessions:conflicts.declared'));
    setReason('');
    setMemberId(null);
    setRegistrationId(null);
  });
  const withdraw = useSessionMutation('sessions:withdrawConflict', () => toastDone(t('sessions:conflicts.withdrawn')));
  const editable = detail.allowed.editConflicts;
  const memberName = (id: number) => detail.members.find((m) => m.memberId === id)?.fullName ?? String(id);
  const productName = (id: number) => detail.agenda.find((a) => a.registrationId === id)?.productName ?? String(id);
  const fmt = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Stack gap="md">
      <Text>{t('sessions:conflicts.intro')}</Text>
      {editable && (
        <Paper withBorder p="md">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('sessions:conflicts.member')}
              w={260}
              searchable
              value={memberId}
              onChange={setMemberId}
              data={detail.members.filter((m) => m.votes).map((m) => ({ value: String(m.memberId), label: m.fullName }))}
            />
            <Select
              label={t('sessions:conflicts.product')}
              w={300}
              searchable
              value={registrationId}
              onChange={setRegistrationId}
              data={detail.agenda.map((a) => ({ value: String(a.registrationId), label: `${a.position}. ${a.productName}` }))}
            />
            <TextInput
              label={t('sessions:conflicts.reason')}
              placeholder={t('sessions:conflicts.reasonPlaceholder')}
              w={340}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              disabled={!memberId || !registrationId || !reason.trim()}
              loading={declare.isPending}
              onClick={() =>
                declare.mutate({
                  id: detail.session.id,
                  memberId: Number(memberId),
                  registrationId: Number(registrationId),
                  reason,
                })
              }
            >
              {t('sessions:conflicts.declare')}
            </Button>
          </Group>
        </Paper>
      )}
      {declare.isError && <ErrorAlert error={declare.error} />}
      {withdraw.isError && <ErrorAlert error={withdraw.error} />}
      {detail.conflicts.length === 0 ? (
        <Text c="gray.7">{t('sessions:conflicts.empty')}</Text>
      ) : (
        <Table withTableBorder striped verticalSpacing="sm" data-testid="conflicts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions:conflicts.member')}</Table.Th>
              <Table.Th>{t('sessions:conflicts.product')}</Table.Th>
              <Table.Th>{t('sessions:conflicts.reason')}</Table.Th>
              <Table.Th>{t('sessions:conflicts.declaredAt')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('councils:actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.conflicts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{memberName(c.memberId)}</Table.Td>
                <Table.Td>{productName(c.registrationId)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{fmt.format(new Date(c.declaredAt))}</Table.Td>
                <Table.Td>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sessions:conflicts.withdraw', { name: memberName(c.memberId) })}
                      onClick={() =>
                        withdraw.mutate({ id: detail.session.id, memberId: c.memberId, registrationId: c.registrationId })
                      }
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
