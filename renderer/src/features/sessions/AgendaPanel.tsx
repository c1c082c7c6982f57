import { ActionIcon, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { AgendaPicker } from './AgendaPicker';
import { ProductQuorumBadge } from './QuorumIndicator';
import { useSessionMutation } from './useSessionMutation';

/** The ordered products of the session, each with its quorum after recusals. */
export function AgendaPanel({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  const names = useLegalNames();
  const setAgenda = useSessionMutation('sessions:setAgenda');
  const editable = detail.allowed.editAgenda;
  const ids = detail.agenda.map((a) => a.registrationId);
  const memberName = (id: number) => detail.members.find((m) => m.memberId === id)?.fullName ?? String(id);
  const move = (i: number, d: -1 | 1) => {
    const next = [...ids];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    setAgenda.mutate({ id: detail.session.id, registrationIds: next });
  };
  return (
    <Stack gap="md">
      {setAgenda.isError && <ErrorAlert error={setAgenda.error} />}
      {detail.agenda.length === 0 ? (
        <Text c="gray.7">{t('sessions:agenda.empty')}</Text>
      ) : (
        <Table withTableBorder striped verticalSpacing="sm" data-testid="agenda">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={46}>{t('sessions:agenda.position')}</Table.Th>
              <Table.Th>{t('sessions:agenda.product')}</Table.Th>
              <Table.Th>{t('sessions:agenda.set')}</Table.Th>
              <Table.Th>{t('sessions:agenda.recused')}</Table.Th>
              <Table.Th w={200}>{t('sessions:agenda.quorum')}</Table.Th>
              {editable && (
                <Table.Th w={120}>
                  <VisuallyHidden>{t('councils:actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.agenda.map((a, i) => {
              const q = detail.quorum.products.find((p) => p.registrationId === a.registrationId)?.quorum;
              return (
                <Table.Tr key={a.registrationId} data-testid={`agenda-row-${a.registrationId}`}>
                  <Table.Td>{a.position}</Table.Td>
                  <Table.Td>
                    <Text fw={600}>{a.productName}</Text>
                    <Text size="sm" c="gray.7">
                      {a.producerName} · {a.registrationNo} · {t(`sessions:agenda.kinds.${a.registrationKind as 'first'}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{names.set(a.criteriaSetName)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.recusedMemberIds.map(memberName).join(', ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>{q && <ProductQuorumBadge quorum={q} testId={`product-quorum-${a.registrationId}`} />}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('sessions:agenda.moveUp', { name: a.productName })}
                          disabled={i === 0 || setAgenda.isPending}
                          onClick={() => move(i, -1)}
                        >
                          <IconArrowUp size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('sessions:agenda.moveDown', { name: a.productName })}
                          disabled={i === ids.length - 1 || setAgenda.isPending}
                          onClick={() => move(i, 1)}
                        >
                          <IconArrowDown size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('sessions:agenda.remove', { name: a.productName })}
                          disabled={setAgenda.isPending}
                          onClick={() =>
                            setAgenda.mutate({
                              id: detail.session.id,
                              registrationIds: ids.filter((x) => x !== a.registrationId),
                            })
                          }
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editable && <AgendaPicker detail={detail} />}
    </Stack>
  );
}
