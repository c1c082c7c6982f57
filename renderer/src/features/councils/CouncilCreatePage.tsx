import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_COUNCIL_RULES, type CouncilRulesInput } from '../../../../shared/api/channels/councils';
import { vnToday } from '../../../../shared/ocop/vn-time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { CouncilFields, councilFieldsInput, emptyCouncilFields } from './CouncilFields';
import { MemberRowsEditor, newMemberRow, type MemberRow } from './MemberRowsEditor';
import { RulesExplanation } from './RulesExplanation';
import { RulesFields } from './RulesFields';

export function CouncilCreatePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const councils = useApiQuery('councils:list', {});
  const [fields, setFields] = useState(emptyCouncilFields);
  const [from, setFrom] = useState('');
  const [rows, setRows] = useState<MemberRow[]>(() => [
    newMemberRow('chair'),
    newMemberRow('vice_chair'),
    newMemberRow('member'),
    newMemberRow('member_secretary'),
  ]);
  const [rules, setRules] = useState<CouncilRulesInput>(DEFAULT_COUNCIL_RULES);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useApiMutation('councils:create', {
    onSuccess: (d) => {
      toastDone(t('councils:form.created'));
      void navigate(`/councils/${d.council.id}`);
    },
  });
  const filled = rows.filter((r) => r.fullName.trim() || r.office.trim() || r.position.trim());

  const submit = () => {
    const unnamed = rows.findIndex((r) => !r.fullName.trim() && (r.office.trim() || r.position.trim()));
    if (unnamed >= 0) {
      setProblem(t('councils:member.needsName', { n: unnamed + 1 }));
      return;
    }
    setProblem(null);
    const activeFrom = from || fields.decisionDate || vnToday(new Date());
    create.mutate({
      ...councilFieldsInput(fields),
      level: fields.level,
      parentCouncilId: fields.parentCouncilId,
      rules,
      members: filled.map((r) => ({ fullName: r.fullName, office: r.office, position: r.position, role: r.role, activeFrom })),
    });
  };

  return (
    <Stack maw={1180} gap="lg">
      <BackLink to="/councils" label={t('councils:detail.back')} />
      <Title order={2}>{t('councils:form.createTitle')}</Title>
      <Paper withBorder p="lg">
        <CouncilFields
          value={fields}
          onChange={setFields}
          parents={(councils.data ?? []).filter((c) => c.level !== 'advisory_group')}
        />
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={3}>{t('councils:form.sectionMembers')}</Title>
          <DateField
            w={260}
            label={t('councils:form.membersFrom')}
            description={t('councils:form.membersFromHelp')}
            value={from}
            onChange={setFrom}
          />
          <MemberRowsEditor rows={rows} onChange={setRows} level={fields.level} />
          <Text size="sm" c="gray.7">
            {t('councils:roleHelp.secretary')}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Title order={3} mb="sm">
          {t('councils:form.sectionRules')}
        </Title>
        <Grid gap="xl">
          <Grid.Col span={6}>
            <RulesFields value={rules} onChange={setRules} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Alert color="blue" variant="light">
              <RulesExplanation rules={rules} memberCount={filled.filter((r) => r.role !== 'secretary').length || undefined} />
            </Alert>
          </Grid.Col>
        </Grid>
      </Paper>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {create.isError && <ErrorAlert error={create.error} />}
      <Group>
        <Button size="md" onClick={submit} loading={create.isPending}>
          {t('councils:form.create')}
        </Button>
      </Group>
    </Stack>
  );
}
