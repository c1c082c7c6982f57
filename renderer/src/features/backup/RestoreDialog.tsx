import { Alert, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import type { RestorePreview, RestoreReport, RoundCounts, SessionState } from '../../../../shared/api/channels/backup';
import type { SessionStatus } from '../../../../shared/api/channels/sessions';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/useT';
import { BackupRefusal } from './BackupRefusal';
import { LongWork } from './LongWork';

export type RestoreSource = { name: string } | { path: string };

const COUNTS = ['dossiers', 'sessions', 'submittedSheets', 'finalizedSessions'] as const satisfies readonly (keyof RoundCounts)[];

/**
 * The confirm step of a restore: first what the backup holds against the current data (per round
 * and per session, the last change, what would be lost or gained), then the restore itself, with
 * its progress. Nothing is replaced before the preview has been read and the button pressed.
 */
export function RestoreDialog({
  source,
  onClose,
  onRestored,
}: {
  source: RestoreSource | null;
  onClose: () => void;
  onRestored: (r: RestoreReport) => void;
}) {
  const { t } = useT();
  const preview = useApiQuery('backup:preview', source ?? { name: 'none.sqlite' }, {
    enabled: source !== null,
    retry: false,
    gcTime: 0,
    staleTime: 0,
  });
  const restore = useApiMutation('backup:restore', { onSuccess: onRestored });
  const busy = restore.isPending;
  const label = source === null ? '' : 'name' in source ? source.name : (source.path.split(/[\\/]/).pop() ?? source.path);
  const close = () => {
    if (busy) return;
    restore.reset();
    onClose();
  };
  return (
    <Modal
      opened={source !== null}
      onClose={close}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      title={t('backup:restoreTitle', { name: label })}
      size="xl"
    >
      <Stack data-testid="restore-dialog">
        {preview.isPending && source !== null && <LongWork label={t('backup:preview.loading')} />}
        {preview.isError && <BackupRefusal error={preview.error} />}
        {preview.data && <PreviewBody p={preview.data} />}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('backup:preview.steps')}
          </Text>
          <Text size="sm">{t('backup:restoreSteps')}</Text>
        </Stack>
        {busy && <LongWork label={t('backup:working.restore')} testId="restore-working" />}
        {restore.isError && <BackupRefusal error={restore.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('backup:cancel')}
          </Button>
          <Button
            color="orange"
            leftSection={<IconRestore size={18} />}
            loading={busy}
            disabled={!preview.data}
            onClick={() => source && restore.mutate(source)}
          >
            {t('backup:preview.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PreviewBody({ p }: { p: RestorePreview }) {
  const { t, i18n } = useT();
  const locale = i18n.language === 'vi' ? 'vi-VN' : 'en-GB';
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(iso),
    );
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  const last = (side: RestorePreview['current']) =>
    side.lastEvent
      ? t('backup:preview.lastEventValue', {
          seq: num(side.lastEvent.seq),
          at: when(side.lastEvent.at),
          actor: side.lastEvent.actor,
        })
      : t('backup:preview.noEvent');
  const summary =
    p.relation === 'same'
      ? t('backup:preview.same')
      : p.relation === 'older'
        ? t('backup:preview.older', { lost: num(p.eventsLost), lastAt: p.current.lastEvent ? when(p.current.lastEvent.at) : '—' })
        : p.relation === 'newer'
          ? t('backup:preview.newer', { gained: num(p.eventsGained) })
          : t('backup:preview.diverged', { from: num(p.commonSeq + 1), lost: num(p.eventsLost), gained: num(p.eventsGained) });
  const warn = p.relation === 'older' || p.relation === 'diverged';
  const state = (s: SessionState | null) =>
    s
      ? t('backup:preview.sessionState', {
          status: t(`sessions:status.${s.status as SessionStatus}`),
          sheets: num(s.submittedSheets),
        })
      : '';
  const cell = (a: number | undefined, b: number | undefined) => {
    const changed = a !== b;
    return (
      <>
        <Table.Td>{a === undefined ? '—' : num(a)}</Table.Td>
        <Table.Td fw={changed ? 700 : undefined} c={changed ? ((b ?? 0) < (a ?? 0) ? 'red.8' : 'green.9') : undefined}>
          {b === undefined ? '—' : num(b)}
        </Table.Td>
      </>
    );
  };
  return (
    <Stack gap="sm" data-testid="restore-preview" data-relation={p.relation}>
      <Alert
        color={warn ? 'orange' : 'blue'}
        icon={warn ? <IconAlertTriangle size={18} /> : <IconInfoCircle size={18} />}
        data-testid="restore-summary"
      >
        {summary}
      </Alert>
      <Table withTableBorder withColumnBorders data-testid="restore-totals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backup:preview.what')}</Table.Th>
            <Table.Th>{t('backup:preview.current')}</Table.Th>
            <Table.Th>{t('backup:preview.backup')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('backup:preview.rounds')}</Table.Th>
            {cell(p.current.totals.rounds, p.backup.totals.rounds)}
          </Table.Tr>
          {COUNTS.map((k) => (
            <Table.Tr key={k}>
              <Table.Th scope="row">{t(`backup:preview.${k}`)}</Table.Th>
              {cell(p.current.totals[k], p.backup.totals[k])}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('backup:preview.lastEvent')}</Table.Th>
            <Table.Td>{last(p.current)}</Table.Td>
            <Table.Td>{last(p.backup)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {p.rounds.length > 1 && (
        <>
          <Title order={4}>{t('backup:preview.perRound')}</Title>
          <Table withTableBorder data-testid="restore-rounds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup:preview.roundName')}</Table.Th>
                {COUNTS.map((k) => (
                  <Table.Th key={k}>{t(`backup:preview.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.rounds.map((r) => (
                <Table.Tr key={r.roundId}>
                  <Table.Td>{r.name}</Table.Td>
                  {COUNTS.map((k) => {
                    const a = r.current?.[k];
                    const b = r.backup?.[k];
                    return (
                      <Table.Td key={k} fw={a !== b ? 700 : undefined}>
                        {a === b
                          ? num(a ?? 0)
                          : `${a === undefined ? '—' : num(a)} ${t('backup:preview.arrow')} ${b === undefined ? '—' : num(b)}`}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Title order={4}>{t('backup:preview.perSession')}</Title>
      {p.sessions.length === 0 ? (
        <Text>{t('backup:preview.unchanged')}</Text>
      ) : (
        <List spacing={4} data-testid="restore-sessions">
          {p.sessions.map((s) => (
            <List.Item key={s.sessionId}>
              <Text span fw={600}>
                {t('backup:preview.sessionLine', {
                  number: s.number,
                  title: s.title,
                  date: s.date.split('-').reverse().join('/'),
                })}
              </Text>
              {': '}
              {s.current && s.backup
                ? `${state(s.current)} ${t('backup:preview.arrow')} ${state(s.backup)}`
                : s.current
                  ? `${state(s.current)} (${t('backup:preview.onlyCurrent')})`
                  : `${state(s.backup)} (${t('backup:preview.onlyBackup')})`}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
