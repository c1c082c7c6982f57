import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { useLiveRefresh } from '../../api/live';
import { RoomPanel } from '../room/RoomPanel';
import { BackLink } from '../../components/BackLink';
import { ExchangePanel } from './ExchangePanel';
import { useT } from '../../i18n/useT';
import { MemberPickPanel } from './MemberPickPanel';
import { PaperPickPanel } from './PaperPickPanel';
import { ProgressPanel } from './ProgressPanel';
import { SpreadPanel } from './SpreadPanel';
import { QueryFallback } from '../../components/QueryFallback';
import { dateText } from '../councils/labels';

const TABS = ['members', 'progress', 'spread', 'paper', 'room', 'exchange'] as const;
type Tab = (typeof TABS)[number];

/** The secretary's scoring screen for a session: who scores, how far, the spread, paper sheets. */
export function ScoringHubPage() {
  const { t } = useT();
  const sessionId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'members';
  const q = useApiQuery('sessions:get', { id: sessionId });
  // Members' devices save and submit while the secretary watches: these screens follow by themselves.
  useLiveRefresh(sessionId, ['scoring:progress', 'scoring:spread', 'scoring:members', 'scoring:productSheets', 'sessions:get']);
  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  const d = q.data;
  return (
    <Stack maw={1180} gap="md">
      <BackLink to={`/sessions/${sessionId}`} label={t('scoring:hub.back')} />
      <Title order={2}>{t('scoring:hub.title', { number: d.session.number, date: dateText(d.session.date) })}</Title>
      {d.session.status === 'preparing' && <Alert color="yellow">{t('scoring:hub.notOpen')}</Alert>}
      {(d.session.status === 'closed' || d.session.status === 'finalized') && (
        <Alert color="gray">{t('scoring:hub.closed')}</Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md">
              {k === 'exchange' ? t('scoringExchange:tab') : k === 'room' ? t('room:panel.tab') : t(`scoring:hub.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MemberPickPanel sessionId={sessionId} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <ProgressPanel sessionId={sessionId} />
        </Tabs.Panel>
        <Tabs.Panel value="spread" pt="md">
          <SpreadPanel sessionId={sessionId} detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="paper" pt="md">
          <PaperPickPanel sessionId={sessionId} detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="room" pt="md">
          <RoomPanel sessionId={sessionId} sessionOpen={d.session.status === 'in_progress'} />
        </Tabs.Panel>
        <Tabs.Panel value="exchange" pt="md">
          <ExchangePanel sessionId={sessionId} detail={d} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
