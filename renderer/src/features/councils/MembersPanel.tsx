import { ActionIcon, Badge, Button, Group, Menu, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CouncilDetail } from '../../../../shared/api/channels/councils';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { dateText, roleLabel } from './labels';
import { MemberDialogs, type MemberDialog } from './MemberDialogs';

/** Current members in list order; earlier periods on request. Changes never rewrite a used period. */
export function MembersPanel({ detail }: { detail: CouncilDetail }) {
  const { t } = useT();
  const [history, setHistory] = useState(false);
  const [dialog, setDialog] = useState<MemberDialog>(null);
  const active = new Set(detail.activeMemberIds);
  const all = [...detail.members].sort((a, b) => a.sortOrder - b.sortOrder || a.activeFrom.localeCompare(b.activeFrom));
  const shown = history ? all : all.filter((m) => active.has(m.id));
  const reorder = useApiMutation('councils:reorderMembers');
  const move = (id: number, d: -1 | 1) => {
    const i = shown.findIndex((m) => m.id === id);
    const other = shown[i + d];
    if (!other) return;
    const order = all.map((m) => m.id);
    const a = order.indexOf(id);
    const b = order.indexOf(other.id);
    [order[a], order[b]] = [order[b]!, order[a]!];
    reorder.mutate({ councilId: detail.council.id, memberIds: order });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600}>{t('councils:member.current', { count: detail.activeMemberIds.length })}</Text>
        <Group>
          <Switch label={t('councils:member.history')} checked={history} onChange={(e) => setHistory(e.currentTarget.checked)} />
          <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'add' })}>
            {t('councils:member.add')}
          </Button>
        </Group>
      </Group>
      {reorder.isError && <ErrorAlert error={reorder.error} />}
      {shown.length === 0 ? (
        <Text c="gray.7">{t('councils:member.noMembers')}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="sm" data-testid="council-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('councils:member.order')}</Table.Th>
              <Table.Th>{t('councils:member.fullName')}</Table.Th>
              <Table.Th>{t('councils:member.position')}</Table.Th>
              <Table.Th>{t('councils:member.role')}</Table.Th>
              <Table.Th>{t('councils:member.period')}</Table.Th>
              <Table.Th w={130}>
                <VisuallyHidden>{t('councils:actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((m, i) => {
              const isActive = active.has(m.id);
              return (
                <Table.Tr key={m.id} c={isActive ? undefined : 'gray.7'}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text fw={600}>{m.fullName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text>{m.position}</Text>
                    <Text size="sm" c="gray.7">
                      {m.office}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text>{roleLabel(t, m.role, detail.council.level)}</Text>
                      {!isActive && <Badge color="gray">{t('councils:member.ended')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.activeTo
                        ? t('councils:member.between', { from: dateText(m.activeFrom), to: dateText(m.activeTo) })
                        : t('councils:member.since', { date: dateText(m.activeFrom) })}
                    </Text>
                    {m.endReason && (
                      <Text size="sm" c="gray.7">
                        {m.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('councils:member.moveUp', { name: m.fullName })}
                        disabled={i === 0 || reorder.isPending}
                        onClick={() => move(m.id, -1)}
                      >
                        <IconArrowUp size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('councils:member.moveDown', { name: m.fullName })}
                        disabled={i === shown.length - 1 || reorder.isPending}
                        onClick={() => move(m.id, 1)}
                      >
                        <IconArrowDown size={18} />
                      </ActionIcon>
                      {m.activeTo === null && (
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={`${t('common:edit')}: ${m.fullName}`}>
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setDialog({ kind: 'change', member: m })}>
                              {t('councils:member.change')}
                            </Menu.Item>
                            <Menu.Item onClick={() => setDialog({ kind: 'end', member: m })}>
                              {t('councils:member.end')}
                            </Menu.Item>
                            <Menu.Item disabled={m.usedInSession} onClick={() => setDialog({ kind: 'correct', member: m })}>
                              {t('councils:member.correct')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="gray.7">
        {t('councils:roleHelp.secretary')}
      </Text>
      {dialog && (
        <MemberDialogs
          key={dialog.kind + (dialog.kind === 'add' ? '' : dialog.member.id)}
          dialog={dialog}
          onClose={() => setDialog(null)}
          detail={detail}
        />
      )}
    </Stack>
  );
}
