import { Alert, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import type { Finalization, SessionResults } from '../../../../shared/api/channels/results';
import { useT } from '../../i18n/useT';
import { vnDateTime } from '../../../../shared/ocop/vn-time';

/** Alert titles print in the accent colour, too pale on the light background; dark keeps the contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-7)' } } as const;

/** The locked state, stated in words (not only by a disabled button) with the check code. */
export function LockBanner({ f }: { f: Finalization }) {
  const { t } = useT();
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconLock />}
      title={t('results:locked.title')}
      styles={DARK_TITLE}
      data-testid="results-locked"
    >
      <Stack gap={6}>
        <Text>{t('results:locked.body', { at: vnDateTime(f.finalizedAt), by: f.finalizedBy, seq: f.seq })}</Text>
        <Text size="sm">
          {t('results:locked.digest')}: <Code data-testid="results-digest">{f.resultsDigest}</Code>
        </Text>
      </Stack>
    </Alert>
  );
}

/** Why the results cannot be finalized yet, each with what to do. */
export function FinalizeBlockers({ r }: { r: SessionResults }) {
  const { t } = useT();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertCircle />}
      title={t('results:blockers.title')}
      styles={DARK_TITLE}
      data-testid="finalize-blockers"
    >
      <List>
        {r.finalizeBlockers.map((b) => (
          <List.Item key={b.code}>{t(`results:blockers.${b.code}`, { count: b.registrationIds.length })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function FinalizationHistory({ r }: { r: SessionResults }) {
  const { t } = useT();
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="xs">
        {t('results:history.title')}
      </Title>
      <List>
        {r.history.map((h) => (
          <List.Item key={h.id}>
            {t('results:history.finalized', { seq: h.seq, at: vnDateTime(h.finalizedAt), by: h.finalizedBy })}
            {h.reopenedAt && (
              <>
                {' '}
                —{' '}
                {t('results:history.reopened', {
                  at: vnDateTime(h.reopenedAt),
                  by: h.reopenedBy ?? '',
                  reason: h.reopenReason ?? '',
                })}
              </>
            )}
            <Text size="sm" c="gray.7">
              {t('results:locked.digest')}: {h.resultsDigest}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
