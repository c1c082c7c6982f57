import { Alert, Anchor, Badge, Button, Grid, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconAward, IconClipboardList, IconDeviceMobile, IconFileText } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/channels/sessions';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { QueryFallback } from '../../components/QueryFallback';
import { useRoundName } from '../../i18n/data-text';
import { useT } from '../../i18n/useT';
import { dateText } from '../councils/labels';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { ConflictsPanel } from './ConflictsPanel';
import { QuorumIndicator } from './QuorumIndicator';
import { SessionActions } from './SessionActions';
import { SessionInfoForm } from './SessionInfoForm';
import { STATUS_COLOR } from './status';
import { useSignatureStateText } from '../documents/SignaturePanel';

function Readiness({ detail }: { detail: SessionDetail }) {
  const { t } = useT();
  if (detail.session.status !== 'preparing') return null;
  if (detail.readiness.canOpen)
    return (
      <Alert color="green" variant="light">
        {t('sessions:readiness.ready')}
      </Alert>
    );
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertCircle />}
      title={t('sessions:readiness.title')}
      data-testid="session-readiness"
    >
      <List size="sm">
        {detail.readiness.blockers.map((b) => (
          <List.Item key={b.code}>{t(`sessions:readiness.${b.code}`)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Whether the finalized session's minutes are signed (issue 15): shown beside the status. */
function MinutesSignatureBadge({ sessionId }: { sessionId: number }) {
  const { t } = useT();
  const q = useApiQuery('signatures:documents', { sessionId });
  const stateText = useSignatureStateText();
  const minutes = q.data?.documents.findLast((d) => d.kind === 'minutes');
  if (!minutes) return null;
  const state = minutes.state;
  return (
    <Badge
      size="lg"
      variant="outline"
      color={state === 'complete' || state === 'scanned' ? 'green' : 'gray'}
      c="dark.8"
      data-testid="minutes-signature"
      style={{ flexShrink: 0 }}
    >
      {t('signatures:panel.minutesBadge', { state: stateText(minutes) })}
    </Badge>
  );
}

/** Preparing a session: the quorum stays in view while agenda, roll call and recusals change. */
export function SessionPage() {
  const { t } = useT();
  const roundName = useRoundName();
  const id = Number(useParams().id);
  const q = useApiQuery('sessions:get', { id });
  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  const d = q.data;
  const s = d.session;
  const written = s.kind === 'written_opinion';
  const frozen = s.status === 'closed' || s.status === 'finalized';
  return (
    <Stack maw={1180} gap="md">
      <BackLink to="/sessions" label={t('sessions:detail.back')} />
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={2}>{s.title || t('sessions:detail.heading', { number: s.number, round: roundName(d.round.name) })}</Title>
          <Badge
            size="lg"
            variant="light"
            color={STATUS_COLOR[s.status]}
            c="dark.8"
            data-testid="session-status"
            style={{ flexShrink: 0 }}
          >
            {t(`sessions:status.${s.status}`)}
          </Badge>
          {s.status === 'finalized' && <MinutesSignatureBadge sessionId={s.id} />}
        </Group>
        <Group wrap="nowrap">
          {(s.status === 'in_progress' || s.status === 'closed') && (
            <Button component={Link} to={`/sessions/${s.id}/scoring`} leftSection={<IconClipboardList size={18} />}>
              {t('sessions:detail.scoring')}
            </Button>
          )}
          {s.status === 'in_progress' && (
            <Button
              component={Link}
              to={`/sessions/${s.id}/scoring?tab=room`}
              variant="light"
              leftSection={<IconDeviceMobile size={18} />}
            >
              {t('room:panel.tab')}
            </Button>
          )}
          {s.status !== 'preparing' && (
            <Button component={Link} to={`/results/${s.id}`} variant="light" leftSection={<IconAward size={18} />}>
              {t('sessions:detail.results')}
            </Button>
          )}
          {s.status === 'finalized' && (
            <Button component={Link} to={`/documents?session=${s.id}`} variant="light" leftSection={<IconFileText size={18} />}>
              {t('sessions:detail.documents')}
            </Button>
          )}
          <SessionActions detail={d} />
        </Group>
      </Group>
      <Stack gap={2}>
        <Text>
          {t(`sessions:kinds.${s.kind}`)} ·{' '}
          {written
            ? t('sessions:detail.whenWritten', { date: dateText(s.date), deadline: dateText(s.opinionDeadline) })
            : t('sessions:detail.when', { date: dateText(s.date), start: s.startTime ?? '—' })}
          {s.place ? ` · ${s.place}` : ''}
        </Text>
        <Text size="sm" c="gray.7">
          <Anchor component={Link} to={`/councils/${d.council.id}`} size="sm">
            {d.council.name}
          </Anchor>{' '}
          · {t('sessions:detail.rules', { version: d.rules.version })}
        </Text>
      </Stack>
      <Grid>
        <Grid.Col span={s.status === 'in_progress' ? 12 : 7}>
          <QuorumIndicator quorum={d.quorum.session} written={written} />
        </Grid.Col>
        {s.status !== 'in_progress' && (
          <Grid.Col span={5}>
            <Readiness detail={d} />
            {frozen && (
              <Alert color="gray">
                {s.status === 'finalized' ? t('sessions:detail.finalizedNote') : t('sessions:detail.frozen')}
              </Alert>
            )}
          </Grid.Col>
        )}
      </Grid>
      {d.warnings.map((w) => (
        <Alert key={w.code} color="yellow" variant="light">
          {t(`sessions:warnings.${w.code}`)}
        </Alert>
      ))}
      <Tabs defaultValue={s.status === 'preparing' ? 'attendance' : 'agenda'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t('sessions:detail.tabs.info')}</Tabs.Tab>
          <Tabs.Tab value="agenda">{t('sessions:detail.tabs.agenda', { count: d.agenda.length })}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('sessions:detail.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="conflicts">{t('sessions:detail.tabs.conflicts', { count: d.conflicts.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <SessionInfoForm key={s.updatedAt} detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaPanel detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendancePanel detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsPanel detail={d} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
