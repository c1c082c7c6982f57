import { Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CouncilDetail } from '../../../../shared/api/channels/councils';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryFallback } from '../../components/QueryFallback';
import { useT } from '../../i18n/useT';
import { CouncilFields, councilFieldsInput, type CouncilFieldValues } from './CouncilFields';
import { dateText } from './labels';
import { MembersPanel } from './MembersPanel';
import { RulesPanel } from './RulesPanel';
import { SignatureImagesPanel } from './SignatureImagesPanel';

const fieldsOf = (d: CouncilDetail): CouncilFieldValues => ({
  name: d.council.name,
  level: d.council.level,
  parentCouncilId: d.council.parentCouncilId,
  issuerParent: d.council.issuerParent,
  issuerNameLines: d.council.issuerNameLines.join('\n'),
  docSymbol: d.council.docSymbol,
  placeName: d.council.placeName,
  decisionNo: d.council.decisionNo,
  decisionDate: d.council.decisionDate ?? '',
  decisionSigner: d.council.decisionSigner,
  decisionSignerTitle: d.council.decisionSignerTitle,
  note: d.council.note,
});

function InfoPanel({ detail }: { detail: CouncilDetail }) {
  const { t } = useT();
  const [value, setValue] = useState(() => fieldsOf(detail));
  const save = useApiMutation('councils:update', {
    onSuccess: () => toastDone(t('councils:form.saved')),
  });
  return (
    <Stack>
      <CouncilFields value={value} onChange={setValue} parents={[]} fixedLevel />
      {save.isError && <ErrorAlert error={save.error} />}
      <Button
        w="fit-content"
        loading={save.isPending}
        onClick={() => save.mutate({ id: detail.council.id, ...councilFieldsInput(value) })}
      >
        {t('common:save')}
      </Button>
    </Stack>
  );
}

export function CouncilPage() {
  const { t } = useT();
  const id = Number(useParams().id);
  const q = useApiQuery('councils:get', { id });
  if (q.isPending || q.isError) return <QueryFallback query={q} />;
  const d = q.data;
  return (
    <Stack maw={1180} gap="md">
      <BackLink to="/councils" label={t('councils:detail.back')} />
      <Group gap="sm" align="center">
        <Title order={2}>{d.council.name}</Title>
        <Badge variant="light" size="lg" color={d.council.level === 'advisory_group' ? 'grape' : 'blue'}>
          {t(`councils:levels.${d.council.level}`)}
        </Badge>
      </Group>
      <Paper withBorder p="sm">
        <Group gap="xl">
          <Text>
            {d.council.decisionNo
              ? t('councils:detail.decision', { no: d.council.decisionNo, date: dateText(d.council.decisionDate) })
              : t('councils:detail.noDecision')}
          </Text>
          {d.parentCouncil && (
            <Text>
              {t('councils:detail.parent')}:{' '}
              <Anchor component={Link} to={`/councils/${d.parentCouncil.id}`}>
                {d.parentCouncil.name}
              </Anchor>
            </Text>
          )}
          {d.advisoryGroups.map((g) => (
            <Text key={g.id}>
              {t('councils:detail.advisoryGroups')}:{' '}
              <Anchor component={Link} to={`/councils/${g.id}`}>
                {g.name}
              </Anchor>
            </Text>
          ))}
          <Anchor component={Link} to={`/sessions?council=${d.council.id}`}>
            {t('councils:detail.sessionsCount', { count: d.sessionCount })}
          </Anchor>
        </Group>
      </Paper>
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">{t('councils:detail.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('councils:detail.tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="info">{t('councils:detail.tabs.info')}</Tabs.Tab>
          <Tabs.Tab value="signatures">{t('councils:detail.tabs.signatures')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="md">
          <InfoPanel key={d.council.updatedAt} detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="signatures" pt="md">
          <SignatureImagesPanel detail={d} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
