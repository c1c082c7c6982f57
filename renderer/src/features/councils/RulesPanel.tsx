import type { ErrorDetails } from '../../../../shared/api/errors';
import { Accordion, Alert, Button, Grid, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { toastDone } from '../../components/toast';
import { useState } from 'react';
import { rulesSettings, type CouncilDetail, type CouncilRulesInput } from '../../../../shared/api/channels/councils';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { dateText } from './labels';
import { RulesExplanation } from './RulesExplanation';
import { RulesFields } from './RulesFields';

type UnderWay = NonNullable<ErrorDetails['sessions']>;

/**
 * The council's rules explained in sentences, with an editor. Saving creates a new version; if
 * a session is already under way the core asks for confirmation and a reason, asked here.
 */
export function RulesPanel({ detail }: { detail: CouncilDetail }) {
  const { t } = useT();
  const [draft, setDraft] = useState<CouncilRulesInput | null>(null);
  const [reason, setReason] = useState('');
  const [underWay, setUnderWay] = useState<UnderWay | null>(null);
  const voting = detail.members.filter((m) => detail.activeMemberIds.includes(m.id) && m.role !== 'secretary').length;
  const save = useApiMutation('councils:setRules', {
    onSuccess: () => {
      toastDone(t('councils:rules.saved'));
      setDraft(null);
      setUnderWay(null);
      setReason('');
    },
  });
  const submit = (confirm: boolean) =>
    draft &&
    save.mutate(
      { id: detail.council.id, rules: draft, reason: reason || undefined, confirm },
      {
        onError: (e) => {
          const sessions = e instanceof ApiError && e.code === 'CONFLICT' ? e.details?.sessions : undefined;
          if (sessions) setUnderWay(sessions);
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('councils:rules.title')}</Title>
        {!draft && <Button onClick={() => setDraft(rulesSettings(detail.rules))}>{t('councils:rules.edit')}</Button>}
      </Group>
      <Text c="gray.7">
        {t('councils:rules.version', { version: detail.rules.version, date: dateText(detail.rules.createdAt.slice(0, 10)) })}
      </Text>
      {!draft ? (
        <RulesExplanation rules={rulesSettings(detail.rules)} memberCount={voting || undefined} />
      ) : (
        <Grid gap="xl">
          <Grid.Col span={6}>
            <Stack>
              <RulesFields value={draft} onChange={setDraft} />
              <Textarea
                label={t('councils:rules.reason')}
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              {save.isError && !underWay && <ErrorAlert error={save.error} />}
              <Group>
                <Button onClick={() => submit(false)} loading={save.isPending}>
                  {t('councils:rules.save')}
                </Button>
                <Button variant="default" onClick={() => setDraft(null)}>
                  {t('common:cancel')}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={6}>
            <Alert color="blue" variant="light">
              <RulesExplanation rules={draft} memberCount={voting || undefined} />
            </Alert>
          </Grid.Col>
        </Grid>
      )}
      <Text size="sm" c="gray.7">
        {t('councils:rules.defaultsNote')}
      </Text>
      {detail.rulesHistory.length > 1 && (
        <Accordion variant="contained">
          <Accordion.Item value="history">
            <Accordion.Control>{t('councils:rules.history')}</Accordion.Control>
            <Accordion.Panel>
              <Stack>
                {detail.rulesHistory.slice(1).map((r) => (
                  <Stack key={r.id} gap={4}>
                    <Text fw={600}>
                      {t('councils:rules.version', { version: r.version, date: dateText(r.createdAt.slice(0, 10)) })}
                      {r.reason ? ` — ${r.reason}` : ''}
                    </Text>
                    <RulesExplanation rules={rulesSettings(r)} />
                  </Stack>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      <Modal opened={underWay !== null} onClose={() => setUnderWay(null)} title={t('councils:rules.confirmTitle')} size="lg">
        <Stack>
          <Text>
            {t('councils:rules.confirmText', {
              sessions: (underWay ?? []).map((s) => `${s.number} (${dateText(s.date)})`).join(', '),
            })}
          </Text>
          <Textarea
            label={t('councils:rules.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {save.isError && underWay && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnderWay(null)}>
              {t('common:cancel')}
            </Button>
            <Button disabled={!reason.trim()} loading={save.isPending} onClick={() => submit(true)}>
              {t('councils:rules.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
