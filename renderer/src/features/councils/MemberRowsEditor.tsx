import { ActionIcon, Button, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { CouncilLevel, MemberRole } from '../../../../shared/api/channels/councils';
import { useT } from '../../i18n/useT';
import { MEMBER_ROLES, roleLabel } from './labels';

export interface MemberRow {
  key: number;
  fullName: string;
  office: string;
  position: string;
  role: MemberRole;
}

let nextKey = 1;
export const newMemberRow = (role: MemberRole = 'member'): MemberRow => ({
  key: nextKey++,
  fullName: '',
  office: '',
  position: '',
  role,
});

/** The initial member list of a new council, in the order of the establishing decision. */
export function MemberRowsEditor({
  rows,
  onChange,
  level,
}: {
  rows: MemberRow[];
  onChange: (rows: MemberRow[]) => void;
  level: CouncilLevel;
}) {
  const { t } = useT();
  const update = (i: number, patch: Partial<MemberRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    onChange(next);
  };
  return (
    <>
      <Table withTableBorder verticalSpacing="xs" data-testid="member-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('councils:member.order')}</Table.Th>
            <Table.Th>{t('councils:member.fullName')}</Table.Th>
            <Table.Th>{t('councils:member.position')}</Table.Th>
            <Table.Th>{t('councils:member.office')}</Table.Th>
            <Table.Th w={210}>{t('councils:member.role')}</Table.Th>
            <Table.Th w={120}>
              <VisuallyHidden>{t('councils:actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            const who = r.fullName || String(n);
            return (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <Text>{n}</Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('councils:member.fullName')} ${n}`}
                    value={r.fullName}
                    onChange={(e) => update(i, { fullName: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('councils:member.position')} ${n}`}
                    value={r.position}
                    onChange={(e) => update(i, { position: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('councils:member.office')} ${n}`}
                    value={r.office}
                    onChange={(e) => update(i, { office: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('councils:member.role')} ${n}`}
                    allowDeselect={false}
                    value={r.role}
                    data={MEMBER_ROLES.map((role) => ({ value: role, label: roleLabel(t, role, level) }))}
                    onChange={(v) => v && update(i, { role: v as MemberRole })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('councils:member.moveUp', { name: who })}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('councils:member.moveDown', { name: who })}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('councils:member.removeRow', { n })}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Button
        variant="light"
        leftSection={<IconPlus size={18} />}
        w="fit-content"
        onClick={() => onChange([...rows, newMemberRow()])}
      >
        {t('councils:member.addRow')}
      </Button>
    </>
  );
}
