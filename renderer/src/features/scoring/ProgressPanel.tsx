import { Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import type { SessionProgress } from '../../../../shared/api/channels/scoring';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

type Cell = SessionProgress['cells'][number];
const COLOR: Record<Cell['state'], string> = {
  recused: 'gray',
  absent: 'gray',
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'green',
};

/**
 * Who has scored what: one row per product, one column per member; every cell says its state in
 * words (not colour alone). A submitted sheet can be unlocked here, with a reason.
 */
export function ProgressPanel({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const q = useApiQuery('scoring:progress', { sessionId }, { staleTime: 0, refetchInterval: 5000 });
  const [unlocking, setUnlocking] = useState<{ cell: Cell; member: string } | null>(null);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text>{t('common:loading')}</Text>;
  const p = q.data;
  const cell = (m: number, r: number) => p.cells.find((c) => c.memberId === m && c.registrationId === r)!;
  return (
    <Stack>
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders striped verticalSpacing="sm" fz="md" data-testid="progress-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scoring:progress.product')}</Table.Th>
              {p.members.map((m) => (
                <Table.Th key={m.memberId} style={{ minWidth: 110 }}>
                  {m.fullName}
                  <Text size="xs" c="dimmed">
                    {m.submitted}/{m.assigned}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.products.map((pr) => (
              <Table.Tr key={pr.registrationId}>
                <Table.Td>
                  <Text fw={600}>
                    {pr.position}. {pr.productName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('scoring:progress.submittedOf', { submitted: pr.submitted, expected: pr.expected })}
                    {pr.currentRound > 0 ? ` · ${t('scoring:spread.round', { n: pr.currentRound })}` : ''}
                  </Text>
                </Table.Td>
                {p.members.map((m) => {
                  const c = cell(m.memberId, pr.registrationId);
                  const label = t('scoring:progress.cell', {
                    member: m.fullName,
                    product: pr.productName,
                    state: t(`scoring:progress.state.${c.state}`),
                  });
                  return (
                    <Table.Td
                      key={m.memberId}
                      aria-label={label}
                      data-testid={`cell-${m.memberId}-${pr.registrationId}`}
                      data-state={c.state}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Badge
                          color={COLOR[c.state]}
                          variant={c.state === 'submitted' ? 'filled' : 'light'}
                          tt="none"
                          title={label}
                        >
                          {t(`scoring:progress.stateShort.${c.state}`)}
                        </Badge>
                        {c.state === 'draft' && (
                          <Text size="sm">
                            {t('scoring:progress.answered', { answered: c.answered, applicable: c.applicable })}
                          </Text>
                        )}
                        {c.source === 'paper' && (
                          <Text size="xs" c="dimmed">
                            {t('scoring:progress.paper')}
                          </Text>
                        )}
                      </Group>
                      {c.state === 'submitted' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          mt={4}
                          onClick={() => setUnlocking({ cell: c, member: m.fullName })}
                        >
                          {t('scoring:progress.unlock')}
                        </Button>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="sm" c="dimmed">
        {t('scoring:progress.legend')}
      </Text>
      {unlocking && (
        <UnlockModal sessionId={sessionId} cell={unlocking.cell} member={unlocking.member} onClose={() => setUnlocking(null)} />
      )}
    </Stack>
  );
}

function UnlockModal({
  sessionId,
  cell,
  member,
  onClose,
}: {
  sessionId: number;
  cell: Cell;
  member: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const unlock = useApiMutation('scoring:unlock', {
    onSuccess: () => {
      toastDone(t('scoring:progress.unlocked'));
      onClose();
    },
  });
  const go = async () => {
    try {
      const sheets = await call('scoring:productSheets', { sessionId, registrationId: cell.registrationId });
      const sheet = sheets.sheets
        .filter((s) => s.memberId === cell.memberId && s.status === 'submitted')
        .sort((a, b) => b.rescoringRound - a.rescoringRound)[0];
      if (sheet) unlock.mutate({ sheetId: sheet.id, reason });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('scoring:progress.unlockTitle', { name: member })} centered>
      <Stack>
        <Textarea
          label={t('scoring:progress.unlockReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          data-autofocus
        />
        {(error !== null || unlock.isError) && <ErrorAlert error={error ?? unlock.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void go()} disabled={reason.trim() === ''} loading={unlock.isPending}>
            {t('scoring:progress.unlock')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
