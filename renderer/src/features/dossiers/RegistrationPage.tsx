import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { toastDone } from '../../components/toast';
import { vnDateTime } from '../../../../shared/ocop/vn-time';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLegalNames } from '../../i18n/legal-names';
import { useT } from '../../i18n/useT';
import { CommuneReportPanel } from './CommuneReportPanel';
import { EvidencePanel } from './EvidencePanel';
import { STATUS_COLOR, setName, viDate } from './labels';
import { OutcomeText } from './OutcomeText';
import { SelfAssessmentPanel } from './SelfAssessmentPanel';

/** One dossier: Mẫu 01 facts, status flow with history, self-assessment, commune report, evidence. */
export function RegistrationPage() {
  const { t } = useT();
  const legal = useLegalNames();
  const id = Number(useParams().id);
  const d = useApiQuery('registrations:get', { id });
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const setStatus = useApiMutation('registrations:setStatus', {
    onSuccess: () => {
      setTo(null);
      setNote('');
      toastDone(t('dossiers:registration.statusChanged'));
    },
  });
  if (d.isError) return <ErrorAlert error={d.error} onRetry={() => void d.refetch()} />;
  if (!d.data) return <Text>{t('common:loading')}</Text>;
  const r = d.data;
  const fact = (label: string, value: string | number | null | undefined) => (
    <Grid.Col span={4}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value === null || value === undefined || value === '' ? '—' : value}</Text>
    </Grid.Col>
  );

  return (
    <Stack maw={1180} gap="md">
      <BackLink to="/dossiers" label={t('dossiers:actions.back')} />
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{r.product.name}</Title>
          <Text>
            <Anchor component={Link} to={`/dossiers/producers/${r.producer.id}`}>
              {r.producer.name}
            </Anchor>{' '}
            · {r.producer.communeName}, {r.producer.provinceName}
          </Text>
        </Stack>
        <Badge size="xl" color={STATUS_COLOR[r.status]} variant="light">
          {t(`dossiers:status.${r.status}`)}
        </Badge>
      </Group>
      {r.outcome && (
        <Paper withBorder p="md" data-testid="registration-outcome">
          <Group justify="space-between" align="center">
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('dossiers:outcome.title')}
              </Text>
              <OutcomeText outcome={r.outcome} size="xl" />
              <Text size="sm">
                {t('dossiers:outcome.decided', { at: vnDateTime(r.outcome.at), session: r.outcome.sessionNumber ?? '—' })}
              </Text>
            </Stack>
            {r.outcome.sessionId !== null && (
              <Group gap="sm">
                <Button component={Link} to={`/results/${r.outcome.sessionId}`} variant="light">
                  {t('dossiers:outcome.results')}
                </Button>
                <Button component={Link} to={`/documents?session=${r.outcome.sessionId}`} variant="default">
                  {t('dossiers:outcome.documents')}
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      )}
      {r.frozen && <Alert color="teal">{t('dossiers:registration.frozen')}</Alert>}
      {r.evaluatedAs &&
        (r.evaluatedAs.productName !== r.product.name ||
          r.evaluatedAs.producerName !== r.producer.name ||
          r.evaluatedAs.productCode !== r.product.productCode) && (
          <Alert color="gray" role="note" data-testid="evaluated-as">
            {t('dossiers:registration.evaluatedAs', {
              product: r.evaluatedAs.productName,
              code: r.evaluatedAs.productCode,
              producer: r.evaluatedAs.producerName,
            })}
          </Alert>
        )}
      {r.reevaluation && (
        <Alert color={r.reevaluation.timing === 'in_window' ? 'green' : 'orange'} role="status">
          {t(`dossiers:registration.reevaluation.${r.reevaluation.timing}`, {
            opensOn: viDate(r.reevaluation.opensOn),
            closesOn: viDate(r.reevaluation.closesOn),
          })}
        </Alert>
      )}
      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t('dossiers:registration.tabs.info')}</Tabs.Tab>
          <Tabs.Tab value="self">
            {t('dossiers:registration.tabs.selfAssessment')} ({r.selfAssessment.answered}/{r.selfAssessment.criteria})
          </Tabs.Tab>
          <Tabs.Tab value="commune">{t('dossiers:registration.tabs.communeReport')}</Tabs.Tab>
          <Tabs.Tab value="evidence">
            {t('dossiers:registration.tabs.evidence')} ({r.attachments.length})
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <Stack>
            <Paper withBorder p="lg">
              <Grid>
                {fact(t('dossiers:registration.registrationNo'), r.registrationNo)}
                {fact(
                  t('dossiers:registration.round'),
                  `${t('dossiers:round.label', { number: r.round.number, year: r.round.year })} (${r.round.legalBasis})`,
                )}
                {fact(
                  t('dossiers:registration.kind'),
                  `${t(`dossiers:kinds.${r.kind}`)}${r.currentStars ? ` — ${r.currentStars}★` : ''}`,
                )}
                {fact(t('dossiers:product.productCode'), r.product.productCode)}
                {fact(
                  t('dossiers:registration.criteriaSet'),
                  `${setName(r.criteriaSet.setKey, legal.set)} (v${r.criteriaSet.version})`,
                )}
                {fact(t('dossiers:product.specification'), r.product.specification)}
                {fact(t('dossiers:registration.receivedCommuneOn'), viDate(r.receivedCommuneOn))}
                {fact(t('dossiers:registration.receivedProvinceOn'), viDate(r.receivedProvinceOn))}
                {fact(t('dossiers:producer.phone'), r.producer.phone)}
                {r.kind !== 'first' && fact(t('dossiers:registration.certificateNo'), r.certificateNo)}
                {r.kind !== 'first' && fact(t('dossiers:registration.certificateIssuedOn'), viDate(r.certificateIssuedOn))}
                {r.kind !== 'first' && fact(t('dossiers:registration.certificateExpiresOn'), viDate(r.certificateExpiresOn))}
              </Grid>
            </Paper>
            {r.nextStatuses.length > 0 && (
              <Paper withBorder p="lg">
                <Group align="flex-end">
                  <Select
                    label={t('dossiers:actions.changeStatus')}
                    data={r.nextStatuses.map((s) => ({ value: s, label: t(`dossiers:status.${s}`) }))}
                    value={to}
                    onChange={setTo}
                    w={300}
                  />
                  <TextInput
                    label={t('dossiers:registration.statusNote')}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    w={360}
                  />
                  <Button
                    disabled={!to}
                    loading={setStatus.isPending}
                    onClick={() => to && setStatus.mutate({ id, status: to as never, note })}
                  >
                    {t('common:confirm')}
                  </Button>
                </Group>
                {setStatus.error && <ErrorAlert error={setStatus.error} />}
              </Paper>
            )}
            <Paper withBorder p="lg">
              <Title order={4} mb="xs">
                {t('dossiers:registration.history')}
              </Title>
              <Table>
                <Table.Tbody>
                  {r.statusHistory.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td>{vnDateTime(h.at)}</Table.Td>
                      <Table.Td>{t(`dossiers:status.${h.toStatus}`)}</Table.Td>
                      <Table.Td>{h.actor}</Table.Td>
                      <Table.Td>{h.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="self" pt="md">
          <SelfAssessmentPanel registrationId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="commune" pt="md">
          <CommuneReportPanel registrationId={id} report={r.communeReport} frozen={r.frozen} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidencePanel registration={r} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
